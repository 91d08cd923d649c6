#include "openai/envcredentialprovider.h"

EnvCredentialProvider::EnvCredentialProvider(const char *variable)
    : m_variable(variable)
{}

Credential EnvCredentialProvider::credential(const QString &feature)
{
    Q_UNUSED(feature)
    Credential credential;
    credential.apiKey = qgetenv(m_variable).trimmed();
    credential.source =
        credential.apiKey.isEmpty() ? QStringLiteral("none") : QStringLiteral("environment");
    return credential;
}
