#pragma once

#include "openai/clientsettings.h"
#include "secrets/baseurlpolicy.h"
#include "secrets/keymetadata.h"

#include <QString>

#include <memory>
#include <optional>

class CredentialProvider;
class KeyAccessLog;
class KeychainCredentialProvider;
class KeyStore;
class SecretVault;

// The key source of the CLI's `chat` and `call`: the keychain's active key (keys.json in the
// config folder, each read recorded in the data folder's key access log), else OPENAI_API_KEY,
// else none, exactly as KeychainCredentialProvider decides. Without a D-Bus session the
// keychain read fails at once and the environment is used.
class CliCredentials final
{
public:
    // `dataDir` holds the key access log (already resolved, e.g. AppPaths::dataDir()).
    explicit CliCredentials(const QString &dataDir);
    ~CliCredentials();
    CliCredentials(const CliCredentials &) = delete;
    CliCredentials &operator=(const CliCredentials &) = delete;

    // VOICEAI_KEYCHAIN_SERVICE, else SecretVault::DefaultService (as `voiceai-cli keys`).
    static QString serviceName();

    CredentialProvider *provider() const;
    // The active key's metadata, if the keychain's key list names one.
    std::optional<KeyMetadata> activeKey() const;
    // `base` with the active key's base URL, organisation, project and Azure settings.
    ClientSettings applyActiveKey(const ClientSettings &base) const;
    // Why keys.json could not be read (empty when it was fine or absent).
    QString catalogError() const { return m_catalogError; }

    // BaseUrlPolicy for the CLI: empty when `url` may be used, else the message to print.
    static QString checkBaseUrl(const QUrl &url, bool allowInsecureHttp);

private:
    std::unique_ptr<SecretVault> m_vault;
    std::unique_ptr<KeyStore> m_store;
    std::unique_ptr<KeyAccessLog> m_log;
    std::unique_ptr<KeychainCredentialProvider> m_provider;
    QString m_catalogError;
};
