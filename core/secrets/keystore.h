#pragma once

#include "secrets/keycatalog.h"

#include <QObject>

class SecretOperation;
class SecretVault;

// The named API keys: secrets in the OS keychain (one entry per name), metadata
// in keys.json in the config folder. One key is active. Keychain work is
// asynchronous; metadata changes are written only after the keychain agreed.
class KeyStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyStore)

public:
    KeyStore(const QString &configDir, SecretVault *vault, QObject *parent = nullptr);

    QString metadataPath() const { return m_path; }
    // Re-reads keys.json. Returns false (error names the problem) on a damaged file.
    bool reload(QString *error);

    QList<KeyMetadata> keys() const { return m_catalog.keys(); }
    std::optional<KeyMetadata> key(const QString &name) const { return m_catalog.key(name); }
    QString activeName() const { return m_catalog.activeName(); }
    std::optional<KeyMetadata> activeKey() const;

    // Stores the secret under meta.name (replacing an existing one: rotation in
    // place) and then its metadata. The first key becomes active. Handler owned by the caller.
    SecretOperation *add(const KeyMetadata &meta, const QByteArray &secret);
    // Deletes the secret and then the metadata. A secret already missing from the
    // keychain still removes the metadata; an unavailable keychain removes nothing.
    SecretOperation *remove(const QString &name);
    SecretOperation *readSecret(const QString &name);

    bool setActive(const QString &name, QString *error);
    bool setRetireAt(const QString &name, const QDateTime &retireAt, QString *error);
    // Keys whose retireAt has passed (never the active key).
    QStringList retiredKeys(const QDateTime &now) const;
    // Deletes every retired key (as remove()), one after the other; stops at the first
    // failure. keyPruned() names each deleted key (for the audit trail). For the start of the app
    // (security.pruneRetiredOnStart) and `voiceai-cli keys prune`.
    SecretOperation *pruneRetired(const QDateTime &now);
    // Keys older than maxAgeDays.
    QStringList keysOlderThan(int maxAgeDays, const QDateTime &now) const;

signals:
    void keysChanged();
    void keyPruned(const QString &name);

private:
    bool saveCatalog(QString *error);
    void pruneNext(QStringList names, SecretOperation *result);

    QString m_path;
    SecretVault *m_vault;
    KeyCatalog m_catalog;
};
