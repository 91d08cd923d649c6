#include "audio/pocketsphinxrecognizer.h"

#include "audio/pocketsphinxworker.h"

PocketSphinxRecognitionCall::PocketSphinxRecognitionCall(const RecognitionRequest &request,
                                                         std::shared_ptr<PocketSphinxJob> job)
    : RecognitionCall(request)
    , m_job(std::move(job))
{
    m_result.engine = QStringLiteral("pocketsphinx");
}

PocketSphinxRecognitionCall::~PocketSphinxRecognitionCall()
{
    m_job->cancelled.store(true);
}

void PocketSphinxRecognitionCall::onCancel()
{
    m_job->cancelled.store(true);
}

QString PocketSphinxRecognizer::defaultModelDir()
{
    return QStringLiteral(VOICEAI_POCKETSPHINX_MODEL_DIR);
}

PocketSphinxRecognizer::PocketSphinxRecognizer(const QString &modelDir, QObject *parent)
    : SpeechRecognizer(parent)
    , m_worker(new PocketSphinxWorker(modelDir.isEmpty() ? defaultModelDir() : modelDir))
{
    m_thread.setObjectName(QStringLiteral("pocketsphinx"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &PocketSphinxWorker::done, this, &PocketSphinxRecognizer::onDone);
    m_thread.start();
}

PocketSphinxRecognizer::~PocketSphinxRecognizer()
{
    for (const QPointer<PocketSphinxRecognitionCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void PocketSphinxRecognizer::preload()
{
    QMetaObject::invokeMethod(m_worker, &PocketSphinxWorker::preload, Qt::QueuedConnection);
}

RecognitionCall *PocketSphinxRecognizer::recognize(const RecognitionRequest &request)
{
    auto job = std::make_shared<PocketSphinxJob>();
    job->id = m_nextId++;
    job->audio = request.audio;
    auto *call = new PocketSphinxRecognitionCall(request, job);
    if (request.audio.isEmpty() || request.audio.sampleRate <= 0) {
        RecognitionResult result;
        result.engine = engineName();
        result.error = {ChatErrorType::InvalidRequest,
                        QStringLiteral("recognition: the audio is empty or has no sample rate"),
                        0,
                        {}};
        QMetaObject::invokeMethod(
            call, [call, result] { call->complete(result); }, Qt::QueuedConnection);
        return call;
    }
    m_calls.insert(job->id, call);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job] { worker->run(job); }, Qt::QueuedConnection);
    return call;
}

void PocketSphinxRecognizer::onDone(quint64 id, const RecognitionResult &result)
{
    const QPointer<PocketSphinxRecognitionCall> call = m_calls.take(id);
    if (call)
        call->complete(result);
}
