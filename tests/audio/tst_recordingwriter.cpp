// Recordings of a call's timeline as WAV and FLAC, read back (FLAC with libFLAC's decoder):
// lossless, stereo with the agent left and the customer right, mode 0600.
#include "audio/audiotimeline.h"
#include "audio/recordingwriter.h"
#include "common/wavcodec.h"

#include <FLAC/stream_decoder.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

struct Decoded
{
    int sampleRate = 0;
    int channels = 0;
    qint64 totalFrames = 0; // from STREAMINFO / the WAV header
    QList<qint16> interleaved;
};

FLAC__StreamDecoderWriteStatus onFrame(const FLAC__StreamDecoder *, const FLAC__Frame *frame,
                                       const FLAC__int32 *const buffer[], void *data)
{
    auto *decoded = static_cast<Decoded *>(data);
    for (uint32_t i = 0; i < frame->header.blocksize; ++i) {
        for (uint32_t c = 0; c < frame->header.channels; ++c)
            decoded->interleaved.append(qint16(buffer[c][i]));
    }
    return FLAC__STREAM_DECODER_WRITE_STATUS_CONTINUE;
}

void onMetadata(const FLAC__StreamDecoder *, const FLAC__StreamMetadata *metadata, void *data)
{
    if (metadata->type != FLAC__METADATA_TYPE_STREAMINFO)
        return;
    auto *decoded = static_cast<Decoded *>(data);
    decoded->sampleRate = int(metadata->data.stream_info.sample_rate);
    decoded->channels = int(metadata->data.stream_info.channels);
    decoded->totalFrames = qint64(metadata->data.stream_info.total_samples);
}

void onError(const FLAC__StreamDecoder *, FLAC__StreamDecoderErrorStatus, void *data)
{
    static_cast<Decoded *>(data)->channels = -1;
}

Decoded readFlac(const QString &path)
{
    Decoded decoded;
    FLAC__StreamDecoder *decoder = FLAC__stream_decoder_new();
    if (FLAC__stream_decoder_init_file(decoder, QFile::encodeName(path).constData(), onFrame,
                                       onMetadata, onError,
                                       &decoded) == FLAC__STREAM_DECODER_INIT_STATUS_OK)
        FLAC__stream_decoder_process_until_end_of_stream(decoder);
    FLAC__stream_decoder_delete(decoder);
    return decoded;
}

Decoded readWav(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString error;
    const auto wav = WavCodec::decode(file.readAll(), &error);
    if (!wav)
        return {};
    Decoded decoded{wav->sampleRate, wav->channels, wav->pcm.size() / 2 / wav->channels, {}};
    decoded.interleaved = PcmAudio::fromBytes(wav->pcm, wav->sampleRate).samples;
    return decoded;
}

// Speech-like test content: the agent talks, then the customer, overlapping a little.
void fill(AudioTimeline *timeline)
{
    PcmAudio agent{16000, QList<qint16>(24000)};
    PcmAudio customer{16000, QList<qint16>(20000)};
    for (qsizetype i = 0; i < agent.samples.size(); ++i)
        agent.samples[i] = qint16(9000 * std::sin(double(i) * 0.07) * std::sin(double(i) * 0.001));
    for (qsizetype i = 0; i < customer.samples.size(); ++i)
        customer.samples[i] = qint16(-7000 * std::sin(double(i) * 0.11));
    timeline->append(AudioSide::Agent, agent);
    timeline->place(AudioSide::Customer, 20000, customer);
}

} // namespace

class TestRecordingWriter : public QObject
{
    Q_OBJECT

private slots:
    void timelineRoundTrip_data();
    void timelineRoundTrip();
    void streamedInPieces();
    void badPathIsReported();
    void formatNames();
};

void TestRecordingWriter::timelineRoundTrip_data()
{
    QTest::addColumn<RecordingWriter::Format>("format");
    QTest::newRow("wav") << RecordingWriter::Format::Wav;
    QTest::newRow("flac") << RecordingWriter::Format::Flac;
}

void TestRecordingWriter::timelineRoundTrip()
{
    QFETCH(RecordingWriter::Format, format);
    QTemporaryDir dir;
    AudioTimeline timeline(16000);
    fill(&timeline);
    const QString path =
        dir.filePath(QStringLiteral("call.") + RecordingWriter::formatName(format));
    QString error;
    QVERIFY2(RecordingWriter::writeTimeline(timeline, path, format, &error), qPrintable(error));
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                         QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    const Decoded decoded =
        format == RecordingWriter::Format::Flac ? readFlac(path) : readWav(path);
    QCOMPARE(decoded.sampleRate, 16000);
    QCOMPARE(decoded.channels, 2);
    QCOMPARE(decoded.totalFrames, timeline.length());
    QCOMPARE(decoded.interleaved.size(), timeline.length() * 2);
    // Lossless, and each side on its own channel.
    const QList<qint16> agent = timeline.read(AudioSide::Agent, 0, timeline.length());
    const QList<qint16> customer = timeline.read(AudioSide::Customer, 0, timeline.length());
    for (qsizetype i = 0; i < agent.size(); ++i) {
        QCOMPARE(decoded.interleaved[2 * i], agent[i]);
        QCOMPARE(decoded.interleaved[2 * i + 1], customer[i]);
    }
}

void TestRecordingWriter::streamedInPieces()
{
    QTemporaryDir dir;
    const QString flac = dir.filePath(QStringLiteral("pieces.flac"));
    const QString wav = dir.filePath(QStringLiteral("pieces.wav"));
    QList<qint16> mono(48000);
    for (qsizetype i = 0; i < mono.size(); ++i)
        mono[i] = qint16(8000 * std::sin(double(i) * 0.05));
    for (const QString &path : {flac, wav}) {
        RecordingWriter writer;
        QVERIFY(writer.open(path,
                            path.endsWith(QLatin1String("flac")) ? RecordingWriter::Format::Flac
                                                                 : RecordingWriter::Format::Wav,
                            24000, 1));
        for (qsizetype at = 0; at < mono.size(); at += 1234)
            QVERIFY(writer.write(mono.constData() + at, qMin<qsizetype>(1234, mono.size() - at)));
        QCOMPARE(writer.framesWritten(), mono.size());
        QVERIFY(writer.close());
    }
    QCOMPARE(readFlac(flac).interleaved, mono);
    QCOMPARE(readWav(wav).interleaved, mono);
    QCOMPARE(readWav(wav).sampleRate, 24000);
    // FLAC earns its place: clearly smaller than the WAV for a tone.
    QVERIFY(QFileInfo(flac).size() < QFileInfo(wav).size() / 2);
}

void TestRecordingWriter::badPathIsReported()
{
    RecordingWriter writer;
    QVERIFY(!writer.open(QStringLiteral("/nonexistent/voiceai/call.flac"),
                         RecordingWriter::Format::Flac, 16000, 2));
    QVERIFY2(writer.errorString().contains(QLatin1String("/nonexistent/voiceai/call.flac")),
             qPrintable(writer.errorString()));
    const qint16 sample = 0;
    QVERIFY(!writer.write(&sample, 1));
}

void TestRecordingWriter::formatNames()
{
    QCOMPARE(RecordingWriter::formatFromName(QStringLiteral("flac")),
             RecordingWriter::Format::Flac);
    QCOMPARE(RecordingWriter::formatFromName(QStringLiteral("wav")), RecordingWriter::Format::Wav);
    QVERIFY(!RecordingWriter::formatFromName(QStringLiteral("mp3")));
}

QTEST_GUILESS_MAIN(TestRecordingWriter)
#include "tst_recordingwriter.moc"
