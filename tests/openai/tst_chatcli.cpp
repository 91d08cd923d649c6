#include "loopbackhttpserver.h"
#include "streamfixtures.h"
#include "tempdatadir.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace StreamFixtures;
using Response = LoopbackHttpServer::Response;

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

// `voiceai-cli chat` as a user runs it: the built binary against a scripted loopback server.
class TestChatCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void exitCodes_data();
    void exitCodes();
    void jsonObject();
    void jsonOnFailure();
    void flagsShapeTheRequest();
    void modelWithoutFallbackMeansNoFallback();
    void fallbackModelFlag();
    void configFileAndOverrides();
    void baseUrlFromEnvironment();

private:
    CliRun run(const QStringList &arguments, const QProcessEnvironment &extra = {});
    QJsonObject sentBody(int index) const
    {
        return QJsonDocument::fromJson(m_server->requests().at(index).body).object();
    }
    std::unique_ptr<LoopbackHttpServer> m_server;
    std::unique_ptr<TempDataDir> m_dirs;
};

void TestChatCli::init()
{
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->listen());
    m_dirs = std::make_unique<TempDataDir>();
}

void TestChatCli::cleanup()
{
    m_server.reset();
    m_dirs.reset();
}

CliRun TestChatCli::run(const QStringList &arguments, const QProcessEnvironment &extra)
{
    QProcess process;
    QProcessEnvironment env = m_dirs->processEnvironment();
    env.remove(QStringLiteral("OPENAI_BASE_URL"));
    env.remove(QStringLiteral("OPENAI_ORG_ID"));
    env.remove(QStringLiteral("OPENAI_PROJECT_ID"));
    env.remove(QStringLiteral("OPENAI_API_TYPE"));
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-cli-test-0123456789"));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VOICEAI_CLI_PATH),
                  QStringList{QStringLiteral("chat")} + arguments);
    CliRun result;
    if (!process.waitForStarted(10000))
        return result;
    // Keep this event loop turning: the scripted server lives in this process.
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(40000))
        process.kill();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestChatCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<int>("status"); // scripted answer: 200 stream, 0 = broken stream, -1 = none
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stdoutText");
    QTest::addColumn<QByteArray>("stderrText");

    QTest::newRow("success prints the text")
        << QStringList{} << 200 << 0 << QByteArray("Hello, world!\n") << QByteArray();
    QTest::newRow("401 is an API error")
        << QStringList{} << 401 << 3 << QByteArray() << QByteArray("Incorrect API key provided");
    QTest::newRow("400 is an API error")
        << QStringList{} << 400 << 3 << QByteArray() << QByteArray("invalid messages");
    QTest::newRow("broken stream is incomplete")
        << QStringList{} << 0 << 4 << QByteArray("Half\n") << QByteArray("incomplete");
    QTest::newRow("no message") << QStringList{QStringLiteral("--json")} << -1 << 2 << QByteArray()
                                << QByteArray("MESSAGE");
    QTest::newRow("bad --max-retries") << QStringList{"--max-retries", "many", "hi"} << -1 << 2
                                       << QByteArray() << QByteArray("--max-retries");
    QTest::newRow("bad --timeout-ms") << QStringList{"--timeout-ms", "0", "hi"} << -1 << 2
                                      << QByteArray() << QByteArray("--timeout-ms");
    QTest::newRow("bad --base-url") << QStringList{"--base-url", "ftp://example.org", "hi"} << -1
                                    << 2 << QByteArray() << QByteArray("--base-url");
    QTest::newRow("unknown option")
        << QStringList{"--frobnicate", "hi"} << -1 << 2 << QByteArray() << QByteArray("frobnicate");
}

void TestChatCli::exitCodes()
{
    QFETCH(QStringList, extraArguments);
    QFETCH(int, status);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stdoutText);
    QFETCH(QByteArray, stderrText);
    if (status == 200)
        m_server->enqueue(LoopbackHttpServer::eventStream(stream({"Hello, ", "world!"})));
    else if (status == 0)
        m_server->enqueue(LoopbackHttpServer::eventStream(sseEvent(contentChunk("Half"))));
    else if (status == 401)
        m_server->enqueue(
            LoopbackHttpServer::json(401, errorBody("Incorrect API key provided",
                                                    "invalid_request_error", "invalid_api_key")));
    else if (status == 400)
        m_server->enqueue(
            LoopbackHttpServer::json(400, errorBody("invalid messages", "invalid_request_error")));

    QStringList arguments{QStringLiteral("--base-url"), m_server->baseUrl().toString()};
    arguments += extraArguments;
    if (status != -1)
        arguments << QStringLiteral("Say hello");
    const CliRun result = run(arguments);
    QVERIFY2(result.exitCode == exitCode, qPrintable(QStringLiteral("exit %1, stderr: %2")
                                                         .arg(result.exitCode)
                                                         .arg(QString::fromUtf8(result.err))));
    if (!stdoutText.isNull())
        QCOMPARE(result.out, stdoutText);
    if (!stderrText.isEmpty())
        QVERIFY2(result.err.contains(stderrText), result.err.constData());
    if (status == 401 || status == 400)
        QCOMPARE(m_server->requests().size(), 1); // never retried
}

