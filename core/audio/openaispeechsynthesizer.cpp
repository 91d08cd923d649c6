#include "audio/openaispeechsynthesizer.h"

#include "openai/openaiclient.h"
#include "openai/speechcall.h"

OpenAISynthesisCall::OpenAISynthesisCall(const SynthesisRequest &request, SpeechCall *call)
    : SynthesisCall(request)
    , m_call(call)
{
    m_result.engine = QStringLiteral("openai");
    m_result.sampleRate = SpeechRequest::PcmSampleRate;
    if (!m_call) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                complete(
                    {ChatErrorType::Cancelled, QStringLiteral("the client was destroyed"), 0, {}});
            },
            Qt::QueuedConnection);
        return;
    }
    m_result.model = call->request().model;
    m_result.voice = call->request().voice;
    m_call->setParent(this);
    connect(m_call, &SpeechCall::audio, this, &OpenAISynthesisCall::onAudio);
    connect(m_call, &SpeechCall::finished, this, &OpenAISynthesisCall::onFinished);
}

OpenAISynthesisCall::~OpenAISynthesisCall() = default;

void OpenAISynthesisCall::onAudio(const QByteArray &pcm)
{
    deliver(PcmAudio::fromBytes(pcm, SpeechRequest::PcmSampleRate));
}

void OpenAISynthesisCall::onFinished(const SpeechResult &result)
{
    m_result.model = result.model;
    m_result.costUsd = result.costUsd;
    m_result.priced = result.priced;
    m_result.attempts = result.attempts;
    m_result.requestId = result.requestId;
    complete(result.error);
}

void OpenAISynthesisCall::onCancel()
{
    if (m_call)
        m_call->cancel();
}

OpenAISpeechSynthesizer::OpenAISpeechSynthesizer(OpenAIClient *client, const SpeechRequest &base,
                                                 QObject *parent)
    : SpeechSynthesizer(parent)
    , m_client(client)
    , m_base(base)
{}

SynthesisCall *OpenAISpeechSynthesizer::synthesize(const SynthesisRequest &request)
{
    SpeechRequest speech = m_base;
    speech.input = request.text;
    speech.voice = request.voice.isEmpty() ? defaultVoice() : request.voice;
    speech.speed = request.speed;
    speech.feature = request.feature;
    speech.callId = request.callId;
    // Without a client the handler still reports (a typed error), from the event loop.
    return new OpenAISynthesisCall(request, m_client ? m_client->speech(speech) : nullptr);
}
