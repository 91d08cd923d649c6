#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// Sampling parameters for one model, as data (resources/config/models.json, the config file, per
// request).
struct ModelConfig
{
    QString model;
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    std::optional<double> topP;
    std::optional<double> frequencyPenalty;
    std::optional<double> presencePenalty;
    QString user;
    // Newer models (o-series, gpt-4.1, gpt-5...) accept only max_completion_tokens.
    bool useMaxCompletionTokens = false;

    bool isValid() const { return !model.isEmpty(); }

    // Config-file shape: {"model", "temperature", "max_tokens", "top_p", "frequency_penalty",
    // "presence_penalty", "user", "use_max_completion_tokens"}.
    QJsonObject toJson() const;
    // Fields present in `json` override `base`; a field of the wrong type is an error naming it.
    static std::optional<ModelConfig> fromJson(const QJsonObject &json, const ModelConfig &base,
                                               QString *error);
};