void TestChatCli::jsonObject()
{
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"Hi", " there"}, 12, 3),
                                                      {{"x-request-id", "req_cli"}}));
    const CliRun result = run({"--base-url", m_server->baseUrl().toString(), "--json", "Hello"});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.count('\n'), 1);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(result.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json["content"].toString(), QStringLiteral("Hi there"));
    QCOMPARE(json["model"].toString(), QStringLiteral("gpt-4-1106-preview"));
    QCOMPARE(json["finish_reason"].toString(), QStringLiteral("stop"));
    QCOMPARE(json["usage"]["prompt_tokens"].toInt(), 12);
    QCOMPARE(json["usage"]["completion_tokens"].toInt(), 3);
    QCOMPARE(json["usage"]["total_tokens"].toInt(), 15);
    QCOMPARE(json["cost_usd"].toDouble(), (12 * 10.0 + 3 * 30.0) / 1e6);
    QCOMPARE(json["request_id"].toString(), QStringLiteral("req_cli"));
    const QJsonArray attempts = json["attempts"].toArray();
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts[0]["model"].toString(), QStringLiteral("gpt-4-1106-preview"));
    QCOMPARE(attempts[0]["status"].toInt(), 200);
    QVERIFY(attempts[0]["delay_ms"].isDouble());
    QVERIFY(attempts[0]["latency_ms"].isDouble());
    QVERIFY(json["tool_calls"].isArray());
    QVERIFY(json["ttft_ms"].toDouble() >= 0);
    QVERIFY(json["latency_ms"].toDouble() >= json["ttft_ms"].toDouble());
    QVERIFY(!json.contains("error"));
    // The request: streamed with usage, the default primary's parameters.
    const QJsonObject body = sentBody(0);
    QCOMPARE(body["stream"].toBool(), true);
    QCOMPARE(body["stream_options"]["include_usage"].toBool(), true);
    QCOMPARE(body["max_tokens"].toInt(), 2000);
    QCOMPARE(body["temperature"].toDouble(), 0.7);
    QCOMPARE(body["top_p"].toDouble(), 0.95);
    QCOMPARE(body["user"].toString(), QStringLiteral("system-agent"));
    QCOMPARE(m_server->requests().at(0).target, QByteArray("/v1/chat/completions"));
    QCOMPARE(m_server->requests().at(0).headers.value("authorization"),
             QByteArray("Bearer sk-cli-test-0123456789"));
}

void TestChatCli::jsonOnFailure()
{
    m_server->enqueue(LoopbackHttpServer::eventStream(sseEvent(contentChunk("Partial te")) +
                                                      sseEvent(contentChunk("xt"))));
    const CliRun result = run({"--base-url", m_server->baseUrl().toString(), "--json", "Hello"});
    QCOMPARE(result.exitCode, 4);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json["content"].toString(), QStringLiteral("Partial text"));
    QCOMPARE(json["incomplete"].toBool(), true);
    QCOMPARE(json["error"]["type"].toString(), QStringLiteral("incomplete_stream"));
    QVERIFY(!json["error"]["message"].toString().isEmpty());

    // Nothing listening: a network failure.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QString url = QStringLiteral("http://127.0.0.1:%1/v1").arg(closed.serverPort());
    closed.close();
    const CliRun refused = run({"--base-url", url, "--max-retries", "0", "--json", "Hello"});
    QCOMPARE(refused.exitCode, 4);
    QCOMPARE(QJsonDocument::fromJson(refused.out)["error"]["type"].toString(),
             QStringLiteral("network"));
    QCOMPARE(QJsonDocument::fromJson(refused.out)["incomplete"].toBool(), false);
}

