#pragma once

#include <QString>
#include <QStringList>

// What a model accepts in a chat request, from the "reasoningModels" table of the shipped
// models.json: reasoning models (o1, o3, o4, gpt-5 …) reject `max_tokens` and the sampling
// parameters, so the encoder sends `max_completion_tokens` and leaves those out.
class ModelCapabilities
{
public:
    bool requiresMaxCompletionTokens = false;
    bool acceptsSamplingParameters = true;

    // Looked up by exact name or by a known prefix followed by '-' ("o3-mini", "gpt-5-2025-08-07").
    static ModelCapabilities forModel(const QString &model);
    // For tests and the documentation: the prefixes read from the table.
    static QStringList reasoningPrefixes();
};
