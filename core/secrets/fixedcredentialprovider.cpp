#include "secrets/fixedcredentialprovider.h"

#include "secrets/keyaccesslog.h"

#include <QDateTime>

FixedCredentialProvider::FixedCredentialProvider(const QByteArray &key, const QString &keyName,
                                                 KeyAccessLog *log)
    : m_key(key)
    , m_keyName(keyName)
    , m_log(log)
{}

FixedCredentialProvider::~FixedCredentialProvider()
{
    m_key.fill('\0');
}

Credential FixedCredentialProvider::credential(const QString &feature)
{
    const QString source =
        m_keyName.isEmpty() ? QStringLiteral("candidate") : QStringLiteral("keychain:") + m_keyName;
    if (m_log)
        m_log->append({QDateTime::currentDateTimeUtc(), feature, m_keyName, source});
    return {m_key, source};
}
