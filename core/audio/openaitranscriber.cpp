#include "audio/openaitranscriber.h"

#include "common/wavcodec.h"
#include "openai/openaiclient.h"
#include "openai/transcriptioncall.h"

#include <cmath>

OpenAIRecognitionCall::OpenAIRecognitionCall(const RecognitionRequest &request,
                                             TranscriptionCall *call)
    : RecognitionCall(request)
    , m_call(call)
{
    m_result.engine = QStringLiteral("openai");
    if (!m_call) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                RecognitionResult result = m_result;
                result.error = {
                    ChatErrorType::Cancelled, QStringLiteral("the client was destroyed"), 0, {}};
                complete(result);
            },
            Qt::QueuedConnection);
        return;
    }
    m_call->setParent(this);
    connect(m_call, &TranscriptionCall::finished, this, &OpenAIRecognitionCall::onFinished);
}

OpenAIRecognitionCall::~OpenAIRecognitionCall() = default;

void OpenAIRecognitionCall::onFinished(const TranscriptionResult &result)
{
    RecognitionResult out = m_result;
    out.model = result.model;
    out.text = result.text;
    for (const TranscriptionResult::Span &word : result.words)
        out.words.append({word.text, qint64(std::lround(word.start * 1000)),
                          qint64(std::lround(word.end * 1000))});
    out.costUsd = result.costUsd;
    out.priced = result.priced;
    out.attempts = result.attempts;
    out.requestId = result.requestId;
    out.error = result.error;
    complete(out);
}

void OpenAIRecognitionCall::onCancel()
{
    if (m_call)
        m_call->cancel();
}

OpenAITranscriber::OpenAITranscriber(OpenAIClient *client, const TranscriptionRequest &base,
                                     QObject *parent)
    : SpeechRecognizer(parent)
    , m_client(client)
    , m_base(base)
{}

RecognitionCall *OpenAITranscriber::recognize(const RecognitionRequest &request)
{
    TranscriptionRequest transcription = m_base;
    if (!request.audio.isEmpty() && request.audio.sampleRate > 0)
        transcription.file = WavCodec::encode(request.audio.toBytes(), request.audio.sampleRate, 1);
    transcription.fileName = QStringLiteral("utterance.wav");
    transcription.mimeType = QStringLiteral("audio/wav");
    transcription.audioSeconds = double(request.audio.durationMs()) / 1000.0;
    if (!request.language.isEmpty())
        transcription.language = request.language;
    if (!request.prompt.isEmpty())
        transcription.prompt = request.prompt;
    transcription.feature = request.feature;
    transcription.callId = request.callId;
    return new OpenAIRecognitionCall(request,
                                     m_client ? m_client->transcribe(transcription) : nullptr);
}
