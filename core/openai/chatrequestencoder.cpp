#include "openai/chatrequestencoder.h"

#include "openai/modelcapabilities.h"

#include <QJsonArray>
#include <QJsonDocument>

QJsonObject ChatRequestEncoder::toJson(const ChatRequest &request, const ModelConfig &model)
{
    QJsonObject body;
    body.insert(QLatin1String("model"), model.model);
    QJsonArray messages;
    for (const ChatMessage &message : request.messages)
        messages.append(message.toJson());
    body.insert(QLatin1String("messages"), messages);
    const ModelCapabilities capabilities = ModelCapabilities::forModel(model.model);
    if (capabilities.acceptsSamplingParameters) {
        if (model.temperature)
            body.insert(QLatin1String("temperature"), *model.temperature);
        if (model.topP)
            body.insert(QLatin1String("top_p"), *model.topP);
        if (model.frequencyPenalty)
            body.insert(QLatin1String("frequency_penalty"), *model.frequencyPenalty);
        if (model.presencePenalty)
            body.insert(QLatin1String("presence_penalty"), *model.presencePenalty);
    }
    if (model.maxTokens) {
        // max_tokens is deprecated and rejected by reasoning models; they take
        // max_completion_tokens (by configuration, or known from the model's name).
        const bool completionTokens =
            model.useMaxCompletionTokens || capabilities.requiresMaxCompletionTokens;
        body.insert(completionTokens ? QLatin1String("max_completion_tokens")
                                     : QLatin1String("max_tokens"),
                    *model.maxTokens);
    }
    if (!model.user.isEmpty())
        body.insert(QLatin1String("user"), model.user);
    if (!request.stop.isEmpty())
        body.insert(QLatin1String("stop"), QJsonArray::fromStringList(request.stop));
    if (request.seed)
        body.insert(QLatin1String("seed"), double(*request.seed));
    if (!request.tools.isEmpty()) {
        body.insert(QLatin1String("tools"), request.tools);
        if (!request.toolChoice.isUndefined() && !request.toolChoice.isNull())
            body.insert(QLatin1String("tool_choice"), request.toolChoice);
    }
    if (!request.responseFormat.isEmpty())
        body.insert(QLatin1String("response_format"), request.responseFormat);
    if (request.stream) {
        body.insert(QLatin1String("stream"), true);
        body.insert(QLatin1String("stream_options"),
                    QJsonObject{{QLatin1String("include_usage"), true}});
    }
    return body;
}

QByteArray ChatRequestEncoder::encode(const ChatRequest &request, const ModelConfig &model)
{
    return QJsonDocument(toJson(request, model)).toJson(QJsonDocument::Compact);
}

int ChatRequestEncoder::estimateTokens(const ChatRequest &request, const ModelConfig &model)
{
    qsizetype characters = 0;
    for (const ChatMessage &message : request.messages)
        characters += message.content.size() + 8;
    return int(characters / 4) + model.maxTokens.value_or(256);
}
