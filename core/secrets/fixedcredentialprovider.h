#pragma once

#include "openai/credentialprovider.h"

class KeyAccessLog;

// Hands out one given key (e.g. a key being validated before it is saved) and
// records each use in the key access log when one is given.
class FixedCredentialProvider final : public CredentialProvider
{
public:
    FixedCredentialProvider(const QByteArray &key, const QString &keyName, KeyAccessLog *log);
    ~FixedCredentialProvider() override;
    Q_DISABLE_COPY_MOVE(FixedCredentialProvider)

    Credential credential(const QString &feature) override;

private:
    QByteArray m_key;
    QString m_keyName;
    KeyAccessLog *m_log;
};
