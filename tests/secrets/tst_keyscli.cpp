// voiceai-cli keys end to end, against the real keychain of the test session.
#include "sim/simfault.h"
#include "sim/simulatorserver.h"
#include "tempdatadir.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

const QByteArray ProductionKey = "sk-cli-canary-prod-4c8e1f0a9b7d6e5c";
const QByteArray TestingKey = "sk-cli-canary-test-0d1e2f3a4b5c6d7e";

} // namespace

class TestKeysCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addListUseLogRemove();
    void rotationAndPrune();
    void importFromEnvironment();
    void validateExitCodes_data();
    void validateExitCodes();
    void invalidKeyIsNotStored();
    void badInput_data();
    void badInput();
    void keychainUnavailableFailsLoudly();

private:
    CliRun run(const QStringList &arguments, const QByteArray &input = {},
               const QProcessEnvironment &extra = {}) const;
    void verifyNoKeyAnywhere(const CliRun &run, const QList<QByteArray> &keys) const;

    std::unique_ptr<TempDataDir> m_dirs;
    QString m_service;
};

CliRun TestKeysCli::run(const QStringList &arguments, const QByteArray &input,
                        const QProcessEnvironment &extra) const
{
    QProcess process;
    QProcessEnvironment env = m_dirs->processEnvironment();
    env.insert(QStringLiteral("VOICEAI_KEYCHAIN_SERVICE"), m_service);
    env.remove(QStringLiteral("OPENAI_API_KEY"));
    for (const QString &name : extra.keys())
        env.insert(name, extra.value(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VOICEAI_CLI_PATH),
                  QStringList{QStringLiteral("keys")} + arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    // Keep this process's event loop running: the loopback server lives here.
    if (process.state() != QProcess::NotRunning) {
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    CliRun result{process.exitCode(), process.readAllStandardOutput(),
                  process.readAllStandardError()};
    // Every output of every run is checked for the keys.
    for (const QByteArray &key : {ProductionKey, TestingKey}) {
        if (result.out.contains(key) || result.err.contains(key))
            result.exitCode = -100;
    }
    return result;
}

void TestKeysCli::verifyNoKeyAnywhere(const CliRun &result, const QList<QByteArray> &keys) const
{
    QDirIterator it(m_dirs->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        for (const QByteArray &key : keys)
            QVERIFY2(!content.contains(key), qPrintable(file.fileName()));
    }
    for (const QByteArray &key : keys) {
        QVERIFY(!result.out.contains(key));
        QVERIFY(!result.err.contains(key));
    }
}

void TestKeysCli::init()
{
    m_dirs = std::make_unique<TempDataDir>();
    m_service =
        QStringLiteral("voiceai-cli-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TestKeysCli::cleanup()
{
    // Leave no entries behind in the session keyring.
    const CliRun list = run({QStringLiteral("list"), QStringLiteral("--json")});
    for (const QJsonValue &value : QJsonDocument::fromJson(list.out).array())
        run({QStringLiteral("remove"), value.toObject().value(QStringLiteral("name")).toString()});
    m_dirs.reset();
}

void TestKeysCli::addListUseLogRemove()
{
    CliRun result = run({QStringLiteral("add"), QStringLiteral("production"),
                         QStringLiteral("--org"), QStringLiteral("org-42")},
                        ProductionKey + '\n');
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.contains("Stored key 'production'"));

    SimulatorServer server;
    QVERIFY(server.listen());
    result = run({QStringLiteral("add"), QStringLiteral("testing"), QStringLiteral("--base-url"),
                  server.baseUrl().toString(), QStringLiteral("--validate")},
                 TestingKey);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.contains("is valid"));
    QCOMPARE(server.requestCount(), 1);

    result = run({QStringLiteral("list")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("* production"));
    QVERIFY(result.out.contains("org=org-42"));
    QVERIFY(result.out.contains("Key source: keychain:production"));

    result = run({QStringLiteral("use"), QStringLiteral("testing")});
    QCOMPARE(result.exitCode, 0);
    result = run({QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonArray keys = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(keys.size(), 2);
    for (const QJsonValue &key : keys)
        QCOMPARE(key[QStringLiteral("active")].toBool(),
                 key[QStringLiteral("name")].toString() == QLatin1String("testing"));

    result = run({QStringLiteral("validate")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.contains("testing: valid"));

    result = run({QStringLiteral("log"), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray log = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(log.size(), 2);
    for (const QJsonValue &entry : log) {
        QCOMPARE(entry[QStringLiteral("feature")].toString(), QStringLiteral("key-validation"));
        QCOMPARE(entry[QStringLiteral("key")].toString(), QStringLiteral("testing"));
    }

    result = run({QStringLiteral("remove"), QStringLiteral("production")});
    QCOMPARE(result.exitCode, 0);
    result = run({QStringLiteral("list")});
    QVERIFY(!result.out.contains("production"));

    // Every change is in the audit trail, without the key.
    QProcess audit;
    audit.setProcessEnvironment(m_dirs->processEnvironment());
    audit.start(QStringLiteral(VOICEAI_CLI_PATH),
                {QStringLiteral("audit"), QStringLiteral("list")});
    QVERIFY(audit.waitForFinished(30000));
    const QByteArray trail = audit.readAllStandardOutput();
    QVERIFY2(trail.contains("key.add") && trail.contains("key.use") && trail.contains("key.remove"),
             trail.constData());
    verifyNoKeyAnywhere(result, {ProductionKey, TestingKey});
}

void TestKeysCli::rotationAndPrune()
{
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("old")}, ProductionKey).exitCode, 0);
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("new")}, TestingKey).exitCode, 0);
    CliRun result = run({QStringLiteral("use"), QStringLiteral("new"),
                         QStringLiteral("--retire-previous"), QStringLiteral("30")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("Key 'old' retires at"));
    result = run({QStringLiteral("prune")});
    QVERIFY(result.out.contains("No retired keys"));

    // Retire it now: prune deletes it, and never the active key.
    result = run({QStringLiteral("use"), QStringLiteral("old")});
    result = run({QStringLiteral("use"), QStringLiteral("new"), QStringLiteral("--retire-previous"),
                  QStringLiteral("0")});
    QCOMPARE(result.exitCode, 0);
    result = run({QStringLiteral("prune"), QStringLiteral("--dry-run")});
    QVERIFY(result.out.contains("Would delete retired key 'old'"));
    result = run({QStringLiteral("prune")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("Deleted retired key 'old'"));
    result = run({QStringLiteral("list")});
    QVERIFY(!result.out.contains("old"));
    QVERIFY(result.out.contains("* new"));
}

void TestKeysCli::importFromEnvironment()
{
    QProcessEnvironment env;
    CliRun result = run({QStringLiteral("list")}, {}, env);
    QVERIFY(result.out.contains("Key source: none"));
    env.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(ProductionKey));
    result = run({QStringLiteral("list")}, {}, env);
    QVERIFY(result.out.contains("Key source: environment"));
    result = run({QStringLiteral("import-env")}, {}, env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    result = run({QStringLiteral("list")}, {}, env);
    QVERIFY(result.out.contains("* default"));
    QVERIFY(result.out.contains("Key source: keychain:default"));
    result = run({QStringLiteral("import-env")}, {}, env);
    QCOMPARE(result.exitCode, 2); // exists already
    verifyNoKeyAnywhere(result, {ProductionKey});
}

void TestKeysCli::validateExitCodes_data()
{
    QTest::addColumn<int>("httpStatus"); // 0 = closed port
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("valid") << 200 << 0 << "valid";
    QTest::newRow("invalid key") << 401 << 3 << "invalid key";
    QTest::newRow("no network") << 0 << 4 << "no network";
}

void TestKeysCli::validateExitCodes()
{
    QFETCH(int, httpStatus);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    SimulatorServer server;
    QUrl baseUrl;
    if (httpStatus) {
        QVERIFY(server.listen());
        if (httpStatus != 200)
            server.queueFault(SimFault::httpError(httpStatus));
        baseUrl = server.baseUrl();
    } else {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(probe.serverPort()));
    }
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("k"), QStringLiteral("--base-url"),
                  baseUrl.toString()},
                 ProductionKey)
                 .exitCode,
             0);
    const CliRun result = run({QStringLiteral("validate"), QStringLiteral("k")});
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2((result.out + result.err).contains(message.toUtf8()), result.err.constData());
}

