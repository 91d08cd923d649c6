#pragma once

#include "store/promptversion.h"

#include <optional>
#include <QList>
#include <QStringList>

// Versioned prompts: versions are immutable once added; only their labels move.
class PromptStore
{
public:
    virtual ~PromptStore() = default;

    virtual std::optional<PromptVersion> latest(const QString &name) const = 0;
    virtual std::optional<PromptVersion> version(const QString &name, int version) const = 0;
    // The newest version carrying `label` (e.g. "production").
    virtual std::optional<PromptVersion> labelled(const QString &name,
                                                  const QString &label) const = 0;
    // Stores the prompt as the next version of its name (version field ignored; createdAt
    // defaults to now). Returns the new version number, or -1 on error.
    virtual int addVersion(const PromptVersion &prompt) = 0;
    // Oldest first.
    virtual QList<PromptVersion> versions(const QString &name) const = 0;
    virtual QStringList promptNames() const = 0;
    // Replaces one version's labels. A label is unique per prompt name: giving it to this
    // version takes it away from the others (a promotion).
    virtual bool setLabels(const QString &name, int version, const QStringList &labels) = 0;

    virtual QString lastError() const = 0;
};
