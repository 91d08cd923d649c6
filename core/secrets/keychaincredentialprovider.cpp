#include "secrets/keychaincredentialprovider.h"

#include "secrets/keyaccesslog.h"
#include "secrets/keystore.h"
#include "secrets/secretoperation.h"
#include "secrets/secretslog.h"

#include <QDateTime>

KeychainCredentialProvider::KeychainCredentialProvider(KeyStore *store, KeyAccessLog *log,
                                                       QObject *parent,
                                                       const char *environmentVariable)
    : QObject(parent)
    , m_store(store)
    , m_log(log)
    , m_variable(environmentVariable)
{
    connect(m_store, &KeyStore::keysChanged, this, [this] {
        if (m_cachedName != m_store->activeName())
            invalidate();
    });
}

KeychainCredentialProvider::~KeychainCredentialProvider()
{
    m_cachedKey.fill('\0');
}

SecretOperation *KeychainCredentialProvider::load()
{
    const QString name = m_store->activeName();
    auto *result = new SecretOperation;
    if (name.isEmpty()) {
        result->complete(KeychainStatus::success());
        return result;
    }
    SecretOperation *read = m_store->readSecret(name);
    connect(read, &SecretOperation::finished, result, [this, read, result, name] {
        read->deleteLater();
        remember(name, read->secret(), read->status());
        result->complete(read->status());
    });
    return result;
}

void KeychainCredentialProvider::invalidate()
{
    m_cachedKey.fill('\0');
    m_cachedKey.clear();
    m_cachedName.clear();
    m_failedName.clear();
    m_status = KeychainStatus::success();
}

void KeychainCredentialProvider::remember(const QString &name, const QByteArray &key,
                                          const KeychainStatus &status)
{
    m_status = status;
    if (status.ok() && !key.isEmpty()) {
        m_cachedName = name;
        m_cachedKey = key;
        m_failedName.clear();
        return;
    }
    m_failedName = name;
    if (status.ok())
        m_status = KeychainStatus::notFound(name);
    qCWarning(lcSecrets).noquote() << "active key" << name << "not readable:" << m_status.message;
}

Credential KeychainCredentialProvider::resolve()
{
    const QString active = m_store->activeName();
    if (!active.isEmpty()) {
        if (m_cachedName != active && m_failedName != active) {
            SecretOperation *read = m_store->readSecret(active);
            read->wait();
            remember(active, read->secret(), read->status());
            delete read;
        }
        if (m_cachedName == active && !m_cachedKey.isEmpty())
            return {m_cachedKey, QStringLiteral("keychain:") + active};
    }
    const QByteArray fromEnv = qgetenv(m_variable).trimmed();
    if (!fromEnv.isEmpty())
        return {fromEnv, QStringLiteral("environment")};
    return {{}, QStringLiteral("none")};
}

Credential KeychainCredentialProvider::credential(const QString &feature)
{
    Credential credential = resolve();
    if (m_log) {
        KeyAccessEntry entry;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.feature = feature.isEmpty() ? QStringLiteral("unspecified") : feature;
        entry.source = credential.source;
        if (credential.source.startsWith(QLatin1String("keychain:")))
            entry.keyName = credential.source.mid(9);
        m_log->append(entry);
    }
    if (credential.source != m_lastSource) {
        m_lastSource = credential.source;
        qCInfo(lcSecrets).noquote() << "API key source:" << credential.source;
        emit sourceChanged(credential.source);
    }
    return credential;
}

QString KeychainCredentialProvider::source()
{
    return resolve().source;
}
