#include "audio/sourceworker.h"

#include "audio/audiolog.h"

#include <QAudioSource>

SourceWorker::SourceWorker(QObject *parent)
    : QObject(parent)
{}

SourceWorker::~SourceWorker()
{
    close();
}

void SourceWorker::open(const QAudioDevice &device, const QAudioFormat &format)
{
    close();
    m_device = device;
    m_format = format;
    m_reportedActive = false;
    m_source = new QAudioSource(device, format, this);
    m_source->setBufferSize(format.bytesForDuration(100000));
    connect(m_source, &QAudioSource::stateChanged, this, &SourceWorker::onStateChanged);
    m_input = m_source->start();
    if (m_input)
        connect(m_input, &QIODevice::readyRead, this, &SourceWorker::onReadyRead);
    onStateChanged();
}

void SourceWorker::close()
{
    if (!m_source)
        return;
    m_source->disconnect(this);
    if (m_input)
        m_input->disconnect(this);
    m_source->stop();
    delete m_source;
    m_source = nullptr;
    m_input = nullptr;
    m_partial.clear();
}

void SourceWorker::onReadyRead()
{
    if (!m_input)
        return;
    const QByteArray bytes = m_partial + m_input->readAll();
    const int channels = qMax(1, m_format.channelCount());
    const qsizetype frameBytes = 2 * channels;
    const qsizetype frames = bytes.size() / frameBytes;
    m_partial = bytes.mid(frames * frameBytes);
    if (frames == 0)
        return;
    PcmAudio audio;
    audio.sampleRate = m_format.sampleRate();
    audio.samples.resize(frames);
    const auto *samples = reinterpret_cast<const qint16 *>(bytes.constData());
    for (qsizetype i = 0; i < frames; ++i) {
        int sum = 0;
        for (int c = 0; c < channels; ++c)
            sum += samples[i * channels + c];
        audio.samples[i] = qint16(sum / channels); // mono: the channels' average
    }
    emit captured(audio);
}

void SourceWorker::onStateChanged()
{
    if (!m_source)
        return;
    AudioDeviceStatus status;
    status.deviceId = m_device.id();
    status.deviceName = m_device.description();
    const QAudio::Error error = m_source->error();
    if (m_source->state() == QAudio::StoppedState && error != QAudio::NoError) {
        switch (error) {
        case QAudio::OpenError:
            // Qt 6.4 has no permission API: a refused open is all the system tells us.
            status.state = AudioDeviceStatus::State::AccessDenied;
            status.message = QStringLiteral("the microphone '%1' could not be opened: access "
                                            "was denied (a locked microphone permission) or "
                                            "another program holds it")
                                 .arg(status.deviceName);
            break;
        case QAudio::IOError:
            status.state = AudioDeviceStatus::State::DeviceLost;
            status.message = QStringLiteral("the microphone '%1' stopped delivering audio")
                                 .arg(status.deviceName);
            break;
        default:
            status.state = AudioDeviceStatus::State::Failed;
            status.message = QStringLiteral("the audio system failed on '%1' (error %2)")
                                 .arg(status.deviceName)
                                 .arg(int(error));
            break;
        }
        qCWarning(lcAudio).noquote() << "microphone:" << status.message;
        close();
        emit statusChanged(status);
        return;
    }
    if (!m_reportedActive && m_source->state() != QAudio::StoppedState) {
        m_reportedActive = true;
        status.state = AudioDeviceStatus::State::Active;
        emit statusChanged(status);
    }
}
