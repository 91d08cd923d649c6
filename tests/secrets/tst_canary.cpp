// The canary: a recognisable key stored in the real keychain and used through a
// full demo call (CallManager, simulator, SQLite store) with every log category on,
// in this process and through voiceai-cli. Afterwards the key must be in no file
// under the config, data and cache folders and in no output.
#include "calls/callmanager.h"
#include "calls/callservices.h"
#include "calls/callsession.h"
#include "calls/scenario.h"
#include "metrics/metricsregistry.h"
#include "metrics/spikedetector.h"
#include "openai/modelprofiles.h"
#include "openai/openaiclient.h"
#include "secrets/keyaccesslog.h"
#include "secrets/keychaincredentialprovider.h"
#include "secrets/keystore.h"
#include "secrets/secretoperation.h"
#include "secrets/secretvault.h"
#include "secrets/usagespikewatch.h"
#include "sim/simulatorserver.h"
#include "store/sqlitestore.h"
#include "tempdatadir.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUuid>

namespace {

const QByteArray Canary = "sk-proj-CANARY7q2w9e4r1t6y3u8i5o0pZxCvBnM";

QMutex g_logMutex;
QByteArray g_log;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker locker(&g_logMutex);
    g_log += QByteArray(context.category ? context.category : "default") + ": " + message.toUtf8() +
             '\n';
}

QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits.append(file.fileName());
    }
    return hits;
}

} // namespace

class TestCanary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fullDemoCallWithKeychainKey();
    void cliKeysAndCall();

private:
    QByteArray runCli(const TempDataDir &dirs, const QStringList &arguments,
                      const QByteArray &input, const QProcessEnvironment &extra, int *exitCode);
    QString scenarioFile() const;

    QString m_service;
};

