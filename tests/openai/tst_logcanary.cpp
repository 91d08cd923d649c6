#include "clientfixture.h"
#include "common/logsanitizer.h"
#include "loopbackhttpserver.h"
#include "metrics/metricsregistry.h"
#include "metrics/prometheuswriter.h"
#include "streamfixtures.h"
#include "tempdatadir.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QtTest>

using namespace StreamFixtures;

namespace {

const QByteArray Canary = "sk-canary-7f3a9c1e5b2d4f6a8c0e";
QStringList g_log;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') +
                 message);
}

} // namespace

// A canary key goes through successful, failing, retried and broken requests with every log
// category enabled; it must not appear in any log line, result, metric or CLI output.
class TestLogCanary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void canaryNeverLogged();
    void canaryNotInCliOutput();

private:
    QtMessageHandler m_original = nullptr;
};

void TestLogCanary::initTestCase()
{
    m_original = qInstallMessageHandler(capture);
    LogSanitizer::install();
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
}

void TestLogCanary::cleanupTestCase()
{
    LogSanitizer::uninstall();
    qInstallMessageHandler(m_original);
    QLoggingCategory::setFilterRules(QString());
}

void TestLogCanary::canaryNeverLogged()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    StaticCredentials credentials(Canary);
    MetricsRegistry metrics;
    ClientSettings settings;
    settings.baseUrl = server.baseUrl();
    OpenAIClient client(settings, &credentials, PriceTable::defaults(), &metrics);

    // Success; 401 whose message echoes the key; retried 500; broken stream; mid-stream error.
    server.enqueue(LoopbackHttpServer::eventStream(stream({"fine"})));
    server.enqueue(LoopbackHttpServer::json(
        401, errorBody("Incorrect API key provided: " + QString::fromLatin1(Canary) + ".",
                       "invalid_request_error", "invalid_api_key")));
    server.enqueue(LoopbackHttpServer::json(
        500, errorBody("Authorization: Bearer " + QString::fromLatin1(Canary), "server_error"),
        {{"retry-after-ms", "5"}}));
    server.enqueue(LoopbackHttpServer::eventStream(stream({"after retry"})));
    server.enqueue(LoopbackHttpServer::eventStream(sseEvent(contentChunk("broken"))));
    server.enqueue(LoopbackHttpServer::eventStream(
        sseEvent(errorBody("bad key " + QString::fromLatin1(Canary), "invalid_request_error"))));

    QList<ChatResult> results;
    for (int i = 0; i < 5; ++i) {
        ChatRequest request = testRequest(true);
        request.maxRetries = 1;
        results.append(runCall(client, request).result);
    }
    QVERIFY(results.at(0).ok());
    QCOMPARE(results.at(1).error.type, ChatErrorType::Authentication);
    QVERIFY(results.at(2).ok());
    QCOMPARE(results.at(3).error.type, ChatErrorType::IncompleteStream);
    QVERIFY(!results.at(4).ok());
    // The key really went out (so the test proves something).
    QCOMPARE(server.requests().at(0).headers.value("authorization"), "Bearer " + Canary);

    QVERIFY(!g_log.isEmpty());
    const QString needle = QString::fromLatin1(Canary);
    for (const QString &line : std::as_const(g_log))
        QVERIFY2(!line.contains(needle), qPrintable(line));
    for (const ChatResult &result : results) {
        QVERIFY2(!result.error.message.contains(needle), qPrintable(result.error.message));
        for (const AttemptRecord &attempt : result.attempts)
            QVERIFY2(!attempt.error.contains(needle), qPrintable(attempt.error));
    }
    QVERIFY(!PrometheusWriter::render(metrics).contains(Canary));
}

void TestLogCanary::canaryNotInCliOutput()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.enqueue(LoopbackHttpServer::eventStream(stream({"fine"})));
    server.enqueue(LoopbackHttpServer::json(
        401, errorBody("Incorrect API key provided: " + QString::fromLatin1(Canary),
                       "invalid_request_error", "invalid_api_key")));
    server.enqueue(LoopbackHttpServer::eventStream(sseEvent(contentChunk("broken"))));
    TempDataDir dirs;
    QProcessEnvironment env = dirs.processEnvironment();
    env.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(Canary));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    env.remove(QStringLiteral("OPENAI_BASE_URL"));
    for (const QStringList &extra : {QStringList{}, QStringList{"--json"}, QStringList{"--json"}}) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(
            QStringLiteral(VOICEAI_CLI_PATH),
            QStringList{"chat", "--base-url", server.baseUrl().toString(), "--max-retries", "0"} +
                extra + QStringList{"Hello"});
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(30000));
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY(!output.isEmpty());
        QVERIFY2(!output.contains(Canary), output.constData());
    }
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(server.requests().at(0).headers.value("authorization"), "Bearer " + Canary);
    // Nothing was written under the app's folders either.
    QDirIterator it(dirs.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(Canary), qPrintable(file.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestLogCanary)
#include "tst_logcanary.moc"
