#pragma once

#include "audio/audiodevicestatus.h"
#include "audio/pcmaudio.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QObject>

class QAudioSource;
class QIODevice;

// Owns the QAudioSource in the microphone's audio thread and turns what it reads into mono
// PCM blocks. Internal to MicrophoneCapture.
class SourceWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceWorker)

public:
    explicit SourceWorker(QObject *parent = nullptr);
    ~SourceWorker() override;

    void open(const QAudioDevice &device, const QAudioFormat &format);
    void close();

signals:
    void captured(const PcmAudio &audio);
    void statusChanged(const AudioDeviceStatus &status);

private:
    void onStateChanged();
    void onReadyRead();

    QAudioSource *m_source = nullptr; // child
    QIODevice *m_input = nullptr;     // owned by m_source
    QAudioDevice m_device;
    QAudioFormat m_format;
    QByteArray m_partial; // bytes of an incomplete frame
    bool m_reportedActive = false;
};
