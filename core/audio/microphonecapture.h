#pragma once

#include "audio/audiodevicestatus.h"
#include "audio/pcmaudio.h"

#include <QAudioDevice>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QThread>
#include <QTimer>

class QMediaDevices;
class SourceWorker;

// Records the supervisor's microphone (push-to-talk) through a QAudioSource in a thread of its
// own, delivering mono 16-bit blocks at the device's rate. A missing device, a lost one, no
// audio server and a refused open (a locked microphone permission) are reported as typed
// statuses with a message; nothing crashes and nothing blocks the caller.
class MicrophoneCapture final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MicrophoneCapture)

public:
    explicit MicrophoneCapture(QObject *parent = nullptr);
    ~MicrophoneCapture() override;

    // Empty = the system's default input.
    void setDeviceId(const QByteArray &id);
    QByteArray deviceId() const { return m_deviceId; }
    void start();
    void stop();
    bool isStarted() const { return m_wanted; }
    AudioDeviceStatus status() const { return m_status; }

    static QList<QAudioDevice> inputs();

signals:
    // Mono blocks, about every 20-100 ms while capturing.
    void audio(const PcmAudio &block);
    void statusChanged(const AudioDeviceStatus &status);

private:
    void resolve();
    void closeSource();
    void setStatus(const AudioDeviceStatus &status);
    void onWorkerStatus(const AudioDeviceStatus &status);

    QThread m_thread;
    SourceWorker *m_worker;
    QMediaDevices *m_devices; // child
    QTimer m_watch;           // polls the device list while started
    QByteArray m_deviceId;
    QByteArray m_openId;
    AudioDeviceStatus m_status;
    bool m_wanted = false;
};
