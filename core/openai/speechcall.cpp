#include "openai/speechcall.h"

#include "openai/openaiclient.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

SpeechCall::SpeechCall(OpenAIClient *client, const SpeechRequest &request)
    : RetryingCall(client, {request.maxRetries, request.firstByteTimeoutMs, request.totalTimeoutMs,
                            request.maxServerDelayMs})
    , m_request(request)
{
    m_model = request.model;
    m_result.model = request.model;
    m_result.voice = request.voice;
    m_result.characters = int(request.input.size());
    m_result.sampleRate = SpeechRequest::PcmSampleRate;
    startLater();
}

SpeechCall::~SpeechCall() = default;

QNetworkReply *SpeechCall::sendAttempt()
{
    QString problem;
    if (m_request.model.trimmed().isEmpty())
        problem = QStringLiteral("speech: 'model' is empty");
    else if (m_request.voice.trimmed().isEmpty())
        problem = QStringLiteral("speech: 'voice' is empty");
    else if (m_request.input.trimmed().isEmpty())
        problem = QStringLiteral("speech: 'input' is empty");
    else if (m_request.input.size() > SpeechRequest::MaxInputCharacters)
        problem = QStringLiteral("speech: 'input' has %1 characters, more than the %2 allowed")
                      .arg(m_request.input.size())
                      .arg(SpeechRequest::MaxInputCharacters);
    else if (!(m_request.speed >= 0.25 && m_request.speed <= 4.0))
        problem = QStringLiteral("speech: 'speed' must be within 0.25..4");
    if (!problem.isEmpty()) {
        finish({ChatErrorType::InvalidRequest, problem, 0, {}});
        return nullptr;
    }
    QJsonObject body{{QStringLiteral("model"), m_request.model},
                     {QStringLiteral("voice"), m_request.voice},
                     {QStringLiteral("input"), m_request.input},
                     {QStringLiteral("response_format"), QStringLiteral("pcm")}};
    if (m_request.speed != 1.0)
        body.insert(QStringLiteral("speed"), m_request.speed);
    if (!m_request.instructions.isEmpty())
        body.insert(QStringLiteral("instructions"), m_request.instructions);
    return post(apiRequest(QStringLiteral("/audio/speech"), m_request.model, m_request.feature,
                           "application/json", "audio/pcm, application/octet-stream"),
                QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void SpeechCall::onBodyData(const QByteArray &data)
{
    QByteArray pcm = m_oddByte + data;
    m_oddByte.clear();
    if (pcm.size() % 2) {
        m_oddByte = pcm.right(1);
        pcm.chop(1);
    }
    if (pcm.isEmpty())
        return;
    if (m_result.firstAudioMs < 0)
        m_result.firstAudioMs = elapsedMs();
    m_result.bytes += pcm.size();
    markDelivered();
    emit audio(pcm);
}

ChatError SpeechCall::onSuccess(const QByteArray &body)
{
    Q_UNUSED(body);
    if (m_result.bytes == 0)
        return {
            ChatErrorType::BadResponse, QStringLiteral("the speech answer had no audio"), 200, {}};
    return {};
}

void SpeechCall::onFinished(const ChatError &error)
{
    m_result.error = error;
    m_result.incomplete = error.isError() && m_result.bytes > 0;
    m_result.attempts = m_attempts;
    m_result.requestId = m_requestId;
    m_result.latencyMs = elapsedMs();
    if (OpenAIClient *owner = client()) {
        const PriceTable &prices = owner->prices();
        m_result.priced = prices.hasAudioPrice(m_request.model);
        // Billed for what was asked once audio came, even when the stream broke off later.
        if (m_result.bytes > 0)
            m_result.costUsd =
                prices.speechCostUsd(m_request.model, m_result.characters, m_result.audioSeconds());
        owner->recordSpeech(m_result, m_request);
    }
    emit finished(m_result);
}
