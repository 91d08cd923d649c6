// voiceai-cli chat uses the keychain's active key (else OPENAI_API_KEY), against a loopback
// server that checks the Authorization header, inside the test command's keyring session.
#include "sim/simtiming.h"
#include "sim/simulatorserver.h"
#include "tempdatadir.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
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

const QByteArray KeychainKey = "sk-clikeychain-canary-7f3e2d1c0b9a8e7d";
const QByteArray EnvKey = "sk-clienv-canary-1a2b3c4d5e6f7a8b";

// A minimal OpenAI-compatible endpoint on loopback: answers every request with one non-streamed
// chat completion and remembers the Authorization header it received.
class AuthRecordingServer final : public QObject
{
public:
    AuthRecordingServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString baseUrl() const
    {
        return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort());
    }
    QList<QByteArray> authorizations() const { return m_authorizations; }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        QByteArray authorization;
        for (const QByteArray &line : buffer.left(end).split('\n')) {
            const QByteArray trimmed = line.trimmed();
            const qsizetype colon = trimmed.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = trimmed.left(colon).toLower();
            if (name == "content-length")
                length = trimmed.mid(colon + 1).trimmed().toLongLong();
            else if (name == "authorization")
                authorization = trimmed.mid(colon + 1).trimmed();
        }
        if (buffer.size() < end + 4 + length)
            return;
        m_buffers.remove(socket);
        m_authorizations << authorization;
        const QByteArray body =
            QJsonDocument(
                QJsonObject{{"id", "chatcmpl-1"},
                            {"object", "chat.completion"},
                            {"model", "gpt-4o-mini"},
                            {"choices", QJsonArray{QJsonObject{
                                            {"index", 0},
                                            {"message", QJsonObject{{"role", "assistant"},
                                                                    {"content", "Hello there"}}},
                                            {"finish_reason", "stop"}}}},
                            {"usage", QJsonObject{{"prompt_tokens", 5},
                                                  {"completion_tokens", 2},
                                                  {"total_tokens", 7}}}})
                .toJson(QJsonDocument::Compact);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_authorizations;
};

} // namespace

class TestCliKeychain : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void chatUsesKeySource_data();
    void chatUsesKeySource();
    void chatRefusesInsecureBaseUrl();
    void callUsesKeychainKey();

private:
    CliRun run(const QStringList &arguments, const QByteArray &input = {},
               const QProcessEnvironment &extra = {}) const;

    std::unique_ptr<TempDataDir> m_dirs;
    QString m_service;
};

