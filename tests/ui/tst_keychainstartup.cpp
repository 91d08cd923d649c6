#include "mainwindow.h"
#include "metrics/spikedetector.h"
#include "openai/chatcall.h"
#include "openai/chatrequest.h"
#include "openai/openaiclient.h"
#include "secrets/keychainstatus.h"
#include "secrets/keystore.h"
#include "secrets/secretoperation.h"
#include "secrets/secretvault.h"
#include "securityalerts.h"
#include "settings/baseurlgate.h"
#include "sim/simfault.h"
#include "sim/simulatorserver.h"
#include "store/sqlitestore.h"
#include "tempdatadir.h"
#include "uitestenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

// What the window does with security at start-up and while it runs: base URLs typed in the
// settings go through BaseUrlPolicy, retired keys are pruned (and audited) and old keys flagged
// against the real keychain of the test command, keychain problems become a warning, and usage
// spikes and an exhausted quota show in the Alerts dock.
class TestKeychainStartup final : public QObject
{
    Q_OBJECT

private slots:
    void baseUrlGate_data();
    void baseUrlGate();
    void keychainProblemMessage_data();
    void keychainProblemMessage();
    void prunesRetiredAndFlagsOldKeys();
    void spikeAndQuotaReachTheAlertsDock();
    void unreadableActiveKeyWarnsAndKeepsRunning();
    void germanCatalogueHasTheAlerts();

private:
    static void writeConfig(const UiTestEnv &env, const QJsonObject &security);
    static QByteArray runChat(OpenAIClient *client);
};

void TestKeychainStartup::writeConfig(const UiTestEnv &env, const QJsonObject &security)
{
    QFile file(env.dir().configDir() + QStringLiteral("/config.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("security"), security}}).toJson());
}

QByteArray TestKeychainStartup::runChat(OpenAIClient *client)
{
    ChatRequest request;
    request.feature = QStringLiteral("test");
    request.stream = false;
    request.maxRetries = 0;
    request.primary.model = QStringLiteral("gpt-4o-mini");
    request.messages.append(ChatMessage::user(QStringLiteral("Hello")));
    ChatCall *call = client->chat(request);
    QSignalSpy finished(call, &ChatCall::finished);
    finished.wait(20000);
    const QByteArray type = call->result().error.typeName().toUtf8();
    call->deleteLater();
    return type;
}

void TestKeychainStartup::baseUrlGate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("decision");

    const int accept = int(BaseUrlGate::Decision::Accept);
    const int confirm = int(BaseUrlGate::Decision::Confirm);
    const int refuse = int(BaseUrlGate::Decision::Refuse);
    QTest::newRow("empty: the default root") << QString() << accept;
    QTest::newRow("blank") << QStringLiteral("   ") << accept;
    QTest::newRow("https") << QStringLiteral("https://api.openai.com/v1") << accept;
    QTest::newRow("http loopback v4") << QStringLiteral("http://127.0.0.1:8080/v1") << accept;
    QTest::newRow("http localhost") << QStringLiteral("http://localhost:9000/v1") << accept;
    QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:9000/v1") << accept;
    QTest::newRow("http elsewhere") << QStringLiteral("http://10.1.2.3/v1") << confirm;
    QTest::newRow("http named host") << QStringLiteral("http://proxy.example.com/v1") << confirm;
    QTest::newRow("ftp") << QStringLiteral("ftp://example.com/v1") << refuse;
    QTest::newRow("relative") << QStringLiteral("api/v1") << refuse;
    QTest::newRow("user info") << QStringLiteral("https://me:pw@example.com/v1") << refuse;
    QTest::newRow("query") << QStringLiteral("https://example.com/v1?x=1") << refuse;
}

void TestKeychainStartup::baseUrlGate()
{
    QFETCH(QString, text);
    QFETCH(int, decision);
    const BaseUrlGate::Outcome outcome = BaseUrlGate::evaluate(text);
    QCOMPARE(int(outcome.decision), decision);
    if (outcome.decision == BaseUrlGate::Decision::Accept) {
        QVERIFY(outcome.message.isEmpty());
        QCOMPARE(outcome.url.toString(), text.trimmed());
    } else {
        QVERIFY(!outcome.message.isEmpty());
    }
    if (outcome.decision == BaseUrlGate::Decision::Confirm)
        QVERIFY(outcome.message.contains(QLatin1String("unencrypted")));
}

void TestKeychainStartup::keychainProblemMessage_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("warns");
    QTest::addColumn<QString>("fallback");

    using Code = KeychainStatus::Code;
    QTest::newRow("ok") << int(Code::Ok) << QStringLiteral("keychain:p") << false << QString();
    QTest::newRow("active entry missing") << int(Code::NotFound) << QStringLiteral("environment")
                                          << true << QStringLiteral("OPENAI_API_KEY");
    QTest::newRow("locked, environment") << int(Code::Locked) << QStringLiteral("environment")
                                         << true << QStringLiteral("OPENAI_API_KEY");
    QTest::newRow("no secret service, no key")
        << int(Code::NoSecretService) << QStringLiteral("none") << true << QStringLiteral("--demo");
    QTest::newRow("no session bus, no key")
        << int(Code::NoSessionBus) << QStringLiteral("none") << true << QStringLiteral("--demo");
    QTest::newRow("access denied") << int(Code::AccessDenied) << QStringLiteral("environment")
                                   << true << QStringLiteral("OPENAI_API_KEY");
}

