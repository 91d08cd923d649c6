#include "openai/modelconfig.h"

namespace {

bool readDouble(const QJsonObject &json, QLatin1String key, std::optional<double> *target,
                QString *error)
{
    if (!json.contains(key))
        return true;
    const QJsonValue value = json.value(key);
    if (value.isNull()) {
        target->reset();
        return true;
    }
    if (!value.isDouble()) {
        if (error)
            *error = QStringLiteral("model field '%1' must be a number").arg(key);
        return false;
    }
    *target = value.toDouble();
    return true;
}

} // namespace

QJsonObject ModelConfig::toJson() const
{
    QJsonObject json;
    json.insert(QLatin1String("model"), model);
    if (temperature)
        json.insert(QLatin1String("temperature"), *temperature);
    if (maxTokens)
        json.insert(QLatin1String("max_tokens"), *maxTokens);
    if (topP)
        json.insert(QLatin1String("top_p"), *topP);
    if (frequencyPenalty)
        json.insert(QLatin1String("frequency_penalty"), *frequencyPenalty);
    if (presencePenalty)
        json.insert(QLatin1String("presence_penalty"), *presencePenalty);
    if (!user.isEmpty())
        json.insert(QLatin1String("user"), user);
    if (useMaxCompletionTokens)
        json.insert(QLatin1String("use_max_completion_tokens"), true);
    return json;
}

std::optional<ModelConfig> ModelConfig::fromJson(const QJsonObject &json, const ModelConfig &base,
                                                 QString *error)
{
    ModelConfig config = base;
    if (json.contains(QLatin1String("model"))) {
        const QJsonValue model = json.value(QLatin1String("model"));
        if (!model.isString() || model.toString().trimmed().isEmpty()) {
            if (error)
                *error = QStringLiteral("model field 'model' must be a non-empty string");
            return std::nullopt;
        }
        config.model = model.toString().trimmed();
    }
    if (!readDouble(json, QLatin1String("temperature"), &config.temperature, error) ||
        !readDouble(json, QLatin1String("top_p"), &config.topP, error) ||
        !readDouble(json, QLatin1String("frequency_penalty"), &config.frequencyPenalty, error) ||
        !readDouble(json, QLatin1String("presence_penalty"), &config.presencePenalty, error))
        return std::nullopt;
    for (QLatin1String key :
         {QLatin1String("max_tokens"), QLatin1String("max_completion_tokens")}) {
        if (!json.contains(key))
            continue;
        const QJsonValue value = json.value(key);
        if (value.isNull()) {
            config.maxTokens.reset();
            continue;
        }
        if (!value.isDouble() || value.toDouble() < 1 || value.toDouble() != value.toInt()) {
            if (error)
                *error = QStringLiteral("model field '%1' must be a positive integer").arg(key);
            return std::nullopt;
        }
        config.maxTokens = value.toInt();
        if (key == QLatin1String("max_completion_tokens"))
            config.useMaxCompletionTokens = true;
    }
    if (json.contains(QLatin1String("user"))) {
        if (!json.value(QLatin1String("user")).isString()) {
            if (error)
                *error = QStringLiteral("model field 'user' must be a string");
            return std::nullopt;
        }
        config.user = json.value(QLatin1String("user")).toString();
    }
    if (json.contains(QLatin1String("use_max_completion_tokens"))) {
        if (!json.value(QLatin1String("use_max_completion_tokens")).isBool()) {
            if (error)
                *error =
                    QStringLiteral("model field 'use_max_completion_tokens' must be a boolean");
            return std::nullopt;
        }
        config.useMaxCompletionTokens =
            json.value(QLatin1String("use_max_completion_tokens")).toBool();
    }
    return config;
}
