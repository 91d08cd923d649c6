#pragma once

#include "calls/scenario.h"
#include "secrets/securitysettings.h"
#include "sim/simtiming.h"

#include <QObject>
#include <QString>

#include <memory>

class CallManager;
class CallSession;
class CredentialProvider;
class KeyAccessLog;
class KeychainCredentialProvider;
class KeyStore;
class MetricsRegistry;
class ModelProfiles;
class OpenAIClient;
class SecurityAlerts;
class SecretVault;
class SimulatorServer;
class SqliteStore;
class UiSettings;

// What AppServices should do; the defaults are those of the shipped app.
struct AppServicesOptions
{
    QString dataDir;         // empty: the settings' folder, else AppPaths::dataDir()
    QString configDir;       // empty: AppPaths::configDir()
    bool forceDemo = false;  // run against the local simulator even when a key exists
    bool useKeychain = true; // false: only OPENAI_API_KEY (tests without a keyring)
    int demoCalls = -1;      // simulated calls started in demo mode; -1: from the settings
    SimTiming simTiming = SimTiming{250, 30.0}; // the demo simulator's pacing
    qint64 demoCustomerDelayMs = 1500;          // pause before a simulated customer answers
    bool keepDemoFloor = true; // demo: replace each ended call after a pause, drop it later
};

// The core objects behind the window, created right after the window is shown so that start-up
// stays fast: the store, the key source, the OpenAI client (against the in-process simulator
// when no key is configured) and the call manager. The GUI reaches core only through these.
class AppServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppServices)

public:
    AppServices(UiSettings *settings, AppServicesOptions options, QObject *parent = nullptr);
    ~AppServices() override;

    // Opens everything. On a failure that leaves the app usable (no store, no keychain) it still
    // returns true and says why in warnings(); false only if no client could be made.
    bool start();
    bool isStarted() const { return m_started; }

    bool isDemo() const { return m_demo; }
    // "Demo simulator (127.0.0.1:41234)" or "OpenAI (api.openai.com)".
    QString backendDescription() const;
    // "environment", "keychain:production", "none (demo)".
    QString keySource() const;
    QStringList warnings() const { return m_warnings; }
    QString dataDir() const { return m_dataDir; }
    QString configDir() const { return m_configDir; }

    OpenAIClient *client() const { return m_client.get(); }
    SimulatorServer *simulator() const { return m_simulator.get(); }
    SqliteStore *store() const { return m_store.get(); }
    CallManager *calls() const { return m_calls.get(); }
    KeyStore *keyStore() const { return m_keyStore.get(); }
    KeyAccessLog *keyAccessLog() const { return m_keyLog.get(); }
    MetricsRegistry *metrics() const { return m_metrics.get(); }
    UiSettings *settings() const { return m_settings; }
    // The "security" section of config.json, as read by start().
    SecuritySettings security() const { return m_security; }
    // Key age, pruning, keychain, usage-spike and quota alerts (null before start()).
    SecurityAlerts *securityAlerts() const { return m_securityAlerts.get(); }

    // The demo floor's scenarios (resources/scenarios, varied personas).
    QList<Scenario> demoScenarios() const;
    // Starts `count` simulated calls, cycling through the demo scenarios. Returns those started.
    QList<CallSession *> startDemoCalls(int count);
    // A call typed by a person (no persona, no script): for tests and the "test call" action.
    CallSession *startTypedCall(const QString &customerName, const QString &purpose);

signals:
    void started();
    void backendChanged();
    // A warning that arrives after start() (keychain read, pruned key, usage spike, quota).
    void alertRaised(const QString &text);

private:
    void openStore();
    void openKeys();
    bool makeClient();
    void startSecurity();

    UiSettings *m_settings;
    AppServicesOptions m_options;
    QString m_dataDir;
    QString m_configDir;
    bool m_started = false;
    bool m_demo = true;
    bool m_keysLoaded = false; // the keychain provider's load() has finished
    QStringList m_warnings;
    SecuritySettings m_security;

    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<SecretVault> m_vault;
    std::unique_ptr<KeyStore> m_keyStore;
    std::unique_ptr<KeyAccessLog> m_keyLog;
    std::unique_ptr<KeychainCredentialProvider> m_keychainCredentials;
    std::unique_ptr<CredentialProvider> m_envCredentials;
    std::unique_ptr<SimulatorServer> m_simulator;
    std::unique_ptr<ModelProfiles> m_models;
    std::unique_ptr<OpenAIClient> m_client;
    std::unique_ptr<CallManager> m_calls;
    std::unique_ptr<SecurityAlerts> m_securityAlerts;
    int m_demoCounter = 0;
};