void TestKeychainStartup::keychainProblemMessage()
{
    QFETCH(int, code);
    QFETCH(QString, source);
    QFETCH(bool, warns);
    QFETCH(QString, fallback);

    KeychainStatus status;
    status.code = KeychainStatus::Code(code);
    status.message = QStringLiteral("What happened, and what to do.");
    const QString text = SecurityAlerts::keychainMessage(status, source);
    QCOMPARE(!text.isEmpty(), warns);
    if (warns) {
        QVERIFY(text.contains(status.message));
        QVERIFY2(text.contains(fallback), qPrintable(text));
    }
}

void TestKeychainStartup::prunesRetiredAndFlagsOldKeys()
{
    qunsetenv("OPENAI_API_KEY");
    UiTestEnv env(SimTiming{0, 0.0}, 0, true);
    // Three keys in the real keychain: the active one, one past its retire time, one too old.
    SecretVault vault;
    {
        KeyStore keys(env.dir().configDir(), &vault);
        QString error;
        QVERIFY(keys.reload(&error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QString &name :
             {QStringLiteral("startup-current"), QStringLiteral("startup-retired"),
              QStringLiteral("startup-old")}) {
            KeyMetadata meta;
            meta.name = name;
            meta.createdAt = name.endsWith(QLatin1String("old")) ? now.addDays(-200) : now;
            std::unique_ptr<SecretOperation> op(keys.add(meta, "sk-startup-" + name.toUtf8()));
            const KeychainStatus status = op->wait();
            if (!status.ok())
                QSKIP(qPrintable(QStringLiteral("keychain not usable here: ") + status.message));
        }
        QVERIFY(keys.setRetireAt(QStringLiteral("startup-retired"), now.addSecs(-60), &error));
    }

    QVERIFY(env.start());
    AppServices *services = env.services();
    QSignalSpy alerts(services, &AppServices::alertRaised);
    const QString warnings = services->warnings().join(QLatin1Char('\n'));
    QVERIFY2(warnings.contains(QLatin1String("\"startup-old\" is 200 days old")),
             qPrintable(warnings));
    QVERIFY(!warnings.contains(QLatin1String("startup-current")));

    QTRY_VERIFY_WITH_TIMEOUT(!services->keyStore()->key(QStringLiteral("startup-retired")), 15000);
    QVERIFY(services->keyStore()->key(QStringLiteral("startup-current")));
    QTRY_VERIFY(!alerts.isEmpty());
    QVERIFY(alerts.first().first().toString().contains(QLatin1String("startup-retired")));
    bool audited = false;
    for (const AuditRecord &record : services->store()->records())
        audited |= record.action == QLatin1String("key.prune") &&
                   record.target == QLatin1String("startup-retired");
    QVERIFY(audited);
    // The pruned secret left the keychain too.
    std::unique_ptr<SecretOperation> read(vault.read(QStringLiteral("startup-retired")));
    QCOMPARE(read->wait().code, KeychainStatus::Code::NotFound);

    for (const QString &name : {QStringLiteral("startup-old"), QStringLiteral("startup-current")}) {
        std::unique_ptr<SecretOperation> op(services->keyStore()->remove(name));
        QVERIFY(op->wait().ok());
    }
}

void TestKeychainStartup::spikeAndQuotaReachTheAlertsDock()
{
    UiTestEnv env;
    writeConfig(env, QJsonObject{{QStringLiteral("spikeRequestsPerHour"), 2}});
    QVERIFY(env.start());
    AppServices *services = env.services();
    QVERIFY(services->securityAlerts());
    QCOMPARE(services->securityAlerts()->spikeDetector()->requestThreshold(), 2);
    MainWindow window(env.settings());
    window.setServices(services);
    QSignalSpy alerts(services, &AppServices::alertRaised);

    for (int i = 0; i < 3; ++i)
        QCOMPARE(runChat(services->client()), QByteArray("none"));
    QTRY_COMPARE(alerts.size(), 1);
    QVERIFY(alerts.first().first().toString().contains(QLatin1String("3 requests")));

    services->simulator()->queueFault(
        SimFault::httpError(429, QStringLiteral("insufficient_quota")));
    QCOMPARE(runChat(services->client()), QByteArray("quota"));
    QTRY_COMPARE(alerts.size(), 2);
    const QString quota = alerts.at(1).first().toString();
    QVERIFY2(quota.contains(QLatin1String("no quota left")), qPrintable(quota));

    // Both are in the Alerts dock, newest first.
    QListWidget *list = window.alertsList();
    QVERIFY(list->count() >= 2);
    QVERIFY(list->item(0)->text().contains(QLatin1String("no quota left")));
    QVERIFY(list->item(1)->text().contains(QLatin1String("3 requests")));
    window.setServices(nullptr);
}

void TestKeychainStartup::unreadableActiveKeyWarnsAndKeepsRunning()
{
    // keys.json names an active key whose secret is not in the (real) keychain: the key cannot
    // be read, the window says so in the Alerts dock and the status bar, and the app runs on with
    // OPENAI_API_KEY.
    qputenv("OPENAI_API_KEY", "sk-startup-environment-0123456789abcdef");
    TempDataDir dirs;
    dirs.exportToEnvironment();
    QFile keys(dirs.configDir() + QStringLiteral("/keys.json"));
    QVERIFY(keys.open(QIODevice::WriteOnly));
    keys.write(
        QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                  {QStringLiteral("active"), QStringLiteral("startup-ghost")},
                                  {QStringLiteral("keys"),
                                   QJsonArray{QJsonObject{
                                       {QStringLiteral("name"), QStringLiteral("startup-ghost")},
                                       {QStringLiteral("createdAt"),
                                        QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}}}}})
            .toJson());
    keys.close();
    UiSettings settings(dirs.path() + QStringLiteral("/ui.ini"));
    AppServicesOptions options;
    options.dataDir = dirs.dataDir();
    options.configDir = dirs.configDir();
    options.demoCalls = 0;
    AppServices services(&settings, options);
    QSignalSpy alerts(&services, &AppServices::alertRaised);
    MainWindow window(&settings);
    QVERIFY(services.start());
    window.setServices(&services);
    QVERIFY(!services.isDemo());
    QTRY_VERIFY_WITH_TIMEOUT(!alerts.isEmpty(), 15000);
    const QString text = alerts.first().first().toString();
    QVERIFY2(text.startsWith(QLatin1String("The keychain could not be read")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("OPENAI_API_KEY")));
    QListWidget *list = window.alertsList();
    QTRY_VERIFY(list->count() > 0);
    QVERIFY2(list->item(0)->text().contains(text), qPrintable(list->item(0)->text()));
    QCOMPARE(services.keySource(), QStringLiteral("environment"));
    window.setServices(nullptr);
    qunsetenv("OPENAI_API_KEY");
}

void TestKeychainStartup::germanCatalogueHasTheAlerts()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/voiceai_de.qm")));
    QCoreApplication::installTranslator(&german);
    KeychainStatus status;
    status.code = KeychainStatus::Code::Locked;
    status.message = QStringLiteral("locked");
    const QString text = SecurityAlerts::keychainMessage(status, QStringLiteral("environment"));
    const BaseUrlGate::Outcome outcome = BaseUrlGate::evaluate(QStringLiteral("http://10.0.0.1"));
    QCoreApplication::removeTranslator(&german);
    QVERIFY2(text.startsWith(QStringLiteral("Der Schlüsselbund")), qPrintable(text));
    QVERIFY2(outcome.message.contains(QStringLiteral("unverschlüsselt")),
             qPrintable(outcome.message));
}

QTEST_MAIN(TestKeychainStartup)
#include "tst_keychainstartup.moc"
