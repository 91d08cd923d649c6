#include "sim/simchatrenderer.h"

#include <QJsonArray>
#include <QJsonDocument>

SimChatRenderer::SimChatRenderer(QString id, QString model, qint64 created, QString fingerprint)
    : m_id(std::move(id))
    , m_model(std::move(model))
    , m_created(created)
    , m_fingerprint(std::move(fingerprint))
{}

QJsonObject SimChatRenderer::usageJson(const SimUsage &usage)
{
    return QJsonObject{
        {QStringLiteral("prompt_tokens"), usage.promptTokens},
        {QStringLiteral("completion_tokens"), usage.completionTokens},
        {QStringLiteral("total_tokens"), usage.promptTokens + usage.completionTokens},
        {QStringLiteral("prompt_tokens_details"),
         QJsonObject{{QStringLiteral("cached_tokens"), 0}, {QStringLiteral("audio_tokens"), 0}}},
        {QStringLiteral("completion_tokens_details"),
         QJsonObject{{QStringLiteral("reasoning_tokens"), 0},
                     {QStringLiteral("audio_tokens"), 0},
                     {QStringLiteral("accepted_prediction_tokens"), 0},
                     {QStringLiteral("rejected_prediction_tokens"), 0}}},
    };
}

QByteArray SimChatRenderer::completion(const QString &content, const QString &finishReason,
                                       const SimUsage &usage) const
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), content},
                              {QStringLiteral("refusal"), QJsonValue::Null}};
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("logprobs"), QJsonValue::Null},
                             {QStringLiteral("finish_reason"), finishReason}};
    const QJsonObject object{{QStringLiteral("id"), m_id},
                             {QStringLiteral("object"), QStringLiteral("chat.completion")},
                             {QStringLiteral("created"), m_created},
                             {QStringLiteral("model"), m_model},
                             {QStringLiteral("system_fingerprint"), m_fingerprint},
                             {QStringLiteral("service_tier"), QStringLiteral("default")},
                             {QStringLiteral("choices"), QJsonArray{choice}},
                             {QStringLiteral("usage"), usageJson(usage)}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject SimChatRenderer::chunkBase(bool withUsageField) const
{
    QJsonObject object{{QStringLiteral("id"), m_id},
                       {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                       {QStringLiteral("created"), m_created},
                       {QStringLiteral("model"), m_model},
                       {QStringLiteral("system_fingerprint"), m_fingerprint},
                       {QStringLiteral("service_tier"), QStringLiteral("default")}};
    // With include_usage every chunk carries "usage": null until the last one.
    if (withUsageField)
        object.insert(QStringLiteral("usage"), QJsonValue::Null);
    return object;
}

QByteArray SimChatRenderer::sseEvent(const QByteArray &json)
{
    return QByteArrayLiteral("data: ") + json + QByteArrayLiteral("\n\n");
}

QByteArray SimChatRenderer::chunk(const QJsonObject &delta, const QJsonValue &finishReason,
                                  bool withUsageField) const
{
    QJsonObject object = chunkBase(withUsageField);
    object.insert(QStringLiteral("choices"),
                  QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                         {QStringLiteral("delta"), delta},
                                         {QStringLiteral("logprobs"), QJsonValue::Null},
                                         {QStringLiteral("finish_reason"), finishReason}}});
    return sseEvent(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray SimChatRenderer::roleChunk(bool withUsageField) const
{
    return chunk(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                             {QStringLiteral("content"), QString()},
                             {QStringLiteral("refusal"), QJsonValue::Null}},
                 QJsonValue::Null, withUsageField);
}

QByteArray SimChatRenderer::contentChunk(const QString &content, bool withUsageField) const
{
    return chunk(QJsonObject{{QStringLiteral("content"), content}}, QJsonValue::Null,
                 withUsageField);
}

QByteArray SimChatRenderer::finishChunk(const QString &finishReason, bool withUsageField) const
{
    return chunk(QJsonObject{}, finishReason, withUsageField);
}

QByteArray SimChatRenderer::usageChunk(const SimUsage &usage) const
{
    QJsonObject object = chunkBase(false);
    object.insert(QStringLiteral("choices"), QJsonArray{});
    object.insert(QStringLiteral("usage"), usageJson(usage));
    return sseEvent(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject SimChatRenderer::errorJson(const QString &message, const QString &type,
                                       const QString &param, const QString &code)
{
    return QJsonObject{
        {QStringLiteral("message"), message},
        {QStringLiteral("type"), type},
        {QStringLiteral("param"), param.isEmpty() ? QJsonValue() : QJsonValue(param)},
        {QStringLiteral("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code)}};
}

QByteArray SimChatRenderer::errorBody(const QString &message, const QString &type,
                                      const QString &param, const QString &code)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("error"), errorJson(message, type, param, code)}})
        .toJson(QJsonDocument::Compact);
}

QString SimChatRenderer::defaultErrorType(int status, const QString &code)
{
    if (code == QLatin1String("insufficient_quota"))
        return QStringLiteral("insufficient_quota");
    switch (status) {
    case 401:
        return QStringLiteral("invalid_request_error");
    case 403:
        return QStringLiteral("permission_error");
    case 429:
        return QStringLiteral("requests");
    default:
        break;
    }
    return status >= 500 ? QStringLiteral("server_error") : QStringLiteral("invalid_request_error");
}

QString SimChatRenderer::defaultErrorMessage(int status, const QString &code)
{
    if (code == QLatin1String("insufficient_quota"))
        return QStringLiteral("You exceeded your current quota, please check your plan and "
                              "billing details.");
    switch (status) {
    case 400:
        return QStringLiteral("Bad request (simulated).");
    case 401:
        return QStringLiteral("Incorrect API key provided.");
    case 403:
        return QStringLiteral("You are not allowed to use this model.");
    case 404:
        return QStringLiteral("The model does not exist or you do not have access to it.");
    case 408:
        return QStringLiteral("Request timed out (simulated).");
    case 409:
        return QStringLiteral("Conflict (simulated).");
    case 429:
        return QStringLiteral(
            "Rate limit reached for requests (simulated). Please try again later.");
    case 503:
        return QStringLiteral("The engine is currently overloaded, please try again later.");
    default:
        break;
    }
    return status >= 500 ? QStringLiteral("The server had an error while processing your request.")
                         : QStringLiteral("Simulated error %1.").arg(status);
}
