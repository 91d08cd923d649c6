#include "audio/pocketsphinxworker.h"

#include "audio/audiolog.h"
#include "audio/resampler.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <pocketsphinx.h>

namespace {

constexpr int DecoderRate = 16000;
constexpr qsizetype FeedSamples = 4096;

// "<s>", "</s>", "<sil>", "[NOISE]", "++BREATH++" are not words; "read(2)" is "read".
QString wordText(const char *raw)
{
    QString word = QString::fromUtf8(raw);
    if (word.isEmpty() || word.startsWith(QLatin1Char('<')) || word.startsWith(QLatin1Char('[')) ||
        word.startsWith(QLatin1String("++")))
        return {};
    const qsizetype alternative = word.indexOf(QLatin1Char('('));
    if (alternative > 0)
        word.truncate(alternative);
    return word;
}

} // namespace

PocketSphinxWorker::PocketSphinxWorker(QString modelDir, QObject *parent)
    : QObject(parent)
    , m_modelDir(std::move(modelDir))
{}

PocketSphinxWorker::~PocketSphinxWorker()
{
    if (m_decoder)
        ps_free(m_decoder);
    if (m_config)
        cmd_ln_free_r(m_config);
}

void PocketSphinxWorker::preload()
{
    ChatError error;
    ensureDecoder(&error);
}

bool PocketSphinxWorker::ensureDecoder(ChatError *error)
{
    if (m_decoder)
        return true;
    if (m_loadError.isError()) {
        *error = m_loadError;
        return false;
    }
    const QDir dir(m_modelDir);
    const QString acoustic = dir.filePath(QStringLiteral("en-us"));
    const QString language = dir.filePath(QStringLiteral("en-us.lm.bin"));
    const QString dictionary = dir.filePath(QStringLiteral("cmudict-en-us.dict"));
    for (const QString &path : {acoustic, language, dictionary}) {
        if (!QFileInfo::exists(path)) {
            m_loadError = {ChatErrorType::NotFound,
                           QStringLiteral("pocketsphinx model file %1 is missing (install "
                                          "pocketsphinx-en-us, or set voice.pocketsphinxModelDir)")
                               .arg(path),
                           0,
                           {}};
            *error = m_loadError;
            return false;
        }
    }
    QElapsedTimer clock;
    clock.start();
    const QByteArray hmm = QFile::encodeName(acoustic);
    const QByteArray lm = QFile::encodeName(language);
    const QByteArray dict = QFile::encodeName(dictionary);
    // -logfn: pocketsphinx logs every step to stderr otherwise.
    m_config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-lm", lm.constData(),
                           "-dict", dict.constData(), "-logfn", "/dev/null", nullptr);
    m_decoder = m_config ? ps_init(m_config) : nullptr;
    if (!m_decoder) {
        m_loadError = {
            ChatErrorType::Server,
            QStringLiteral("pocketsphinx could not load its model from %1").arg(m_modelDir),
            0,
            {}};
        *error = m_loadError;
        return false;
    }
    m_frameRate = qMax(1, int(cmd_ln_int32_r(m_config, "-frate")));
    qCInfo(lcAudio) << "pocketsphinx model loaded from" << m_modelDir << "in" << clock.elapsed()
                    << "ms";
    return true;
}

void PocketSphinxWorker::run(const std::shared_ptr<PocketSphinxJob> &job)
{
    RecognitionResult result;
    result.engine = QStringLiteral("pocketsphinx");
    result.model = QStringLiteral("en-us");
    result.audioMs = job->audio.durationMs();
    const ChatError cancelled{ChatErrorType::Cancelled, QStringLiteral("cancelled"), 0, {}};
    if (job->cancelled.load()) {
        result.error = cancelled;
        emit done(job->id, result);
        return;
    }
    if (!ensureDecoder(&result.error)) {
        emit done(job->id, result);
        return;
    }
    const QList<qint16> samples =
        job->audio.sampleRate == DecoderRate
            ? job->audio.samples
            : Resampler::convert(job->audio.samples, job->audio.sampleRate, DecoderRate);
    // Each utterance is a stream of its own: word frames then count from its start.
    if (ps_start_stream(m_decoder) < 0 || ps_start_utt(m_decoder) < 0) {
        result.error = {
            ChatErrorType::Server, QStringLiteral("pocketsphinx refused to start"), 0, {}};
        emit done(job->id, result);
        return;
    }
    for (qsizetype offset = 0; offset < samples.size(); offset += FeedSamples) {
        if (job->cancelled.load()) {
            ps_end_utt(m_decoder);
            result.error = cancelled;
            emit done(job->id, result);
            return;
        }
        const qsizetype count = qMin(FeedSamples, samples.size() - offset);
        ps_process_raw(m_decoder, samples.constData() + offset, size_t(count), FALSE, FALSE);
    }
    ps_end_utt(m_decoder);
    int32 score = 0;
    if (const char *hypothesis = ps_get_hyp(m_decoder, &score))
        result.text = QString::fromUtf8(hypothesis);
    for (ps_seg_t *segment = ps_seg_iter(m_decoder); segment; segment = ps_seg_next(segment)) {
        const QString word = wordText(ps_seg_word(segment));
        if (word.isEmpty())
            continue;
        int startFrame = 0;
        int endFrame = 0;
        ps_seg_frames(segment, &startFrame, &endFrame);
        result.words.append({word, qint64(startFrame) * 1000 / m_frameRate,
                             qint64(endFrame + 1) * 1000 / m_frameRate});
    }
    emit done(job->id, result);
}
