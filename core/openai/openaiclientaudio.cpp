// OpenAIClient's speech and transcription requests: creation and accounting.
#include "openai/openaiclient.h"

#include "metrics/metricsregistry.h"
#include "openai/openailog.h"
#include "openai/speechcall.h"
#include "openai/transcriptioncall.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

void logRecord(QJsonObject record, const ChatError &error, const QString &callId)
{
    if (!callId.isEmpty())
        record.insert(QLatin1String("callId"), callId);
    if (error.isError()) {
        record.insert(QLatin1String("error"), error.typeName());
        record.insert(QLatin1String("errorMessage"), error.message);
    }
    const QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact);
    if (error.isError())
        qCWarning(lcOpenAI).noquote() << "request" << line;
    else
        qCInfo(lcOpenAI).noquote() << "request" << line;
}

} // namespace

SpeechCall *OpenAIClient::speech(const SpeechRequest &request)
{
    auto *call = new SpeechCall(this, request);
    m_audioCalls.removeAll(nullptr);
    m_audioCalls.append(call);
    return call;
}

TranscriptionCall *OpenAIClient::transcribe(const TranscriptionRequest &request)
{
    auto *call = new TranscriptionCall(this, request);
    m_audioCalls.removeAll(nullptr);
    m_audioCalls.append(call);
    return call;
}

void OpenAIClient::recordSpeech(const SpeechResult &result, const SpeechRequest &request)
{
    // Never the text itself: only its length.
    logRecord({{QLatin1String("feature"), request.feature},
               {QLatin1String("endpoint"), QLatin1String("audio/speech")},
               {QLatin1String("model"), result.model},
               {QLatin1String("voice"), result.voice},
               {QLatin1String("characters"), result.characters},
               {QLatin1String("audioSeconds"), result.audioSeconds()},
               {QLatin1String("durationMs"), double(result.latencyMs)},
               {QLatin1String("firstAudioMs"), double(result.firstAudioMs)},
               {QLatin1String("attempts"), int(result.attempts.size())},
               {QLatin1String("costUsd"), result.costUsd},
               {QLatin1String("priced"), result.priced},
               {QLatin1String("requestId"), result.requestId},
               {QLatin1String("success"), result.ok()}},
              result.error, request.callId);
    if (!result.priced)
        qCWarning(lcOpenAI).noquote()
            << "no price for speech model" << result.model
            << "in the price table (prices.audio): its cost is recorded as 0";
    if (m_metrics) {
        m_metrics->observe(QStringLiteral("openai.request.latency"), double(result.latencyMs),
                           result.model);
        m_metrics->increment(result.ok() ? QStringLiteral("openai.request.success")
                                         : QStringLiteral("openai.request.failure"),
                             1, result.model);
        m_metrics->increment(QStringLiteral("openai.cost"), result.costUsd, result.model);
        m_metrics->increment(QStringLiteral("openai.model.usage"), 1, result.model);
    }
    emit speechCompleted(result, request);
}

void OpenAIClient::recordTranscription(const TranscriptionResult &result,
                                       const TranscriptionRequest &request)
{
    logRecord({{QLatin1String("feature"), request.feature},
               {QLatin1String("endpoint"), QLatin1String("audio/transcriptions")},
               {QLatin1String("model"), result.model},
               {QLatin1String("audioSeconds"), result.audioSeconds},
               {QLatin1String("durationMs"), double(result.latencyMs)},
               {QLatin1String("attempts"), int(result.attempts.size())},
               {QLatin1String("costUsd"), result.costUsd},
               {QLatin1String("priced"), result.priced},
               {QLatin1String("requestId"), result.requestId},
               {QLatin1String("success"), result.ok()}},
              result.error, request.callId);
    if (!result.priced)
        qCWarning(lcOpenAI).noquote()
            << "no price for transcription model" << result.model
            << "in the price table (prices.audio): its cost is recorded as 0";
    if (m_metrics) {
        m_metrics->observe(QStringLiteral("openai.request.latency"), double(result.latencyMs),
                           result.model);
        m_metrics->increment(result.ok() ? QStringLiteral("openai.request.success")
                                         : QStringLiteral("openai.request.failure"),
                             1, result.model);
        m_metrics->increment(QStringLiteral("openai.cost"), result.costUsd, result.model);
        m_metrics->increment(QStringLiteral("openai.model.usage"), 1, result.model);
    }
    emit transcriptionCompleted(result, request);
}
