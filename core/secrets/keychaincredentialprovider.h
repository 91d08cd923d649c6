#pragma once

#include "openai/credentialprovider.h"
#include "secrets/keychainstatus.h"

#include <QObject>

class KeyAccessLog;
class KeyStore;
class SecretOperation;

// Supplies the active key from the OS keychain to the OpenAI client, and records
// every request for a key in the key access log.
//
// Precedence: the keychain's active key; OPENAI_API_KEY only when the keychain has
// no active key or cannot be read (so CI and the no-keychain case keep working);
// otherwise no key. source() tells which one is in use.
class KeychainCredentialProvider final : public QObject, public CredentialProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainCredentialProvider)

public:
    KeychainCredentialProvider(KeyStore *store, KeyAccessLog *log, QObject *parent = nullptr,
                               const char *environmentVariable = "OPENAI_API_KEY");
    ~KeychainCredentialProvider() override;

    // Reads the active key into memory without blocking; the GUI calls this at start
    // so that credential() never has to wait. Handler owned by the caller.
    SecretOperation *load();
    // Forgets the cached key (the next credential() reads the keychain again).
    void invalidate();

    // Never blocks once load() finished; before that it reads the keychain
    // synchronously (a local event loop), which is what the CLI wants.
    Credential credential(const QString &feature) override;

    // "keychain:<name>", "environment" or "none": what credential() would use now.
    QString source();
    // The keychain's status on the last read (Ok when it was not needed).
    KeychainStatus lastStatus() const { return m_status; }

signals:
    // The source changed (e.g. the keychain became unreadable and the environment is used).
    void sourceChanged(const QString &source);

private:
    Credential resolve();
    void remember(const QString &name, const QByteArray &key, const KeychainStatus &status);

    KeyStore *m_store;
    KeyAccessLog *m_log;
    const char *m_variable;
    QString m_cachedName;
    QByteArray m_cachedKey;
    QString m_failedName; // active key whose read failed; not retried until invalidate()
    KeychainStatus m_status;
    QString m_lastSource;
};
