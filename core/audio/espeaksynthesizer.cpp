#include "audio/espeaksynthesizer.h"

#include "audio/espeakworker.h"

EspeakSynthesisCall::EspeakSynthesisCall(const SynthesisRequest &request,
                                         std::shared_ptr<EspeakJob> job)
    : SynthesisCall(request)
    , m_job(std::move(job))
{
    m_result.engine = QStringLiteral("espeak");
    m_result.voice = m_job->voice;
    m_result.priced = true; // offline: free
}

EspeakSynthesisCall::~EspeakSynthesisCall()
{
    m_job->cancelled.store(true);
}

void EspeakSynthesisCall::onCancel()
{
    m_job->cancelled.store(true);
}

EspeakSynthesizer::EspeakSynthesizer(const QString &dataPath, QObject *parent)
    : SpeechSynthesizer(parent)
    , m_worker(new EspeakWorker(dataPath))
{
    m_thread.setObjectName(QStringLiteral("espeak"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &EspeakWorker::chunk, this, &EspeakSynthesizer::onChunk);
    connect(m_worker, &EspeakWorker::done, this, &EspeakSynthesizer::onDone);
    m_thread.start();
}

EspeakSynthesizer::~EspeakSynthesizer()
{
    for (const QPointer<EspeakSynthesisCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

SynthesisCall *EspeakSynthesizer::synthesize(const SynthesisRequest &request)
{
    auto job = std::make_shared<EspeakJob>();
    job->id = m_nextId++;
    job->text = request.text;
    job->voice = request.voice.isEmpty() ? defaultVoice() : request.voice;
    job->speed = request.speed;
    auto *call = new EspeakSynthesisCall(request, job);
    if (request.text.trimmed().isEmpty() || !(request.speed >= 0.25 && request.speed <= 4.0)) {
        const QString message = request.text.trimmed().isEmpty()
                                    ? QStringLiteral("synthesis: 'text' is empty")
                                    : QStringLiteral("synthesis: 'speed' must be within 0.25..4");
        // Report from the event loop, so that the caller can connect first.
        QMetaObject::invokeMethod(
            call,
            [call, message] {
                call->complete({ChatErrorType::InvalidRequest, message, 0, {}});
            },
            Qt::QueuedConnection);
        return call;
    }
    m_calls.insert(job->id, call);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job] { worker->run(job); }, Qt::QueuedConnection);
    return call;
}

void EspeakSynthesizer::onChunk(quint64 id, const PcmAudio &audio)
{
    if (const QPointer<EspeakSynthesisCall> call = m_calls.value(id))
        call->deliver(audio);
}

void EspeakSynthesizer::onDone(quint64 id, const ChatError &error)
{
    const QPointer<EspeakSynthesisCall> call = m_calls.take(id);
    if (call)
        call->complete(error);
}
