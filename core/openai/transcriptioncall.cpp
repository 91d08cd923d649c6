#include "openai/transcriptioncall.h"

#include "openai/openaiclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace {

void appendField(QByteArray *body, const QByteArray &boundary, const char *name,
                 const QString &value)
{
    body->append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name +
                 "\"\r\n\r\n" + value.toUtf8() + "\r\n");
}

QList<TranscriptionResult::Span> spans(const QJsonArray &array, QLatin1String textKey)
{
    QList<TranscriptionResult::Span> out;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        out.append({object.value(textKey).toString().trimmed(),
                    object.value(QLatin1String("start")).toDouble(),
                    object.value(QLatin1String("end")).toDouble()});
    }
    return out;
}

} // namespace

TranscriptionCall::TranscriptionCall(OpenAIClient *client, const TranscriptionRequest &request)
    : RetryingCall(client, {request.maxRetries, request.firstByteTimeoutMs, request.totalTimeoutMs,
                            request.maxServerDelayMs})
    , m_request(request)
{
    m_model = request.model;
    m_result.model = request.model;
    m_result.audioSeconds = request.audioSeconds;
    // A boundary that cannot occur in the file: random, and checked.
    do {
        m_boundary = "voiceai-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    } while (request.file.contains(m_boundary));
    m_body = encodeBody(request, m_boundary);
    startLater();
}

TranscriptionCall::~TranscriptionCall() = default;

QByteArray TranscriptionCall::encodeBody(const TranscriptionRequest &request,
                                         const QByteArray &boundary)
{
    QByteArray body;
    body.reserve(request.file.size() + 1024);
    QString fileName = request.fileName;
    fileName.remove(QLatin1Char('"')).remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
    body.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
                fileName.toUtf8() + "\"\r\nContent-Type: " + request.mimeType.toUtf8() +
                "\r\n\r\n");
    body.append(request.file);
    body.append("\r\n");
    appendField(&body, boundary, "model", request.model);
    if (!request.language.isEmpty())
        appendField(&body, boundary, "language", request.language);
    if (!request.prompt.isEmpty())
        appendField(&body, boundary, "prompt", request.prompt);
    appendField(&body, boundary, "response_format", request.responseFormat);
    if (request.responseFormat == QLatin1String("verbose_json")) {
        appendField(&body, boundary, "timestamp_granularities[]", QStringLiteral("word"));
        appendField(&body, boundary, "timestamp_granularities[]", QStringLiteral("segment"));
    }
    body.append("--" + boundary + "--\r\n");
    return body;
}

QNetworkReply *TranscriptionCall::sendAttempt()
{
    QString problem;
    if (m_request.file.isEmpty())
        problem = QStringLiteral("transcription: 'file' is empty");
    else if (m_request.model.trimmed().isEmpty())
        problem = QStringLiteral("transcription: 'model' is empty");
    else if (m_request.responseFormat != QLatin1String("json") &&
             m_request.responseFormat != QLatin1String("verbose_json"))
        problem = QStringLiteral("transcription: 'responseFormat' must be json or verbose_json");
    if (!problem.isEmpty()) {
        finish({ChatErrorType::InvalidRequest, problem, 0, {}});
        return nullptr;
    }
    return post(apiRequest(QStringLiteral("/audio/transcriptions"), m_request.model,
                           m_request.feature, "multipart/form-data; boundary=" + m_boundary,
                           "application/json"),
                m_body);
}

ChatError TranscriptionCall::onSuccess(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError ||
        !root.value(QLatin1String("text")).isString())
        return {
            ChatErrorType::BadResponse,
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("malformed JSON transcription: %1").arg(parseError.errorString())
                : QStringLiteral("the transcription has no text"),
            200,
            {}};
    m_result.text = root.value(QLatin1String("text")).toString().trimmed();
    m_result.language = root.value(QLatin1String("language")).toString();
    m_result.segments =
        spans(root.value(QLatin1String("segments")).toArray(), QLatin1String("text"));
    m_result.words = spans(root.value(QLatin1String("words")).toArray(), QLatin1String("word"));
    // Billing: usage {"type": "duration", "seconds"} (whisper), else the reported duration.
    const QJsonObject usage = root.value(QLatin1String("usage")).toObject();
    if (usage.value(QLatin1String("seconds")).isDouble())
        m_result.audioSeconds = usage.value(QLatin1String("seconds")).toDouble();
    else if (root.value(QLatin1String("duration")).isDouble())
        m_result.audioSeconds = root.value(QLatin1String("duration")).toDouble();
    return {};
}

void TranscriptionCall::onFinished(const ChatError &error)
{
    m_result.error = error;
    m_result.attempts = m_attempts;
    m_result.requestId = m_requestId;
    m_result.latencyMs = elapsedMs();
    if (OpenAIClient *owner = client()) {
        const PriceTable &prices = owner->prices();
        m_result.priced = prices.hasAudioPrice(m_request.model);
        if (!error.isError())
            m_result.costUsd = prices.transcriptionCostUsd(m_request.model, m_result.audioSeconds);
        owner->recordTranscription(m_result, m_request);
    }
    emit finished(m_result);
}
