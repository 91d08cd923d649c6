#include "audio/espeakworker.h"

#include "audio/audiolog.h"

#include <QMutex>
#include <QMutexLocker>

#include <espeak-ng/speak_lib.h>

namespace {

// espeak-ng is one per process: this lock covers every call into it, from any worker.
QMutex &espeakLock()
{
    static QMutex lock;
    return lock;
}

// Sample rate after a successful espeak_Initialize(); 0 before, -1 after a failure.
int g_sampleRate = 0;

constexpr int BufferMs = 100;
constexpr int NormalWordsPerMinute = 175;

} // namespace

struct EspeakWorker::Session
{
    EspeakWorker *worker;
    const EspeakJob *job;
    QList<qint16> pending;
};

namespace {

int synthCallback(short *wav, int count, espeak_EVENT *events)
{
    auto *session = events ? static_cast<EspeakWorker::Session *>(events->user_data) : nullptr;
    if (!session)
        return 0;
    if (session->job->cancelled.load())
        return 1; // stop synthesis
    if (wav && count > 0)
        session->pending.append(QList<qint16>(wav, wav + count));
    const qsizetype chunkSamples = g_sampleRate * BufferMs / 1000;
    // wav == nullptr marks the end: hand over what is left.
    if (!session->pending.isEmpty() && (!wav || session->pending.size() >= chunkSamples)) {
        emit session->worker->chunk(session->job->id,
                                    PcmAudio{g_sampleRate, std::move(session->pending)});
        session->pending = {};
    }
    return 0;
}

// espeak_SetVoiceByName() knows voice names and some languages ("en-us") but not every
// language code ("en-gb" is the file gmw/en). Falls back to the first voice listing the language,
// keeping a "+variant" suffix.
bool selectVoice(const QString &requested)
{
    if (espeak_SetVoiceByName(requested.toUtf8().constData()) == EE_OK)
        return true;
    const qsizetype plus = requested.indexOf(QLatin1Char('+'));
    const QString language = (plus < 0 ? requested : requested.left(plus)).toLower();
    const QString variant = plus < 0 ? QString() : requested.mid(plus);
    const espeak_VOICE **voices = espeak_ListVoices(nullptr);
    for (int i = 0; voices && voices[i]; ++i) {
        // `languages` is a sequence of (priority byte, NUL-terminated name), ending with a 0.
        const char *entry = voices[i]->languages;
        while (entry && *entry) {
            const QString name = QString::fromUtf8(entry + 1).toLower();
            if (name == language) {
                const QByteArray identifier =
                    (QString::fromUtf8(voices[i]->identifier) + variant).toUtf8();
                return espeak_SetVoiceByName(identifier.constData()) == EE_OK;
            }
            entry += 1 + qstrlen(entry + 1) + 1;
        }
    }
    return false;
}

} // namespace

EspeakWorker::EspeakWorker(QString dataPath, QObject *parent)
    : QObject(parent)
    , m_dataPath(std::move(dataPath))
{}

EspeakWorker::~EspeakWorker() = default;

void EspeakWorker::run(const std::shared_ptr<EspeakJob> &job)
{
    const ChatError cancelled{ChatErrorType::Cancelled, QStringLiteral("cancelled"), 0, {}};
    if (job->cancelled.load()) {
        emit done(job->id, cancelled);
        return;
    }
    QMutexLocker lock(&espeakLock());
    if (g_sampleRate == 0) {
        const QByteArray path = m_dataPath.toLocal8Bit();
        // DONT_EXIT: without it espeak-ng calls exit() when its data is missing.
        g_sampleRate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, BufferMs,
                                         path.isEmpty() ? nullptr : path.constData(),
                                         espeakINITIALIZE_DONT_EXIT);
        if (g_sampleRate <= 0) {
            g_sampleRate = -1;
            qCWarning(lcAudio) << "espeak-ng could not be initialised; data path"
                               << (m_dataPath.isEmpty() ? QStringLiteral("(default)") : m_dataPath);
        } else {
            espeak_SetSynthCallback(synthCallback);
            qCInfo(lcAudio) << "espeak-ng" << espeak_Info(nullptr) << "at" << g_sampleRate << "Hz";
        }
    }
    if (g_sampleRate < 0) {
        emit done(job->id, {ChatErrorType::NotFound,
                            QStringLiteral("espeak-ng could not be initialised: its data was not "
                                           "found (install espeak-ng-data)"),
                            0,
                            {}});
        return;
    }
    if (!selectVoice(job->voice)) {
        emit done(job->id, {ChatErrorType::InvalidRequest,
                            QStringLiteral("espeak-ng has no voice '%1'").arg(job->voice),
                            0,
                            {}});
        return;
    }
    const int rate = qBound(80, int(NormalWordsPerMinute * job->speed), 450);
    espeak_SetParameter(espeakRATE, rate, 0);

    Session session{this, job.get(), {}};
    const QByteArray text = job->text.toUtf8();
    unsigned int uniqueId = 0;
    const espeak_ERROR status =
        espeak_Synth(text.constData(), size_t(text.size()) + 1, 0, POS_CHARACTER, 0,
                     espeakCHARS_UTF8, &uniqueId, &session);
    if (job->cancelled.load()) {
        emit done(job->id, cancelled);
        return;
    }
    if (status != EE_OK) {
        emit done(job->id,
                  {ChatErrorType::Server,
                   QStringLiteral("espeak-ng failed to synthesise (status %1)").arg(status),
                   0,
                   {}});
        return;
    }
    emit done(job->id, {});
}
