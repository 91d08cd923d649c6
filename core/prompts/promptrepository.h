#pragma once

#include "store/promptversion.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class PromptStore;

// The agent's system prompt and context template as stored, versioned data. Seeds version 1 of
// "voiceai-agent" from the shipped resources when the store has none; adding a version validates
// its template first and never changes an existing version.
class PromptRepository final
{
public:
    static QString agentPromptName(); // "voiceai-agent"

    // `store` is not owned and must outlive the repository.
    explicit PromptRepository(PromptStore *store);

    // Adds version 1 of the agent prompt from :/prompts/ when the store has no version of it.
    // True if the prompt exists afterwards.
    bool ensureSeeded(QString *error = nullptr);

    std::optional<PromptVersion> latest(const QString &name) const;
    std::optional<PromptVersion> version(const QString &name, int version) const;
    // `version` <= 0 means latest.
    std::optional<PromptVersion> resolve(const QString &name, int version,
                                         QString *error = nullptr) const;
    QList<PromptVersion> versions(const QString &name) const;

    // Validates the context template (unknown variables are refused with name and line), then
    // stores the prompt as the next version. Returns the new version number or -1 (`error`).
    int addVersion(const PromptVersion &prompt, QString *error = nullptr);

    // Renders the prompt's context template over a call's context (CallContext::toJson()).
    static std::optional<QString> renderContext(const PromptVersion &prompt,
                                                const QJsonObject &context,
                                                QString *error = nullptr);

    // The shipped version 1 (resources/prompts/).
    static QString builtInSystemPrompt();
    static QString builtInContextTemplate();

private:
    PromptStore *m_store;
};
