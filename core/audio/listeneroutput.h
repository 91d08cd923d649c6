#pragma once

#include "audio/audiodevicestatus.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QList>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>

class PcmRingDevice;
class QMediaDevices;
class SinkWorker;

// Plays a monitored call through a QAudioSink on the chosen output device. The sink lives in a
// thread of its own and pulls from a small buffer that write() fills from any thread, so audio
// keeps flowing while the GUI thread is busy. It survives the device disappearing and having no
// audio server at all: status() says what happened in words a person can act on, write() then
// drops the audio, and the caller goes on without sound. When the device comes back (or, when
// following the system default, another default appears) playback resumes by itself.
class ListenerOutput final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerOutput)

public:
    // `bufferMs`: the sink's own buffer, i.e. the latency added by the device (default 60 ms).
    explicit ListenerOutput(QObject *parent = nullptr, int bufferMs = 60);
    ~ListenerOutput() override;

    // Empty = the system's default output, followed when it changes.
    void setDeviceId(const QByteArray &id);
    QByteArray deviceId() const { return m_deviceId; }
    void start();
    void stop();
    bool isStarted() const { return m_wanted; }

    // 0..1, applied by the device.
    void setVolume(double volume);
    double volume() const { return m_volume; }

    AudioDeviceStatus status() const { return m_status; }
    // The format write() expects: 16-bit interleaved samples at this rate and channel count
    // (the device's preferred rate and channels). Known once started on a device.
    int sampleRate() const { return m_format.sampleRate(); }
    int channels() const { return m_format.channelCount(); }

    // Queues interleaved samples in the format above; never blocks. Dropped while the device
    // is not active.
    void write(const QList<qint16> &interleaved);
    qint64 bufferedMs() const;
    qint64 writtenBytes() const;
    // Bytes of written audio the device has taken so far.
    qint64 playedBytes() const;

    static QList<QAudioDevice> outputs();

signals:
    void statusChanged(const AudioDeviceStatus &status);
    void formatChanged(int sampleRate, int channels);

private:
    void resolve();
    void setStatus(const AudioDeviceStatus &status);
    void closeSink();
    void onWorkerStatus(const AudioDeviceStatus &status);

    QThread m_thread;
    PcmRingDevice *m_ring;    // read by the sink in m_thread; deleted after it stops
    SinkWorker *m_worker;     // lives in m_thread
    QMediaDevices *m_devices; // child
    QTimer m_watch; // polls the device list while started: announces devices coming and going
    QByteArray m_deviceId;
    QByteArray m_openId; // the device the sink is open on; empty when closed
    QAudioFormat m_format;
    AudioDeviceStatus m_status;
    double m_volume = 1.0;
    bool m_wanted = false;
    std::atomic<bool> m_accepting{false}; // write() may come from any thread
};