void TestKeysCli::invalidKeyIsNotStored()
{
    SimulatorServer server;
    QVERIFY(server.listen());
    server.queueFault(SimFault::httpError(401));
    const CliRun result =
        run({QStringLiteral("add"), QStringLiteral("wrong"), QStringLiteral("--base-url"),
             server.baseUrl().toString(), QStringLiteral("--validate")},
            ProductionKey);
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains("invalid key") && result.err.contains("not stored"),
             result.err.constData());
    QVERIFY(!QFile::exists(m_dirs->configDir() + QStringLiteral("/keys.json")));
    QVERIFY(run({QStringLiteral("list")}).out.contains("Key source: none"));
}

void TestKeysCli::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("key on the command line")
        << QStringList{"add", "production", QString::fromLatin1(ProductionKey)} << QByteArray()
        << "exactly one NAME";
    QTest::newRow("empty stdin") << QStringList{"add", "production"} << QByteArray("\n")
                                 << "no key was given";
    QTest::newRow("bad name") << QStringList{"add", "my key"} << ProductionKey
                              << "not a valid key name";
    QTest::newRow("insecure http") << QStringList{"add", "lan", "--base-url", "http://10.1.2.3/v1"}
                                   << ProductionKey << "--allow-insecure-http";
    QTest::newRow("azure without version")
        << QStringList{"add", "az", "--azure"} << ProductionKey << "--api-version";
    QTest::newRow("use unknown") << QStringList{"use", "ghost"} << QByteArray() << "ghost";
    QTest::newRow("unknown action")
        << QStringList{"frobnicate"} << QByteArray() << "unknown action";
}

void TestKeysCli::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const CliRun result = run(arguments, input);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    QVERIFY(!QFile::exists(m_dirs->configDir() + QStringLiteral("/keys.json")));
}

void TestKeysCli::keychainUnavailableFailsLoudly()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/voiceai/bus"));
    const CliRun result =
        run({QStringLiteral("add"), QStringLiteral("production")}, ProductionKey, env);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("D-Bus session"), result.err.constData());
    QVERIFY(!QFile::exists(m_dirs->configDir() + QStringLiteral("/keys.json")));
    verifyNoKeyAnywhere(result, {ProductionKey});
}

QTEST_GUILESS_MAIN(TestKeysCli)
#include "tst_keyscli.moc"
