#pragma once

#include "store/promptstore.h"

class StoreDatabase;

// PromptStore over the prompt_versions table of a StoreDatabase.
class SqlitePromptStore final : public PromptStore
{
public:
    explicit SqlitePromptStore(const StoreDatabase &db);

    std::optional<PromptVersion> latest(const QString &name) const override;
    std::optional<PromptVersion> version(const QString &name, int version) const override;
    std::optional<PromptVersion> labelled(const QString &name, const QString &label) const override;
    int addVersion(const PromptVersion &prompt) override;
    QList<PromptVersion> versions(const QString &name) const override;
    QStringList promptNames() const override;
    bool setLabels(const QString &name, int version, const QStringList &labels) override;
    QString lastError() const override;

private:
    // setLabels inside the caller's transaction.
    bool applyLabels(const QString &name, int version, const QStringList &labels);
    QList<PromptVersion> select(const QString &where, const QVariantList &values) const;

    const StoreDatabase &m_db;
};
