#pragma once

#include "audio/audiodevicestatus.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QObject>

class PcmRingDevice;
class QAudioSink;

// Owns the QAudioSink in the listener's audio thread, so that the GUI thread being busy never
// starves the device. Internal to ListenerOutput.
class SinkWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SinkWorker)

public:
    SinkWorker(PcmRingDevice *source, int bufferMs, QObject *parent = nullptr);
    ~SinkWorker() override;

    void open(const QAudioDevice &device, const QAudioFormat &format, double volume);
    void close();
    void setVolume(double volume);

signals:
    void statusChanged(const AudioDeviceStatus &status);

private:
    void onStateChanged();

    PcmRingDevice *m_source; // not owned
    int m_bufferMs;
    QAudioSink *m_sink = nullptr; // child
    QAudioDevice m_device;
    bool m_reportedActive = false;
};
