#include "audio/listeneroutput.h"

#include "audio/audiolog.h"
#include "audio/audiosystem.h"
#include "audio/pcmringdevice.h"
#include "audio/sinkworker.h"

#include <QMediaDevices>

namespace {

// Enough for a long synthesised turn arriving at once; a stuck device cannot grow it further.
constexpr qint64 RingSeconds = 30;

QAudioFormat outputFormat(const QAudioDevice &device)
{
    QAudioFormat format = device.preferredFormat();
    if (format.sampleRate() <= 0)
        format.setSampleRate(48000);
    format.setChannelCount(qBound(1, format.channelCount(), 2));
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

} // namespace

ListenerOutput::ListenerOutput(QObject *parent, int bufferMs)
    : QObject(parent)
    , m_ring(new PcmRingDevice(RingSeconds * 48000 * 2 * 2))
    , m_worker(new SinkWorker(m_ring, qBound(10, bufferMs, 1000)))
    , m_devices(new QMediaDevices(this))
{
    m_thread.setObjectName(QStringLiteral("listener-output"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &SinkWorker::statusChanged, this, &ListenerOutput::onWorkerStatus);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &ListenerOutput::resolve);
    // Qt 6.4 with PulseAudio updates its device lists but does not always emit the change
    // signals (seen on Debian 12): a cheap poll of the cached list catches what they miss.
    m_watch.setInterval(1000);
    connect(&m_watch, &QTimer::timeout, this, &ListenerOutput::resolve);
    m_thread.start();
}

ListenerOutput::~ListenerOutput()
{
    closeSink();
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
    delete m_ring;
}

QList<QAudioDevice> ListenerOutput::outputs()
{
    return QMediaDevices::audioOutputs();
}

void ListenerOutput::setDeviceId(const QByteArray &id)
{
    if (id == m_deviceId)
        return;
    m_deviceId = id;
    if (m_wanted) {
        closeSink();
        resolve();
    }
}

void ListenerOutput::start()
{
    m_wanted = true;
    m_watch.start();
    resolve();
}

void ListenerOutput::stop()
{
    m_wanted = false;
    m_watch.stop();
    closeSink();
    setStatus({AudioDeviceStatus::State::Stopped, {}, m_deviceId, {}});
}

void ListenerOutput::setVolume(double volume)
{
    m_volume = qBound(0.0, volume, 1.0);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, v = m_volume] { worker->setVolume(v); },
        Qt::QueuedConnection);
}

void ListenerOutput::closeSink()
{
    if (m_openId.isNull() && m_status.state != AudioDeviceStatus::State::Active)
        return;
    m_openId = QByteArray();
    // Blocking: the sink must be gone before the ring it reads is touched again.
    QMetaObject::invokeMethod(m_worker, &SinkWorker::close, Qt::BlockingQueuedConnection);
    m_ring->clear();
}

void ListenerOutput::resolve()
{
    if (!m_wanted)
        return;
    const QList<QAudioDevice> devices = QMediaDevices::audioOutputs();
    if (devices.isEmpty()) {
        const bool wasOpen = !m_openId.isNull();
        closeSink();
        if (!AudioSystem::serverReachable())
            setStatus({AudioDeviceStatus::State::NoAudioSystem,
                       QStringLiteral("no audio server is running (PulseAudio or PipeWire): the "
                                      "call goes on without sound"),
                       m_deviceId,
                       {}});
        else
            setStatus({wasOpen ? AudioDeviceStatus::State::DeviceLost
                               : AudioDeviceStatus::State::NoDevice,
                       QStringLiteral("no audio output device is available: the call goes on "
                                      "without sound"),
                       m_deviceId,
                       {}});
        return;
    }
    const QAudioDevice device =
        AudioSystem::find(devices, QMediaDevices::defaultAudioOutput(), m_deviceId);
    if (device.isNull()) {
        const bool wasOpen = !m_openId.isNull();
        const QString name =
            m_status.deviceName.isEmpty() ? QString::fromUtf8(m_deviceId) : m_status.deviceName;
        closeSink();
        setStatus(
            {wasOpen ? AudioDeviceStatus::State::DeviceLost : AudioDeviceStatus::State::NoDevice,
             wasOpen ? QStringLiteral("the output device '%1' was removed: the call goes "
                                      "on without sound")
                           .arg(name)
                     : QStringLiteral("the output device '%1' is not available").arg(name),
             m_deviceId, name});
        return;
    }
    if (!m_openId.isNull() && m_openId == device.id())
        return; // still there; nothing to do
    if (!m_openId.isNull()) {
        // Following the default, which changed: say so, then move.
        setStatus({AudioDeviceStatus::State::DeviceLost,
                   QStringLiteral("the default output changed to '%1'").arg(device.description()),
                   m_openId, m_status.deviceName});
        closeSink();
    }
    const QAudioFormat format = outputFormat(device);
    const bool formatChanged = format != m_format;
    m_format = format;
    m_openId = device.id();
    qCInfo(lcAudio).noquote() << "listener output on" << device.description() << "at"
                              << format.sampleRate() << "Hz," << format.channelCount()
                              << "channel(s)";
    if (formatChanged)
        emit this->formatChanged(format.sampleRate(), format.channelCount());
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, device, format, volume = m_volume] {
            worker->open(device, format, volume);
        },
        Qt::QueuedConnection);
}

void ListenerOutput::onWorkerStatus(const AudioDeviceStatus &status)
{
    if (!m_wanted || m_openId.isNull() || status.deviceId != m_openId)
        return; // from a sink that has since been closed
    if (!status.isActive()) {
        m_openId = QByteArray();
        m_ring->clear();
    }
    setStatus(status);
}

void ListenerOutput::setStatus(const AudioDeviceStatus &status)
{
    if (status == m_status && status.deviceName == m_status.deviceName)
        return;
    m_status = status;
    m_accepting.store(status.isActive());
    if (!status.message.isEmpty() && !status.isActive())
        qCWarning(lcAudio).noquote() << "listener output:" << status.message;
    emit statusChanged(m_status);
}

void ListenerOutput::write(const QList<qint16> &interleaved)
{
    if (!m_accepting.load() || interleaved.isEmpty())
        return;
    m_ring->push(QByteArray(reinterpret_cast<const char *>(interleaved.constData()),
                            interleaved.size() * qsizetype(sizeof(qint16))));
}

qint64 ListenerOutput::bufferedMs() const
{
    const int bytesPerSecond = m_format.sampleRate() * m_format.channelCount() * 2;
    return bytesPerSecond > 0 ? m_ring->buffered() * 1000 / bytesPerSecond : 0;
}

qint64 ListenerOutput::writtenBytes() const
{
    return m_ring->pushedBytes();
}

qint64 ListenerOutput::playedBytes() const
{
    return m_ring->playedBytes();
}
