#pragma once

#include "secrets/keymetadata.h"

#include <QList>
#include <QString>

#include <optional>

// The metadata file of the named keys (keys.json in the config folder, owner-only):
// every key's KeyMetadata and which key is active. It never holds a secret.
class KeyCatalog
{
public:
    static QString fileName() { return QStringLiteral("keys.json"); }

    // Loads `path`; a missing file is an empty catalog. On a damaged file returns
    // false with `error` naming the problem and leaves the catalog empty.
    bool load(const QString &path, QString *error);
    // Writes atomically with mode 0600.
    bool save(const QString &path, QString *error) const;

    const QList<KeyMetadata> &keys() const { return m_keys; }
    std::optional<KeyMetadata> key(const QString &name) const;
    bool contains(const QString &name) const;
    // Adds or replaces (by name).
    void upsert(const KeyMetadata &meta);
    bool remove(const QString &name);

    QString activeName() const { return m_active; }
    // `name` must be in the catalog or empty (no active key).
    bool setActive(const QString &name);

private:
    QList<KeyMetadata> m_keys;
    QString m_active;
};