CliRun TestCliKeychain::run(const QStringList &arguments, const QByteArray &input,
                            const QProcessEnvironment &extra) const
{
    QProcess process;
    QProcessEnvironment env = m_dirs->processEnvironment();
    env.insert(QStringLiteral("VOICEAI_KEYCHAIN_SERVICE"), m_service);
    env.remove(QStringLiteral("OPENAI_API_KEY"));
    env.remove(QStringLiteral("OPENAI_BASE_URL"));
    for (const QString &name : extra.keys())
        env.insert(name, extra.value(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VOICEAI_CLI_PATH), arguments);
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
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestCliKeychain::init()
{
    m_dirs = std::make_unique<TempDataDir>();
    QVERIFY(m_dirs->isValid());
    m_service = QStringLiteral("voiceai-clikeychain-test-") +
                QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TestCliKeychain::cleanup()
{
    // Leave no entry behind in the session keyring.
    run({QStringLiteral("keys"), QStringLiteral("remove"), QStringLiteral("production")});
    m_dirs.reset();
}

void TestCliKeychain::chatUsesKeySource_data()
{
    QTest::addColumn<bool>("keyInKeychain");
    QTest::addColumn<QByteArray>("envKey");
    QTest::addColumn<bool>("noSessionBus");
    QTest::addColumn<QByteArray>("expectedKey");
    QTest::addColumn<QString>("expectedSource");

    QTest::newRow("keychain only")
        << true << QByteArray() << false << KeychainKey << QStringLiteral("keychain");
    QTest::newRow("keychain wins over the environment")
        << true << EnvKey << false << KeychainKey << QStringLiteral("keychain");
    QTest::newRow("empty keychain: environment")
        << false << EnvKey << false << EnvKey << QStringLiteral("environment");
    QTest::newRow("no session bus: environment")
        << true << EnvKey << true << EnvKey << QStringLiteral("environment");
}

void TestCliKeychain::chatUsesKeySource()
{
    QFETCH(bool, keyInKeychain);
    QFETCH(QByteArray, envKey);
    QFETCH(bool, noSessionBus);
    QFETCH(QByteArray, expectedKey);
    QFETCH(QString, expectedSource);

    QList<CliRun> runs;
    if (keyInKeychain) {
        const CliRun added =
            run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("production")},
                KeychainKey + '\n');
        QVERIFY2(added.exitCode == 0, added.err.constData());
        runs << added;
    }

    AuthRecordingServer server;
    QVERIFY(server.listen());
    QProcessEnvironment extra;
    if (!envKey.isEmpty())
        extra.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(envKey));
    if (noSessionBus)
        extra.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=%1/no-bus-here").arg(m_dirs->path()));
    const CliRun chat = run({QStringLiteral("chat"), QStringLiteral("--base-url"), server.baseUrl(),
                             QStringLiteral("--no-stream"), QStringLiteral("Hello")},
                            {}, extra);
    runs << chat;
    QVERIFY2(chat.exitCode == 0, chat.err.constData());
    QVERIFY(chat.out.contains("Hello there"));
    QCOMPARE(server.authorizations().size(), 1);
    QCOMPARE(server.authorizations().first(), QByteArray("Bearer " + expectedKey));

    // One access record for the chat, naming the source, never the key.
    QFile log(m_dirs->dataDir() + QStringLiteral("/key-access.jsonl"));
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
    const QByteArray logText = log.readAll();
    bool found = false;
    for (const QByteArray &line : logText.split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.value(QStringLiteral("feature")).toString() == QLatin1String("chat-cli")) {
            found = true;
            QVERIFY2(entry.value(QStringLiteral("source")).toString().startsWith(expectedSource),
                     line.constData());
        }
    }
    QVERIFY2(found, logText.constData());
    for (const QByteArray &key : {KeychainKey, EnvKey}) {
        QVERIFY(!logText.contains(key));
        for (const CliRun &r : runs) {
            QVERIFY(!r.out.contains(key));
            QVERIFY(!r.err.contains(key));
        }
    }
}

void TestCliKeychain::chatRefusesInsecureBaseUrl()
{
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(EnvKey));
    // 192.0.2.0/24 is reserved for documentation: nothing is ever sent there.
    const CliRun refused = run({QStringLiteral("chat"), QStringLiteral("--base-url"),
                                QStringLiteral("http://192.0.2.10/v1"), QStringLiteral("Hello")},
                               {}, extra);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("--allow-insecure-http"), refused.err.constData());
    QVERIFY(!refused.err.contains(EnvKey));
}

void TestCliKeychain::callUsesKeychainKey()
{
    const CliRun added =
        run({QStringLiteral("keys"), QStringLiteral("add"), QStringLiteral("production")},
            KeychainKey + '\n');
    QVERIFY2(added.exitCode == 0, added.err.constData());
    SimulatorServer server;
    server.setTiming(SimTiming{0, 0.0});
    QVERIFY(server.listen());
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(EnvKey));
    const CliRun call = run({QStringLiteral("call"), QStringLiteral("--scenario"),
                             QStringLiteral(VOICEAI_SCENARIO_DIR "/scripted-address-change.json"),
                             QStringLiteral("--base-url"), server.baseUrl().toString()},
                            {}, extra);
    QVERIFY2(call.exitCode == 0, call.err.constData());
    QVERIFY(server.requestCount() > 0);
    for (const QByteArray &key : {KeychainKey, EnvKey}) {
        QVERIFY(!call.out.contains(key));
        QVERIFY(!call.err.contains(key));
    }
    // The agent's requests took the keychain's key, not the environment's.
    QFile log(m_dirs->dataDir() + QStringLiteral("/key-access.jsonl"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    int callReads = 0;
    for (const QByteArray &line : log.readAll().split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.value(QStringLiteral("feature")).toString() != QLatin1String("call"))
            continue;
        ++callReads;
        QCOMPARE(entry.value(QStringLiteral("source")).toString(),
                 QStringLiteral("keychain:production"));
    }
    QVERIFY(callReads > 0);
}

QTEST_GUILESS_MAIN(TestCliKeychain)
#include "tst_clikeychain.moc"
