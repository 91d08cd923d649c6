#include "audio/recordingwriter.h"

#include "audio/audiotimeline.h"
#include "common/wavcodec.h"

#include <FLAC/stream_encoder.h>

#include <QList>
#include <QtEndian>

namespace {

FLAC__StreamEncoderWriteStatus flacWrite(const FLAC__StreamEncoder *, const FLAC__byte buffer[],
                                         size_t bytes, uint32_t, uint32_t, void *file)
{
    const auto size = qint64(bytes);
    return static_cast<QFile *>(file)->write(reinterpret_cast<const char *>(buffer), size) == size
               ? FLAC__STREAM_ENCODER_WRITE_STATUS_OK
               : FLAC__STREAM_ENCODER_WRITE_STATUS_FATAL_ERROR;
}

FLAC__StreamEncoderSeekStatus flacSeek(const FLAC__StreamEncoder *, FLAC__uint64 offset, void *file)
{
    // The encoder seeks back once at the end to complete STREAMINFO (length, MD5).
    return static_cast<QFile *>(file)->seek(qint64(offset))
               ? FLAC__STREAM_ENCODER_SEEK_STATUS_OK
               : FLAC__STREAM_ENCODER_SEEK_STATUS_ERROR;
}

FLAC__StreamEncoderTellStatus flacTell(const FLAC__StreamEncoder *, FLAC__uint64 *offset,
                                       void *file)
{
    *offset = FLAC__uint64(static_cast<QFile *>(file)->pos());
    return FLAC__STREAM_ENCODER_TELL_STATUS_OK;
}

} // namespace

struct RecordingWriter::Flac
{
    FLAC__StreamEncoder *encoder = FLAC__stream_encoder_new();
    QList<FLAC__int32> widened;
    ~Flac()
    {
        if (encoder)
            FLAC__stream_encoder_delete(encoder);
    }
};

RecordingWriter::RecordingWriter() = default;

RecordingWriter::~RecordingWriter()
{
    close();
}

QString RecordingWriter::formatName(Format format)
{
    return format == Format::Flac ? QStringLiteral("flac") : QStringLiteral("wav");
}

std::optional<RecordingWriter::Format> RecordingWriter::formatFromName(const QString &name)
{
    if (name == QLatin1String("wav"))
        return Format::Wav;
    if (name == QLatin1String("flac"))
        return Format::Flac;
    return std::nullopt;
}

bool RecordingWriter::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool RecordingWriter::open(const QString &path, Format format, int sampleRate, int channels)
{
    close();
    m_error.clear();
    m_format = format;
    m_sampleRate = sampleRate;
    m_channels = channels;
    m_frames = 0;
    if (sampleRate <= 0 || channels < 1 || channels > 8)
        return fail(QStringLiteral("recording %1: bad format (%2 Hz, %3 channels)")
                        .arg(path)
                        .arg(sampleRate)
                        .arg(channels));
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("recording %1: %2").arg(path, m_file.errorString()));
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (format == Format::Wav) {
        // Sizes are completed on close; until then readers take the data to the end of file.
        if (m_file.write(WavCodec::header(0, sampleRate, channels)) != WavCodec::HeaderBytes) {
            m_file.close();
            return fail(QStringLiteral("recording %1: %2").arg(path, m_file.errorString()));
        }
        return true;
    }
    m_flac = std::make_unique<Flac>();
    FLAC__StreamEncoder *encoder = m_flac->encoder;
    bool ok = encoder != nullptr;
    ok = ok && FLAC__stream_encoder_set_channels(encoder, uint32_t(channels));
    ok = ok && FLAC__stream_encoder_set_bits_per_sample(encoder, 16);
    ok = ok && FLAC__stream_encoder_set_sample_rate(encoder, uint32_t(sampleRate));
    ok = ok && FLAC__stream_encoder_set_compression_level(encoder, 5);
    if (!ok || FLAC__stream_encoder_init_stream(encoder, flacWrite, flacSeek, flacTell, nullptr,
                                                &m_file) != FLAC__STREAM_ENCODER_INIT_STATUS_OK) {
        m_flac.reset();
        m_file.close();
        return fail(QStringLiteral("recording %1: the FLAC encoder refused the format").arg(path));
    }
    return true;
}

bool RecordingWriter::write(const qint16 *interleaved, qsizetype frames)
{
    if (!m_file.isOpen())
        return fail(QStringLiteral("recording: not open"));
    if (frames <= 0)
        return true;
    const qsizetype samples = frames * m_channels;
    if (m_format == Format::Wav) {
        QByteArray bytes(samples * 2, Qt::Uninitialized);
        qToLittleEndian<qint16>(interleaved, samples, bytes.data());
        if (m_file.write(bytes) != bytes.size())
            return fail(
                QStringLiteral("recording %1: %2").arg(m_file.fileName(), m_file.errorString()));
    } else {
        m_flac->widened.resize(samples);
        for (qsizetype i = 0; i < samples; ++i)
            m_flac->widened[i] = interleaved[i];
        if (!FLAC__stream_encoder_process_interleaved(m_flac->encoder, m_flac->widened.constData(),
                                                      uint32_t(frames)))
            return fail(QStringLiteral("recording %1: FLAC encoding failed (%2)")
                            .arg(m_file.fileName(),
                                 QString::fromLatin1(FLAC__stream_encoder_get_resolved_state_string(
                                     m_flac->encoder))));
    }
    m_frames += frames;
    return true;
}

bool RecordingWriter::close()
{
    if (!m_file.isOpen())
        return m_error.isEmpty();
    bool ok = true;
    if (m_format == Format::Wav) {
        const qint64 dataBytes = m_frames * m_channels * 2;
        ok = m_file.seek(0) && m_file.write(WavCodec::header(dataBytes, m_sampleRate,
                                                             m_channels)) == WavCodec::HeaderBytes;
    } else if (m_flac) {
        ok = FLAC__stream_encoder_finish(m_flac->encoder);
        m_flac.reset();
    }
    ok = ok && m_file.flush();
    if (!ok)
        fail(QStringLiteral("recording %1: could not complete the file (%2)")
                 .arg(m_file.fileName(), m_file.errorString()));
    m_file.close();
    return ok;
}

bool RecordingWriter::writeTimeline(const AudioTimeline &timeline, const QString &path,
                                    Format format, QString *error)
{
    RecordingWriter writer;
    auto failed = [&writer, error] {
        if (error)
            *error = writer.errorString();
        return false;
    };
    if (!writer.open(path, format, timeline.sampleRate(), 2))
        return failed();
    const qint64 length = timeline.length();
    const qint64 block = timeline.sampleRate(); // one second at a time
    QList<qint16> stereo;
    for (qint64 from = 0; from < length; from += block) {
        const qint64 to = qMin(length, from + block);
        const QList<qint16> agent = timeline.read(AudioSide::Agent, from, to);
        const QList<qint16> customer = timeline.read(AudioSide::Customer, from, to);
        stereo.resize(agent.size() * 2);
        for (qsizetype i = 0; i < agent.size(); ++i) {
            stereo[2 * i] = agent[i];
            stereo[2 * i + 1] = customer[i];
        }
        if (!writer.write(stereo.constData(), agent.size()))
            return failed();
    }
    if (!writer.close())
        return failed();
    return true;
}
