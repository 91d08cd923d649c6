#include "audio/sinkworker.h"

#include "audio/audiolog.h"
#include "audio/pcmringdevice.h"

#include <QAudioSink>

SinkWorker::SinkWorker(PcmRingDevice *source, int bufferMs, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_bufferMs(bufferMs)
{}

SinkWorker::~SinkWorker()
{
    close();
}

void SinkWorker::open(const QAudioDevice &device, const QAudioFormat &format, double volume)
{
    close();
    m_device = device;
    m_reportedActive = false;
    m_sink = new QAudioSink(device, format, this);
    m_sink->setBufferSize(format.bytesForDuration(qint64(m_bufferMs) * 1000));
    m_sink->setVolume(volume);
    connect(m_sink, &QAudioSink::stateChanged, this, &SinkWorker::onStateChanged);
    m_sink->start(m_source);
    onStateChanged();
}

void SinkWorker::close()
{
    if (!m_sink)
        return;
    m_sink->disconnect(this);
    m_sink->stop();
    delete m_sink;
    m_sink = nullptr;
}

void SinkWorker::setVolume(double volume)
{
    if (m_sink)
        m_sink->setVolume(volume);
}

void SinkWorker::onStateChanged()
{
    if (!m_sink)
        return;
    AudioDeviceStatus status;
    status.deviceId = m_device.id();
    status.deviceName = m_device.description();
    const QAudio::Error error = m_sink->error();
    if (m_sink->state() == QAudio::StoppedState && error != QAudio::NoError) {
        switch (error) {
        case QAudio::OpenError:
            status.state = AudioDeviceStatus::State::Failed;
            status.message =
                QStringLiteral("the output device '%1' could not be opened").arg(status.deviceName);
            break;
        case QAudio::IOError:
            status.state = AudioDeviceStatus::State::DeviceLost;
            status.message = QStringLiteral("the output device '%1' stopped taking audio")
                                 .arg(status.deviceName);
            break;
        default:
            status.state = AudioDeviceStatus::State::Failed;
            status.message = QStringLiteral("the audio system failed on '%1' (error %2)")
                                 .arg(status.deviceName)
                                 .arg(int(error));
            break;
        }
        qCWarning(lcAudio).noquote() << "listener output:" << status.message;
        close();
        emit statusChanged(status);
        return;
    }
    if (!m_reportedActive && m_sink->state() != QAudio::StoppedState) {
        m_reportedActive = true;
        status.state = AudioDeviceStatus::State::Active;
        emit statusChanged(status);
    }
}
