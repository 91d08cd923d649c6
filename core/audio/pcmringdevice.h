#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QMutex>

#include <atomic>

// The bytes between a producer thread and an audio sink pulling in its own thread: push()
// appends, the sink's reads take the oldest bytes and get silence when nothing is there, so the
// device never starves into a stop and latency stays at the sink's own buffer. Bounded: the
// oldest bytes go when more than `capacityBytes` pile up. Internal to ListenerOutput.
class PcmRingDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PcmRingDevice)

public:
    explicit PcmRingDevice(qint64 capacityBytes, QObject *parent = nullptr);

    void push(const QByteArray &bytes);
    void clear();
    qint64 buffered() const;
    qint64 pushedBytes() const { return m_pushed.load(); }
    // Bytes of pushed audio the sink has taken (silence not counted).
    qint64 playedBytes() const { return m_played.load(); }
    qint64 droppedBytes() const { return m_dropped.load(); }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    mutable QMutex m_mutex;
    QByteArray m_buffer;
    qsizetype m_readAt = 0;
    qint64 m_capacity;
    std::atomic<qint64> m_pushed{0};
    std::atomic<qint64> m_played{0};
    std::atomic<qint64> m_dropped{0};
};
