#include "appservices.h"

#include "calls/callmanager.h"
#include "calls/callsession.h"
#include "common/apppaths.h"
#include "live/demofloor.h"
#include "metrics/metricsregistry.h"
#include "openai/clientsettings.h"
#include "openai/envcredentialprovider.h"
#include "openai/modelprofiles.h"
#include "openai/openaiclient.h"
#include "openai/pricetable.h"
#include "secrets/keyaccesslog.h"
#include "secrets/keychaincredentialprovider.h"
#include "secrets/keystore.h"
#include "secrets/secretoperation.h"
#include "secrets/secretvault.h"
#include "secrets/securitysettings.h"
#include "securityalerts.h"
#include "sim/simulatorserver.h"
#include "store/sqlitestore.h"
#include "uilog.h"
#include "uisettings.h"

#include <QDir>
#include <QHostAddress>
#include <QTimer>

AppServices::AppServices(UiSettings *settings, AppServicesOptions options, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_options(std::move(options))
{}

AppServices::~AppServices()
{
    // The alerts watch the client and the sessions use the client and the store: they go first.
    // Requests they leave behind may outlive the client safely (their replies belong to it).
    m_securityAlerts.reset();
    m_calls.reset();
    m_client.reset();
}

bool AppServices::start()
{
    if (m_started)
        return true;
    m_dataDir =
        !m_options.dataDir.isEmpty() ? m_options.dataDir : AppPaths::dataDir(m_settings->dataDir());
    m_configDir = !m_options.configDir.isEmpty() ? m_options.configDir : AppPaths::configDir();
    AppPaths::ensurePrivateDir(m_dataDir);
    AppPaths::ensurePrivateDir(m_configDir);

    QString securityError;
    m_security = SecuritySettings::load(AppPaths::configFile(), &securityError);
    if (!securityError.isEmpty())
        m_warnings << tr("Security settings: %1 (using the defaults)").arg(securityError);
    m_metrics = std::make_unique<MetricsRegistry>();
    openStore();
    openKeys();
    if (!makeClient())
        return false;
    startSecurity();

    if (m_store) {
        CallServices services;
        services.client = m_client.get();
        services.calls = m_store.get();
        services.usage = m_store.get();
        services.audit = m_store.get();
        services.optOuts = m_store.get();
        services.prompts = m_store.get();
        services.metrics = m_metrics.get();
        services.models = m_models.get();
        m_calls = std::make_unique<CallManager>(services);
        if (m_settings->retentionDays() > 0)
            m_store->deleteCallsOlderThan(m_settings->retentionDays());
    }

    if (m_demo && m_calls && m_options.keepDemoFloor) {
        // A newcomer should find a living floor at any time: each ended demo call is replaced
        // after a pause, and dropped from the wallboard a minute later.
        connect(m_calls.get(), &CallManager::callEnded, this, [this](CallSession *session) {
            const QString id = session->id();
            QTimer::singleShot(4000, this, [this] { startDemoCalls(1); });
            QTimer::singleShot(60000, this, [this, id] {
                if (m_calls)
                    m_calls->removeSession(id);
            });
        });
    }

    m_started = true;
    emit started();
    if (m_demo && m_calls) {
        const int count = m_options.demoCalls >= 0 ? m_options.demoCalls : m_settings->demoCalls();
        startDemoCalls(count);
    }
    return true;
}

void AppServices::openStore()
{
    QString error;
    m_store = SqliteStore::open(m_dataDir, &error);
    if (!m_store) {
        m_warnings << tr("The call store could not be opened (%1). Live calls and history are "
                         "unavailable; the demo chat still works.")
                          .arg(error);
        qCWarning(lcUi) << "store:" << error;
    }
}

void AppServices::openKeys()
{
    if (!m_options.useKeychain) {
        m_envCredentials = std::make_unique<EnvCredentialProvider>();
        return;
    }
    // The same keychain service as `voiceai-cli keys` (VOICEAI_KEYCHAIN_SERVICE separates
    // profiles).
    const QString service = qEnvironmentVariable("VOICEAI_KEYCHAIN_SERVICE");
    m_vault = std::make_unique<SecretVault>(
        service.isEmpty() ? QString::fromLatin1(SecretVault::DefaultService) : service);
    m_keyStore = std::make_unique<KeyStore>(m_configDir, m_vault.get());
    QString error;
    if (!m_keyStore->reload(&error)) {
        m_warnings << tr("The key list could not be read: %1").arg(error);
    }
    m_keyLog = std::make_unique<KeyAccessLog>(m_dataDir, m_security.keyAccessLogMaxBytes);
    m_keychainCredentials =
        std::make_unique<KeychainCredentialProvider>(m_keyStore.get(), m_keyLog.get());
}

bool AppServices::makeClient()
{
    QString error;
    ClientSettings client = ClientSettings::load(AppPaths::configFile(), &error);
    if (!error.isEmpty())
        m_warnings << tr("Configuration file: %1").arg(error);
    client.maxConcurrent = std::max(client.maxConcurrent, m_settings->maxConcurrent());
    client.requestsPerMinute = m_settings->requestsPerMinute();

    const bool haveEnvKey = !qEnvironmentVariableIsEmpty("OPENAI_API_KEY");
    const bool haveKeychainKey = m_keyStore && !m_keyStore->activeName().isEmpty();
    m_demo = m_options.forceDemo || (!haveEnvKey && !haveKeychainKey);

    CredentialProvider *credentials = nullptr;
    if (m_demo) {
        m_simulator = std::make_unique<SimulatorServer>();
        m_simulator->setTiming(m_options.simTiming);
        if (!m_simulator->listen(QHostAddress::LocalHost, 0)) {
            m_warnings << tr("The demo simulator could not listen on the loopback interface.");
            return false;
        }
        client.baseUrl = m_simulator->baseUrl();
        client.azure = false;
        // The demo floor runs many calls at once; the simulator is local and free.
        client.maxConcurrent = std::max(client.maxConcurrent, 128);
    } else if (m_keychainCredentials) {
        credentials = m_keychainCredentials.get();
        if (auto active = m_keyStore->activeKey()) {
            if (!active->baseUrl.isEmpty())
                client.baseUrl = active->baseUrl;
            if (!active->organization.isEmpty())
                client.organization = active->organization;
            if (!active->project.isEmpty())
                client.project = active->project;
        }
        // Read the key now, without blocking, so no request ever waits for the keychain.
        SecretOperation *load = m_keychainCredentials->load();
        connect(load, &SecretOperation::finished, this, [this, load] {
            load->deleteLater();
            m_keysLoaded = true;
            // Locked, absent or refused: say so, and keep running on what is left.
            if (m_securityAlerts)
                m_securityAlerts->reportKeychain(m_keychainCredentials->lastStatus(),
                                                 m_keychainCredentials->source());
            emit backendChanged();
        });
    } else {
        credentials = m_envCredentials.get();
    }

    QString priceError;
    PriceTable prices = PriceTable::load(AppPaths::configFile(), &priceError);
    QString modelError;
    m_models =
        std::make_unique<ModelProfiles>(ModelProfiles::load(AppPaths::configFile(), &modelError));
    ModelConfig primary = m_models->primary();
    if (!m_settings->primaryModel().isEmpty())
        primary.model = m_settings->primaryModel();
    primary.temperature = m_settings->temperature();
    primary.maxTokens = m_settings->maxTokensPerTurn();
    m_models->setPrimary(primary);
    if (auto fallback = m_models->fallback(); fallback && !m_settings->fallbackModel().isEmpty()) {
        fallback->model = m_settings->fallbackModel();
        m_models->setFallback(fallback);
    }
    m_client = std::make_unique<OpenAIClient>(client, credentials, prices, m_metrics.get());
    return true;
}

void AppServices::startSecurity()
{
    m_securityAlerts = std::make_unique<SecurityAlerts>(m_security, m_keyStore.get(), m_store.get(),
                                                        m_client.get());
    connect(m_securityAlerts.get(), &SecurityAlerts::alertRaised, this, &AppServices::alertRaised);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_warnings << m_securityAlerts->keyAgeWarnings(now);
    m_securityAlerts->pruneRetiredKeys(now);
}

QString AppServices::backendDescription() const
{
    if (!m_client)
        return tr("Not connected");
    const QUrl url = m_client->settings().baseUrl;
    if (m_demo)
        return tr("Demo simulator (%1:%2)").arg(url.host()).arg(url.port());
    return tr("OpenAI (%1)").arg(url.host());
}

QString AppServices::keySource() const
{
    if (m_demo)
        return tr("none (demo)");
    // Until load() has finished, asking the provider would read the keychain synchronously.
    if (m_keychainCredentials && !m_keysLoaded)
        return tr("keychain (reading…)");
    if (m_keychainCredentials)
        return m_keychainCredentials->source();
    return QStringLiteral("environment");
}

QList<Scenario> AppServices::demoScenarios() const
{
    QList<Scenario> list = DemoFloor::scenarios(m_options.demoCustomerDelayMs);
    for (Scenario &s : list) {
        s.limits.tokensPerTurn = m_settings->maxTokensPerTurn();
        s.limits.tokensPerCall = m_settings->tokensPerCall();
        s.limits.costCapUsd = m_settings->costCapUsd();
    }
    return list;
}

QList<CallSession *> AppServices::startDemoCalls(int count)
{
    QList<CallSession *> started;
    if (!m_calls)
        return started;
    const QList<Scenario> scenarios = demoScenarios();
    for (int i = 0; i < count; ++i) {
        if (CallSession *session =
                m_calls->startCall(DemoFloor::scenarioFor(scenarios, m_demoCounter++)))
            started << session;
        else
            qCWarning(lcUi) << "demo call failed to start:" << m_calls->lastError();
    }
    return started;
}

CallSession *AppServices::startTypedCall(const QString &customerName, const QString &purpose)
{
    if (!m_calls)
        return nullptr;
    Scenario s;
    s.name = QStringLiteral("typed");
    s.context.customerName = customerName;
    s.context.customerId = QStringLiteral("typed-%1").arg(++m_demoCounter);
    s.context.purpose = purpose;
    s.context.campaign = QStringLiteral("test-calls");
    s.limits.tokensPerTurn = m_settings->maxTokensPerTurn();
    s.limits.tokensPerCall = m_settings->tokensPerCall();
    s.limits.costCapUsd = m_settings->costCapUsd();
    return m_calls->startCall(s);
}