void TestChatCli::flagsShapeTheRequest()
{
    m_server->enqueue(LoopbackHttpServer::json(200, completion("plain")));
    const CliRun result = run({"--base-url", m_server->baseUrl().toString(), "--no-stream",
                               "--system", "Be terse.", "--timeout-ms", "5000", "Hello"});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("plain\n"));
    const QJsonObject body = sentBody(0);
    QVERIFY(!body.contains("stream"));
    const QJsonArray messages = body["messages"].toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0]["role"].toString(), QStringLiteral("system"));
    QCOMPARE(messages[0]["content"].toString(), QStringLiteral("Be terse."));
    QCOMPARE(messages[1]["role"].toString(), QStringLiteral("user"));
    QCOMPARE(messages[1]["content"].toString(), QStringLiteral("Hello"));
}

void TestChatCli::modelWithoutFallbackMeansNoFallback()
{
    m_server->enqueue(
        LoopbackHttpServer::json(404, errorBody("The model `my-model` does not exist",
                                                "invalid_request_error", "model_not_found")));
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"should not be used"})));
    const CliRun result = run(
        {"--base-url", m_server->baseUrl().toString(), "--model", "my-model", "--json", "Hello"});
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(sentBody(0)["model"].toString(), QStringLiteral("my-model"));
    QCOMPARE(QJsonDocument::fromJson(result.out)["error"]["type"].toString(),
             QStringLiteral("not_found"));
    QVERIFY(result.err.contains("does not exist"));
}

void TestChatCli::fallbackModelFlag()
{
    m_server->enqueue(
        LoopbackHttpServer::json(404, errorBody("no such model", "invalid_request_error")));
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"fallback"})));
    const CliRun result = run({"--base-url", m_server->baseUrl().toString(), "--model", "a-model",
                               "--fallback-model", "b-model", "--json", "Hello"});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(sentBody(1)["model"].toString(), QStringLiteral("b-model"));
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json["content"].toString(), QStringLiteral("fallback"));
    QCOMPARE(json["attempts"].toArray().size(), 2);
    QCOMPARE(json["attempts"][0]["status"].toInt(), 404);
    QCOMPARE(json["attempts"][1]["model"].toString(), QStringLiteral("b-model"));
}

void TestChatCli::configFileAndOverrides()
{
    QFile config(QDir(m_dirs->configDir()).filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        QJsonDocument(
            QJsonObject{
                {"models", QJsonObject{{"primary", QJsonObject{{"model", "o3-mini"},
                                                               {"max_completion_tokens", 300}}},
                                       {"fallback", QJsonValue::Null}}},
                {"client", QJsonObject{{"baseUrl", m_server->baseUrl().toString()},
                                       {"organization", "org-test"}}},
            })
            .toJson());
    config.close();
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"configured"})));
    const CliRun result = run({"Hello"});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject body = sentBody(0);
    QCOMPARE(body["model"].toString(), QStringLiteral("o3-mini"));
    QCOMPARE(body["max_completion_tokens"].toInt(), 300);
    QVERIFY(!body.contains("max_tokens"));
    QCOMPARE(m_server->requests().at(0).headers.value("openai-organization"),
             QByteArray("org-test"));
    QVERIFY(!m_server->requests().at(0).headers.contains("openai-project"));

    // A flag beats the file: --base-url pointing elsewhere.
    LoopbackHttpServer other;
    QVERIFY(other.listen());
    other.enqueue(LoopbackHttpServer::eventStream(stream({"flag wins"})));
    const CliRun overridden = run({"--base-url", other.baseUrl().toString(), "Hello"});
    QCOMPARE(overridden.exitCode, 0);
    QCOMPARE(overridden.out, QByteArray("flag wins\n"));
    QCOMPARE(other.requests().size(), 1);

    // A malformed file is a usage error naming the problem.
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(R"({"models": {"primary": {"temperature": "hot"}}})");
    config.close();
    const CliRun bad = run({"Hello"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("temperature"), bad.err.constData());
}

void TestChatCli::baseUrlFromEnvironment()
{
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"from env"})));
    QProcessEnvironment env;
    env.insert(QStringLiteral("OPENAI_BASE_URL"), m_server->baseUrl().toString());
    env.insert(QStringLiteral("OPENAI_PROJECT_ID"), QStringLiteral("proj_123"));
    const CliRun result = run({"Hello"}, env);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("from env\n"));
    QCOMPARE(m_server->requests().at(0).headers.value("openai-project"), QByteArray("proj_123"));
    QVERIFY(!m_server->requests().at(0).headers.contains("openai-organization"));
}

QTEST_GUILESS_MAIN(TestChatCli)
#include "tst_chatcli.moc"
