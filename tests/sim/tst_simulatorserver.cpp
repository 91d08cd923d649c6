#include "sim/simulatorserver.h"
#include "simtestclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QThread>

// The simulator's wire shapes, keep-alive, validation and timing, seen by real clients.
class TestSimulatorServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nonStreamedShape();
    void streamedShape_data();
    void streamedShape();
    void keepAliveServesSeveralRequests();
    void pipelinedRequestsAnswerInOrder();
    void models();
    void badRequests_data();
    void badRequests();
    void oversizedRequests_data();
    void oversizedRequests();
    void maxTokensAndStop();
    void receivedBodiesRecordTheWire();
    void firstTokenDelayIsHonoured();
    void rateLimitHeadersAndEnforcement();
    void azureDeploymentPath();
    void runsInAWorkerThread();

private:
    QUrl url(const QString &path) const;
    SimulatorServer *m_server = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
};

QUrl TestSimulatorServer::url(const QString &path) const
{
    QUrl u = m_server->baseUrl();
    u.setPath(u.path() + path);
    return u;
}

void TestSimulatorServer::init()
{
    m_server = new SimulatorServer;
    m_server->setTiming(SimTiming::instant());
    QVERIFY(m_server->listen());
    m_nam = new QNetworkAccessManager;
}

void TestSimulatorServer::cleanup()
{
    delete m_nam;
    delete m_server;
}

void TestSimulatorServer::nonStreamedShape()
{
    m_server->queueReply(QStringLiteral("Scripted answer."));
    const NamResult result = namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                                        chatBody(QStringLiteral("gpt-4-1106-preview"), false));
    QCOMPARE(result.error, QNetworkReply::NoError);
    QCOMPARE(result.status, 200);
    const QJsonObject object = QJsonDocument::fromJson(result.body).object();
    QCOMPARE(object.value("object").toString(), QStringLiteral("chat.completion"));
    QVERIFY(object.value("id").toString().startsWith(QStringLiteral("chatcmpl-")));
    QVERIFY(object.value("created").toInteger() > 1700000000);
    QCOMPARE(object.value("model").toString(), QStringLiteral("gpt-4-1106-preview"));
    QVERIFY(object.value("system_fingerprint").toString().startsWith(QStringLiteral("fp_")));
    const QJsonObject choice = object.value("choices").toArray().first().toObject();
    QCOMPARE(choice.value("index").toInt(), 0);
    QCOMPARE(choice.value("finish_reason").toString(), QStringLiteral("stop"));
    QCOMPARE(choice.value("message").toObject().value("role").toString(),
             QStringLiteral("assistant"));
    QCOMPARE(choice.value("message").toObject().value("content").toString(),
             QStringLiteral("Scripted answer."));
    const QJsonObject usage = object.value("usage").toObject();
    QVERIFY(usage.value("prompt_tokens").toInt() > 0);
    QVERIFY(usage.value("completion_tokens").toInt() > 0);
    QCOMPARE(usage.value("total_tokens").toInt(),
             usage.value("prompt_tokens").toInt() + usage.value("completion_tokens").toInt());
    QVERIFY(result.headers.value("x-request-id").startsWith("req_"));
    QVERIFY(result.headers.contains("x-ratelimit-remaining-requests"));
    QVERIFY(result.headers.contains("x-ratelimit-reset-tokens"));
    QCOMPARE(result.headers.value("content-type"), QByteArray("application/json"));
}

void TestSimulatorServer::streamedShape_data()
{
    QTest::addColumn<bool>("includeUsage");
    QTest::newRow("with usage") << true;
    QTest::newRow("without usage") << false;
}

