#include "cli/clicredentials.h"

#include "common/apppaths.h"
#include "secrets/keyaccesslog.h"
#include "secrets/keychaincredentialprovider.h"
#include "secrets/keystore.h"
#include "secrets/secretvault.h"
#include "secrets/securitysettings.h"

CliCredentials::CliCredentials(const QString &dataDir)
{
    QString error;
    const SecuritySettings security = SecuritySettings::load(AppPaths::configFile(), &error);
    m_vault = std::make_unique<SecretVault>(serviceName());
    m_store = std::make_unique<KeyStore>(AppPaths::configDir(), m_vault.get());
    // A damaged key list is reported by the caller; the environment variable still works.
    if (!m_store->reload(&m_catalogError) && m_catalogError.isEmpty())
        m_catalogError = QStringLiteral("the key list could not be read");
    AppPaths::ensurePrivateDir(dataDir);
    m_log = std::make_unique<KeyAccessLog>(dataDir, security.keyAccessLogMaxBytes);
    m_provider = std::make_unique<KeychainCredentialProvider>(m_store.get(), m_log.get());
}

CliCredentials::~CliCredentials()
{
    // The provider refers to the store and the log: it goes first.
    m_provider.reset();
}

QString CliCredentials::serviceName()
{
    const QString fromEnv = qEnvironmentVariable("VOICEAI_KEYCHAIN_SERVICE");
    return fromEnv.isEmpty() ? QString::fromLatin1(SecretVault::DefaultService) : fromEnv;
}

CredentialProvider *CliCredentials::provider() const
{
    return m_provider.get();
}

std::optional<KeyMetadata> CliCredentials::activeKey() const
{
    return m_store->activeKey();
}

ClientSettings CliCredentials::applyActiveKey(const ClientSettings &base) const
{
    const std::optional<KeyMetadata> active = activeKey();
    return active ? active->applyTo(base) : base;
}

QString CliCredentials::checkBaseUrl(const QUrl &url, bool allowInsecureHttp)
{
    // The policy's message already names --allow-insecure-http for the http case.
    const BaseUrlPolicy::Result result = BaseUrlPolicy::check(url, allowInsecureHttp);
    return result.isOk() ? QString() : result.message;
}