void TestCanary::initTestCase()
{
    m_service =
        QStringLiteral("voiceai-canary-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TestCanary::cleanupTestCase()
{
    SecretVault vault(m_service);
    for (const char *name : {"canary", "cli-canary"}) {
        std::unique_ptr<SecretOperation> erase(vault.remove(QString::fromLatin1(name)));
        erase->wait();
    }
}

QString TestCanary::scenarioFile() const
{
    return QFINDTESTDATA("../../resources/scenarios/scripted-address-change.json");
}

void TestCanary::fullDemoCallWithKeychainKey()
{
    TempDataDir dirs;
    dirs.exportToEnvironment();
    QLoggingCategory::setFilterRules(QStringLiteral("*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    bool callEnded = false;
    {
        SecretVault vault(m_service);
        KeyStore keys(dirs.configDir(), &vault);
        KeyAccessLog accessLog(dirs.dataDir());
        KeyMetadata meta;
        meta.name = QStringLiteral("canary");
        std::unique_ptr<SecretOperation> add(keys.add(meta, Canary));
        QVERIFY2(add->wait().ok(), qPrintable(add->status().message));

        SimulatorServer sim;
        sim.setTiming(SimTiming::instant());
        QVERIFY(sim.listen());
        KeychainCredentialProvider credentials(&keys, &accessLog);
        std::unique_ptr<SecretOperation> load(credentials.load());
        QVERIFY(load->wait().ok());

        QString error;
        ClientSettings settings;
        settings.baseUrl = sim.baseUrl();
        MetricsRegistry metrics;
        OpenAIClient client(settings, &credentials, PriceTable::load(QString(), &error), &metrics);
        SpikeDetector spikes(1000, 100.0);
        UsageSpikeWatch watch(&client, &spikes);

        std::unique_ptr<SqliteStore> store = SqliteStore::open(dirs.dataDir(), &error);
        QVERIFY2(store, qPrintable(error));
        const ModelProfiles profiles = ModelProfiles::load(QString(), &error);
        CallServices services;
        services.client = &client;
        services.calls = store.get();
        services.usage = store.get();
        services.audit = store.get();
        services.optOuts = store.get();
        services.prompts = store.get();
        services.metrics = &metrics;
        services.models = &profiles;

        std::optional<Scenario> scenario = Scenario::load(scenarioFile(), &error);
        QVERIFY2(scenario, qPrintable(error));
        CallManager manager(services);
        QSignalSpy ended(&manager, &CallManager::callEnded);
        CallSession *session = manager.startCall(*scenario);
        QVERIFY2(session, qPrintable(manager.lastError()));
        session->listen(QStringLiteral("supervisor:ana"), true);
        session->whisper(QStringLiteral("supervisor:ana"), QStringLiteral("Confirm the e-mail."));
        QVERIFY(session->state() == CallState::Ended || ended.wait(60000));
        callEnded = true;
        QVERIFY(session->stats().turns >= 2);
        QVERIFY(spikes.requestsInWindow() >= 2);

        // The key was really used, and every use is accounted for.
        const QList<KeyAccessEntry> uses = accessLog.entries();
        QVERIFY(uses.size() >= 2);
        for (const KeyAccessEntry &use : uses) {
            QCOMPARE(use.keyName, QStringLiteral("canary"));
            QCOMPARE(use.source, QStringLiteral("keychain:canary"));
            QVERIFY(!use.feature.isEmpty());
        }
    }

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(callEnded);
    QByteArray log;
    {
        QMutexLocker locker(&g_logMutex);
        log = g_log;
    }
    QVERIFY2(log.size() > 1000, "every category was on: the call must have logged plenty");
    QVERIFY2(!log.contains(Canary), "the canary key appeared in a log line");
    QCOMPARE(filesContaining(dirs.path(), Canary), QStringList());
    qunsetenv("VOICEAI_DATA_DIR");
    qunsetenv("VOICEAI_CONFIG_DIR");
    qunsetenv("VOICEAI_CACHE_DIR");
}

QByteArray TestCanary::runCli(const TempDataDir &dirs, const QStringList &arguments,
                              const QByteArray &input, const QProcessEnvironment &extra,
                              int *exitCode)
{
    QProcess process;
    QProcessEnvironment env = dirs.processEnvironment();
    env.insert(QStringLiteral("VOICEAI_KEYCHAIN_SERVICE"), m_service);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*=true"));
    env.remove(QStringLiteral("OPENAI_API_KEY"));
    for (const QString &name : extra.keys())
        env.insert(name, extra.value(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VOICEAI_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    // The simulator lives in this process: keep its event loop running.
    if (process.state() != QProcess::NotRunning) {
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(90000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    *exitCode = process.exitCode();
    return process.readAllStandardOutput() + process.readAllStandardError();
}

void TestCanary::cliKeysAndCall()
{
    TempDataDir dirs;
    SimulatorServer sim;
    sim.setTiming(SimTiming::instant());
    QVERIFY(sim.listen());
    const QString baseUrl = sim.baseUrl().toString();
    QByteArray output;
    int exitCode = -1;
    const QProcessEnvironment none;

    output += runCli(dirs, {"keys", "add", "cli-canary", "--base-url", baseUrl, "--validate"},
                     Canary + '\n', none, &exitCode);
    QVERIFY2(exitCode == 0, output.constData());
    const int afterValidation = sim.requestCount();
    QCOMPARE(afterValidation, 1);
    for (const QStringList &arguments :
         {QStringList{"keys", "list"}, QStringList{"keys", "validate"}, QStringList{"keys", "log"},
          QStringList{"keys", "list", "--json"}, QStringList{"audit", "list"}}) {
        output += runCli(dirs, arguments, {}, none, &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(arguments.join(' ')));
    }

    // A full demo call through the CLI, the key coming from the environment (CI use).
    QProcessEnvironment withKey;
    withKey.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(Canary));
    output += runCli(dirs, {"call", "--scenario", scenarioFile(), "--base-url", baseUrl}, {},
                     withKey, &exitCode);
    QVERIFY2(exitCode == 0, output.right(2000).constData());
    QVERIFY(sim.requestCount() > afterValidation + 1);
    QVERIFY(output.contains("ended:"));

    QVERIFY2(output.size() > 1000, "every category was on: expected plenty of output");
    QVERIFY2(!output.contains(Canary), "the canary key appeared in the CLI output");
    QCOMPARE(filesContaining(dirs.path(), Canary), QStringList());
    output += runCli(dirs, {"keys", "remove", "cli-canary"}, {}, none, &exitCode);
    QCOMPARE(exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCanary)
#include "tst_canary.moc"