void TestSimulatorServer::streamedShape()
{
    QFETCH(bool, includeUsage);
    const QString text = QStringLiteral("Hello there, this is a streamed reply with ünïcödé ✓.");
    m_server->queueReply(text);
    RawHttpClient client(m_server->port());
    const RawResponse response = client.post(
        "/v1/chat/completions", chatBody(QStringLiteral("gpt-3.5-turbo"), true, includeUsage));
    QCOMPARE(response.status, 200);
    QVERIFY(response.complete);
    QCOMPARE(response.headers.value("transfer-encoding"), QByteArray("chunked"));
    QVERIFY(response.headers.value("content-type").startsWith("text/event-stream"));
    QVERIFY(response.httpChunks > 3); // token by token, not one block

    const QList<QByteArray> data = sseData(response.body);
    QVERIFY(data.size() > 3);
    QCOMPARE(data.last(), QByteArray("[DONE]"));
    QString content;
    QString id;
    QString finish;
    QJsonObject usage;
    for (qsizetype i = 0; i + 1 < data.size(); ++i) {
        QJsonParseError error;
        const QJsonObject chunk = QJsonDocument::fromJson(data.at(i), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(chunk.value("object").toString(), QStringLiteral("chat.completion.chunk"));
        QCOMPARE(chunk.value("model").toString(), QStringLiteral("gpt-3.5-turbo"));
        if (id.isEmpty())
            id = chunk.value("id").toString();
        QCOMPARE(chunk.value("id").toString(), id);
        const QJsonArray choices = chunk.value("choices").toArray();
        if (choices.isEmpty()) {
            usage = chunk.value("usage").toObject();
            continue;
        }
        const QJsonObject delta = choices.first().toObject().value("delta").toObject();
        if (i == 0)
            QCOMPARE(delta.value("role").toString(), QStringLiteral("assistant"));
        content += delta.value("content").toString();
        if (!choices.first().toObject().value("finish_reason").isNull())
            finish = choices.first().toObject().value("finish_reason").toString();
    }
    QCOMPARE(content, text);
    QCOMPARE(finish, QStringLiteral("stop"));
    QCOMPARE(usage.isEmpty(), !includeUsage);
    if (includeUsage) {
        QVERIFY(usage.value("completion_tokens").toInt() >= 10);
        QCOMPARE(usage.value("total_tokens").toInt(),
                 usage.value("prompt_tokens").toInt() + usage.value("completion_tokens").toInt());
    }
}

void TestSimulatorServer::keepAliveServesSeveralRequests()
{
    RawHttpClient client(m_server->port());
    for (int i = 0; i < 3; ++i) {
        const RawResponse response =
            client.post("/v1/chat/completions", chatBody(QStringLiteral("gpt-4o"), i % 2 == 0));
        QCOMPARE(response.status, 200);
        QVERIFY(response.complete);
        QCOMPARE(response.headers.value("connection"), QByteArray("keep-alive"));
        QVERIFY(client.isConnected());
    }
    QCOMPARE(m_server->requestCount(), 3);
}

void TestSimulatorServer::pipelinedRequestsAnswerInOrder()
{
    m_server->queueReply(QStringLiteral("first"));
    m_server->queueReply(QStringLiteral("second"));
    const QByteArray body = chatBody(QStringLiteral("gpt-4o"), false);
    const QByteArray one = "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                           QByteArray::number(body.size()) + "\r\n\r\n" + body;
    RawHttpClient client(m_server->port());
    const RawResponse first = client.exchange(one + one);
    const RawResponse second = client.exchange(QByteArray());
    QVERIFY(first.body.contains("\"first\""));
    QVERIFY(second.body.contains("\"second\""));
}

void TestSimulatorServer::models()
{
    NamResult result = namRequest(*m_nam, url(QStringLiteral("/models")));
    QCOMPARE(result.status, 200);
    const QJsonObject list = QJsonDocument::fromJson(result.body).object();
    QCOMPARE(list.value("object").toString(), QStringLiteral("list"));
    QStringList ids;
    for (const QJsonValue &model : list.value("data").toArray()) {
        QCOMPARE(model.toObject().value("object").toString(), QStringLiteral("model"));
        ids.append(model.toObject().value("id").toString());
    }
    QVERIFY(ids.contains(QStringLiteral("gpt-4-1106-preview")));
    QVERIFY(ids.contains(QStringLiteral("gpt-3.5-turbo")));

    result = namRequest(*m_nam, url(QStringLiteral("/models/gpt-3.5-turbo")));
    QCOMPARE(QJsonDocument::fromJson(result.body).object().value("id").toString(),
             QStringLiteral("gpt-3.5-turbo"));
    result = namRequest(*m_nam, url(QStringLiteral("/models/no-such-model")));
    QCOMPARE(result.status, 404);
    QCOMPARE(QJsonDocument::fromJson(result.body)
                 .object()
                 .value("error")
                 .toObject()
                 .value("code")
                 .toString(),
             QStringLiteral("model_not_found"));
}

void TestSimulatorServer::badRequests_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    auto post = [](const QByteArray &path, const QByteArray &body) {
        return "POST " + path +
               " HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\n\r\n" + body;
    };
    QTest::newRow("invalid json") << post("/v1/chat/completions", "{not json") << 400
                                  << "parse the JSON body";
    QTest::newRow("json array") << post("/v1/chat/completions", "[1,2]") << 400
                                << "parse the JSON body";
    QTest::newRow("no model") << post("/v1/chat/completions",
                                      R"({"messages":[{"role":"user","content":"hi"}]})")
                              << 400 << "model";
    QTest::newRow("no messages") << post("/v1/chat/completions", R"({"model":"gpt-4o"})") << 400
                                 << "messages";
    QTest::newRow("bad role")
        << post("/v1/chat/completions",
                R"({"model":"gpt-4o","messages":[{"role":"robot","content":"hi"}]})")
        << 400 << "messages[0].role";
    QTest::newRow("bad max_tokens")
        << post("/v1/chat/completions",
                R"({"model":"gpt-4o","max_tokens":-3,"messages":[{"role":"user","content":"hi"}]})")
        << 400 << "max_tokens";
    QTest::newRow("unknown path") << post("/v1/engines", "{}") << 404
                                  << "Invalid URL (POST /v1/engines)";
    QTest::newRow("wrong method") << QByteArray(
                                         "GET /v1/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n")
                                  << 405 << "not allowed";
    QTest::newRow("garbage line") << QByteArray("\x16\x03\x01 hello garbage\r\n\r\n") << 400
                                  << "Malformed";
    QTest::newRow("bad header") << QByteArray("GET /v1/models HTTP/1.1\r\nno colon here\r\n\r\n")
                                << 400 << "Malformed HTTP header";
    QTest::newRow("bad length")
        << QByteArray("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: abc\r\n\r\n") << 400
        << "Content-Length";
    QTest::newRow("bad encoding")
        << QByteArray("POST /v1/chat/completions HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
        << 501 << "Transfer-Encoding";
}

void TestSimulatorServer::badRequests()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    RawHttpClient client(m_server->port());
    const RawResponse response = client.exchange(raw);
    QCOMPARE(response.status, status);
    const QJsonObject error =
        QJsonDocument::fromJson(response.body).object().value("error").toObject();
    QVERIFY2(error.value("message").toString().contains(messagePart) ||
                 error.value("param").toString() == messagePart,
             qPrintable(QString::fromUtf8(response.body)));
    QCOMPARE(error.value("type").toString(), QStringLiteral("invalid_request_error"));
    // The server is unharmed: a fresh client still gets answers.
    RawHttpClient next(m_server->port());
    QCOMPARE(next.get("/v1/models").status, 200);
}

