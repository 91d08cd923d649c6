#include "audio/microphonecapture.h"

#include "audio/audiolog.h"
#include "audio/audiosystem.h"
#include "audio/sourceworker.h"

#include <QMediaDevices>

MicrophoneCapture::MicrophoneCapture(QObject *parent)
    : QObject(parent)
    , m_worker(new SourceWorker)
    , m_devices(new QMediaDevices(this))
{
    m_thread.setObjectName(QStringLiteral("microphone"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &SourceWorker::captured, this, [this](const PcmAudio &block) {
        if (!m_openId.isNull())
            emit audio(block);
    });
    connect(m_worker, &SourceWorker::statusChanged, this, &MicrophoneCapture::onWorkerStatus);
    connect(m_devices, &QMediaDevices::audioInputsChanged, this, &MicrophoneCapture::resolve);
    // Qt 6.4 with PulseAudio updates its device lists but does not always emit the change
    // signals (seen on Debian 12): a cheap poll of the cached list catches what they miss.
    m_watch.setInterval(1000);
    connect(&m_watch, &QTimer::timeout, this, &MicrophoneCapture::resolve);
    m_thread.start();
}

MicrophoneCapture::~MicrophoneCapture()
{
    closeSource();
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

QList<QAudioDevice> MicrophoneCapture::inputs()
{
    return QMediaDevices::audioInputs();
}

void MicrophoneCapture::setDeviceId(const QByteArray &id)
{
    if (id == m_deviceId)
        return;
    m_deviceId = id;
    if (m_wanted) {
        closeSource();
        resolve();
    }
}

void MicrophoneCapture::start()
{
    m_wanted = true;
    m_watch.start();
    resolve();
}

void MicrophoneCapture::stop()
{
    m_wanted = false;
    m_watch.stop();
    closeSource();
    setStatus({AudioDeviceStatus::State::Stopped, {}, m_deviceId, {}});
}

void MicrophoneCapture::closeSource()
{
    if (m_openId.isNull())
        return;
    m_openId = QByteArray();
    QMetaObject::invokeMethod(m_worker, &SourceWorker::close, Qt::BlockingQueuedConnection);
}

void MicrophoneCapture::resolve()
{
    if (!m_wanted)
        return;
    const QList<QAudioDevice> devices = QMediaDevices::audioInputs();
    const QAudioDevice device =
        devices.isEmpty()
            ? QAudioDevice()
            : AudioSystem::find(devices, QMediaDevices::defaultAudioInput(), m_deviceId);
    if (device.isNull()) {
        const bool wasOpen = !m_openId.isNull();
        closeSource();
        if (devices.isEmpty() && !AudioSystem::serverReachable())
            setStatus({AudioDeviceStatus::State::NoAudioSystem,
                       QStringLiteral("no audio server is running (PulseAudio or PipeWire): the "
                                      "microphone cannot be used"),
                       m_deviceId,
                       {}});
        else if (wasOpen)
            setStatus({AudioDeviceStatus::State::DeviceLost,
                       QStringLiteral("the microphone was removed"),
                       m_deviceId,
                       {}});
        else
            setStatus({AudioDeviceStatus::State::NoDevice,
                       m_deviceId.isEmpty() ? QStringLiteral("no microphone is available")
                                            : QStringLiteral("the microphone '%1' is not available")
                                                  .arg(QString::fromUtf8(m_deviceId)),
                       m_deviceId,
                       {}});
        return;
    }
    if (!m_openId.isNull() && m_openId == device.id())
        return;
    closeSource();
    QAudioFormat format = device.preferredFormat();
    format.setChannelCount(qBound(1, format.channelCount(), 2));
    format.setSampleFormat(QAudioFormat::Int16);
    if (format.sampleRate() <= 0)
        format.setSampleRate(48000);
    m_openId = device.id();
    qCInfo(lcAudio).noquote() << "microphone" << device.description() << "at" << format.sampleRate()
                              << "Hz";
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, device, format] { worker->open(device, format); },
        Qt::QueuedConnection);
}

void MicrophoneCapture::onWorkerStatus(const AudioDeviceStatus &status)
{
    if (!m_wanted || m_openId.isNull() || status.deviceId != m_openId)
        return;
    if (!status.isActive())
        m_openId = QByteArray();
    setStatus(status);
}

void MicrophoneCapture::setStatus(const AudioDeviceStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    if (!status.message.isEmpty() && !status.isActive())
        qCWarning(lcAudio).noquote() << "microphone:" << status.message;
    emit statusChanged(m_status);
}
