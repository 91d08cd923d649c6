#include "audio/pcmringdevice.h"

#include <QMutexLocker>

#include <cstring>

PcmRingDevice::PcmRingDevice(qint64 capacityBytes, QObject *parent)
    : QIODevice(parent)
    , m_capacity(qMax<qint64>(4096, capacityBytes))
{
    open(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

void PcmRingDevice::push(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    m_buffer.append(bytes);
    m_pushed += bytes.size();
    qint64 excess = m_buffer.size() - m_readAt - m_capacity;
    if (excess > 0) {
        excess -= excess % 4; // whole frames of up to two 16-bit channels
        m_readAt += excess;
        m_dropped += excess;
    }
}

void PcmRingDevice::clear()
{
    QMutexLocker lock(&m_mutex);
    m_dropped += m_buffer.size() - m_readAt;
    m_buffer.clear();
    m_readAt = 0;
}

qint64 PcmRingDevice::buffered() const
{
    QMutexLocker lock(&m_mutex);
    return m_buffer.size() - m_readAt;
}

qint64 PcmRingDevice::bytesAvailable() const
{
    // Always something to read: silence fills the gaps.
    return 1 << 20;
}

qint64 PcmRingDevice::readData(char *data, qint64 maxSize)
{
    maxSize -= maxSize % 2;
    QMutexLocker lock(&m_mutex);
    const qint64 take = qMin<qint64>(maxSize, m_buffer.size() - m_readAt);
    if (take > 0) {
        std::memcpy(data, m_buffer.constData() + m_readAt, size_t(take));
        m_readAt += take;
        m_played += take;
    }
    if (m_readAt > 64 * 1024 && m_readAt * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_readAt);
        m_readAt = 0;
    }
    lock.unlock();
    if (maxSize > take)
        std::memset(data + take, 0, size_t(maxSize - take));
    return maxSize;
}

qint64 PcmRingDevice::writeData(const char *data, qint64 maxSize)
{
    push(QByteArray(data, maxSize));
    return maxSize;
}