void TestSimulatorServer::oversizedRequests_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("body too large")
        << QByteArray("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n")
        << 413;
    QTest::newRow("headers too large")
        << "GET /v1/models HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n"
        << 431;
    QTest::newRow("chunked body too large")
        << "POST /v1/chat/completions HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" +
               QByteArray::number(20000, 16) + "\r\n" + QByteArray(20000, 'a') + "\r\n0\r\n\r\n"
        << 413;
}

void TestSimulatorServer::oversizedRequests()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    m_server->setMaxRequestBytes(16 * 1024);
    RawHttpClient client(m_server->port());
    const RawResponse response = client.exchange(raw);
    QCOMPARE(response.status, status);
    QVERIFY(QJsonDocument::fromJson(response.body).object().contains("error"));
    QCOMPARE(response.headers.value("connection"), QByteArray("close"));
}

void TestSimulatorServer::maxTokensAndStop()
{
    const QString text = QStringLiteral("one two three four five six seven eight nine ten");
    m_server->queueReply(text);
    NamResult result =
        namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                   chatBody(QStringLiteral("gpt-4o"), false, false, QStringLiteral("count"),
                            QJsonObject{{"max_completion_tokens", 4}}));
    QJsonObject object = QJsonDocument::fromJson(result.body).object();
    QJsonObject choice = object.value("choices").toArray().first().toObject();
    QCOMPARE(choice.value("finish_reason").toString(), QStringLiteral("length"));
    QVERIFY(object.value("usage").toObject().value("completion_tokens").toInt() <= 4);
    QVERIFY(text.startsWith(choice.value("message").toObject().value("content").toString()));

    m_server->queueReply(text);
    result = namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                        chatBody(QStringLiteral("gpt-4o"), false, false, QStringLiteral("count"),
                                 QJsonObject{{"stop", QJsonArray{" five"}}}));
    choice =
        QJsonDocument::fromJson(result.body).object().value("choices").toArray().first().toObject();
    QCOMPARE(choice.value("message").toObject().value("content").toString(),
             QStringLiteral("one two three four"));
    QCOMPARE(choice.value("finish_reason").toString(), QStringLiteral("stop"));
}

void TestSimulatorServer::receivedBodiesRecordTheWire()
{
    const QByteArray body =
        chatBody(QStringLiteral("gpt-4o"), false, false, QStringLiteral("my card is 4111"));
    namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body);
    namRequest(*m_nam, url(QStringLiteral("/models")));
    const QList<QByteArray> bodies = m_server->receivedBodies();
    QCOMPARE(bodies.size(), 1); // GET /models has no body
    QCOMPARE(bodies.first(), body);
    QCOMPARE(m_server->receivedRequests().size(), 2);
    m_server->reset();
    QVERIFY(m_server->receivedBodies().isEmpty());
}

void TestSimulatorServer::firstTokenDelayIsHonoured()
{
    m_server->setTiming(SimTiming{200, 100.0});
    m_server->queueReply(QStringLiteral("a b c d e f g h i j"));
    RawHttpClient client(m_server->port());
    QElapsedTimer clock;
    clock.start();
    const RawResponse response =
        client.post("/v1/chat/completions", chatBody(QStringLiteral("gpt-4o"), true));
    QVERIFY(response.complete);
    // 200 ms before the first token, then 9 more tokens at 10 ms each.
    QVERIFY2(clock.elapsed() >= 200 + 9 * 10, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(response.httpChunks >= 10);
}

void TestSimulatorServer::rateLimitHeadersAndEnforcement()
{
    m_server->setRateLimits(2, 1000000);
    const QByteArray body = chatBody(QStringLiteral("gpt-4o"), false);
    NamResult first = namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body);
    QCOMPARE(first.headers.value("x-ratelimit-limit-requests"), QByteArray("2"));
    QCOMPARE(first.headers.value("x-ratelimit-remaining-requests"), QByteArray("1"));
    QVERIFY(first.headers.value("x-ratelimit-reset-requests").endsWith('s'));
    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body).status, 200);
    const NamResult limited = namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.headers.value("x-ratelimit-remaining-requests"), QByteArray("0"));
    QVERIFY(limited.headers.value("retry-after-ms").toLongLong() > 0);
    QCOMPARE(QJsonDocument::fromJson(limited.body)
                 .object()
                 .value("error")
                 .toObject()
                 .value("code")
                 .toString(),
             QStringLiteral("rate_limit_exceeded"));
}

void TestSimulatorServer::azureDeploymentPath()
{
    m_server->queueReply(QStringLiteral("from azure"));
    RawHttpClient client(m_server->port());
    const RawResponse response =
        client.post("/openai/deployments/my-gpt4/chat/completions?api-version=2024-02-01",
                    R"({"messages":[{"role":"user","content":"hi"}]})");
    QCOMPARE(response.status, 200);
    const QJsonObject object = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(object.value("model").toString(), QStringLiteral("my-gpt4"));
}

void TestSimulatorServer::runsInAWorkerThread()
{
    // Demo floors keep the simulator off the GUI thread; the queue API is thread-safe.
    QThread thread;
    thread.start();
    auto *server = new SimulatorServer;
    server->moveToThread(&thread);
    QUrl base;
    QMetaObject::invokeMethod(
        server,
        [server, &base] {
            server->setTiming(SimTiming::instant());
            if (server->listen())
                base = server->baseUrl();
        },
        Qt::BlockingQueuedConnection);
    QVERIFY(base.isValid());
    server->queueReply(QStringLiteral("from the worker thread"));
    const QByteArray body = chatBody(QStringLiteral("gpt-4o"), true);
    const NamResult result =
        namRequest(*m_nam, QUrl(base.toString() + QStringLiteral("/chat/completions")), body);
    QCOMPARE(result.status, 200);
    QVERIFY(result.body.contains("worker"));
    QCOMPARE(server->receivedBodies(), QList<QByteArray>{body});
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    thread.quit();
    QVERIFY(thread.wait(5000));
}

QTEST_GUILESS_MAIN(TestSimulatorServer)
#include "tst_simulatorserver.moc"
