#include "sim/simulatorserver.h"
#include "simtestclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

// Every injected fault behaves as docs/simulator.md says, in-process and over /_sim/*.
class TestSimFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void httpErrors_data();
    void httpErrors();
    void retryAfterHttpDate();
    void slowFirstByte();
    void stallMidStream();
    void stallForever();
    void resetConnection_data();
    void resetConnection();
    void malformedChunk();
    void malformedBody();
    void errorMidStream();
    void closeBeforeDone();
    void closeBeforeDoneNotStreamed();
    void faultTargetsOneModel();
    void faultRepeats();
    void controlEndpoints();
    void controlEndpointRejectsBadFaults_data();
    void controlEndpointRejectsBadFaults();
    void faultJsonRoundTrip();

private:
    QUrl url(const QString &path) const;
    SimulatorServer *m_server = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
};

QUrl TestSimFaults::url(const QString &path) const
{
    QUrl u = m_server->baseUrl();
    u.setPath(path.startsWith(QLatin1String("/_sim")) ? path : u.path() + path);
    return u;
}

void TestSimFaults::init()
{
    m_server = new SimulatorServer;
    m_server->setTiming(SimTiming::instant());
    QVERIFY(m_server->listen());
    m_nam = new QNetworkAccessManager;
}

void TestSimFaults::cleanup()
{
    delete m_nam;
    delete m_server;
}

void TestSimFaults::httpErrors_data()
{
    QTest::addColumn<QJsonObject>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::newRow("429 retry-after seconds")
        << QJsonObject{{"status", 429}, {"retry_after", "2"}} << 429 << "requests"
        << "rate_limit_exceeded" << QByteArray("retry-after") << QByteArray("2");
    QTest::newRow("429 fractional retry-after")
        << QJsonObject{{"status", 429}, {"retry_after", 0.5}} << 429 << "requests"
        << "rate_limit_exceeded" << QByteArray("retry-after") << QByteArray("0.5");
    QTest::newRow("429 retry-after-ms")
        << QJsonObject{{"status", 429}, {"retry_after_ms", 1500}} << 429 << "requests"
        << "rate_limit_exceeded" << QByteArray("retry-after-ms") << QByteArray("1500");
    QTest::newRow("429 insufficient quota")
        << QJsonObject{{"status", 429}, {"code", "insufficient_quota"}} << 429
        << "insufficient_quota"
        << "insufficient_quota" << QByteArray("x-request-id") << QByteArray();
    QTest::newRow("503 should-retry false")
        << QJsonObject{{"status", 503}, {"should_retry", false}} << 503 << "server_error"
        << "" << QByteArray("x-should-retry") << QByteArray("false");
    QTest::newRow("400 should-retry true")
        << QJsonObject{{"status", 400}, {"should_retry", "true"}} << 400 << "invalid_request_error"
        << "" << QByteArray("x-should-retry") << QByteArray("true");
    QTest::newRow("401 custom message")
        << QJsonObject{{"status", 401},
                       {"message", "Incorrect API key provided: sk-...abcd"},
                       {"code", "invalid_api_key"}}
        << 401 << "invalid_request_error"
        << "invalid_api_key" << QByteArray("x-request-id") << QByteArray();
    QTest::newRow("500") << QJsonObject{{"status", 500}} << 500 << "server_error"
                         << "" << QByteArray("x-request-id") << QByteArray();
}

void TestSimFaults::httpErrors()
{
    QFETCH(QJsonObject, fault);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, headerValue);
    QString error;
    const std::optional<SimFault> parsed = SimFault::fromJson(fault, &error);
    QVERIFY2(parsed, qPrintable(error));
    m_server->queueFault(*parsed);
    m_server->queueReply(QStringLiteral("after the fault"));
    const QByteArray body = chatBody(QStringLiteral("gpt-4-1106-preview"), false);
    const NamResult failed = namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body);
    QCOMPARE(failed.status, status);
    QVERIFY(failed.headers.contains(header));
    if (!headerValue.isEmpty())
        QCOMPARE(failed.headers.value(header), headerValue);
    const QJsonObject object =
        QJsonDocument::fromJson(failed.body).object().value("error").toObject();
    QVERIFY(!object.value("message").toString().isEmpty());
    QCOMPARE(object.value("type").toString(), type);
    QCOMPARE(object.value("code").toString(), code);
    if (fault.contains("message"))
        QCOMPARE(object.value("message").toString(), fault.value("message").toString());
    // Consumed: the retry gets the queued reply.
    const NamResult retried = namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body);
    QCOMPARE(retried.status, 200);
    QVERIFY(retried.body.contains("after the fault"));
}

void TestSimFaults::retryAfterHttpDate()
{
    SimFault fault = SimFault::httpError(429);
    fault.retryAfterDateSeconds = 3;
    m_server->queueFault(fault);
    const NamResult result = namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                                        chatBody(QStringLiteral("gpt-4o"), true));
    QCOMPARE(result.status, 429);
    const QByteArray value = result.headers.value("retry-after");
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(value).chopped(4),
                                                   QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"));
    QVERIFY2(when.isValid(), value.constData());
    QVERIFY(value.endsWith(" GMT"));
}

void TestSimFaults::slowFirstByte()
{
    m_server->queueFault(SimFault::ofKind(SimFault::Kind::SlowFirstByte, 0, 300));
    RawHttpClient client(m_server->port());
    const RawResponse response =
        client.post("/v1/chat/completions", chatBody(QStringLiteral("gpt-4o"), true));
    QVERIFY(response.complete);
    QVERIFY2(response.firstByteMs >= 290, qPrintable(QString::number(response.firstByteMs)));
    QCOMPARE(sseData(response.body).last(), QByteArray("[DONE]"));
}

void TestSimFaults::stallMidStream()
{
    m_server->queueFault(SimFault::ofKind(SimFault::Kind::StallMidStream, 2, 300));
    m_server->queueReply(QStringLiteral("one two three four five six"));
    RawHttpClient client(m_server->port());
    QElapsedTimer clock;
    clock.start();
    const RawResponse response =
        client.post("/v1/chat/completions", chatBody(QStringLiteral("gpt-4o"), true));
    QVERIFY(response.complete);
    QVERIFY(clock.elapsed() >= 290);
    QCOMPARE(sseData(response.body).last(), QByteArray("[DONE]"));
}

void TestSimFaults::stallForever()
{
    m_server->queueFault(SimFault::ofKind(SimFault::Kind::StallMidStream, 2, 0));
    m_server->queueReply(QStringLiteral("one two three four five six"));
    RawHttpClient client(m_server->port());
    // Two content chunks arrive, then silence that outlasts the client's patience.
    const RawResponse response =
        client.post("/v1/chat/completions", chatBody(QStringLiteral("gpt-4o"), true), 500);
    QVERIFY(!response.complete);
    QVERIFY(!response.closed);
    QCOMPARE(response.httpChunks, 2);
    QVERIFY(response.body.contains("\"one\"") && response.body.contains("\" two\""));
    QVERIFY(!response.body.contains("three"));
}

void TestSimFaults::resetConnection_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("afterChunks");
    QTest::newRow("stream, before any byte") << true << 0;
    QTest::newRow("stream, after 3 chunks") << true << 3;
    QTest::newRow("not streamed") << false << 0;
}

void TestSimFaults::resetConnection()
{
    QFETCH(bool, stream);
    QFETCH(int, afterChunks);
    m_server->queueFault(SimFault::ofKind(SimFault::Kind::ResetConnection, afterChunks));
    m_server->queueReply(QStringLiteral("one two three four five six seven"));
    RawHttpClient client(m_server->port());
    const RawResponse response =
        client.post("/v1/chat/completions", chatBody(QStringLiteral("gpt-4o"), stream));
    QVERIFY(response.closed);
    QVERIFY(!response.complete);
    QVERIFY(!response.body.contains("[DONE]"));
    // QNetworkAccessManager re-sends a request on its own when the connection
    // drops before the response starts, so the fault repeats for it.
    SimFault fault = SimFault::ofKind(SimFault::Kind::ResetConnection, afterChunks);
    fault.times = 5;
    m_server->queueFault(fault);
    const int before = m_server->requestCount();
    const NamResult result = namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                                        chatBody(QStringLiteral("gpt-4o"), stream));
    qInfo() << "QNetworkAccessManager sent" << m_server->requestCount() - before << "attempts";
    // Mid-body, Qt may report the reset as an error or as the end of the body;
    // either way the client never sees a complete answer.
    QVERIFY2(result.error != QNetworkReply::NoError || (stream && !result.body.contains("[DONE]")),
             result.body.constData());
    if (!stream || afterChunks == 0)
        QVERIFY(result.error != QNetworkReply::NoError);
}

void TestSimFaults::malformedChunk()
{
    m_server->queueFault(SimFault::ofKind(SimFault::Kind::MalformedJson, 2));
    RawHttpClient client(m_server->port());
    const RawResponse response =
        client.post("/v1/chat/completions", chatBody(QStringLiteral("gpt-4o"), true));
    QVERIFY(response.complete);
    int broken = 0;
    for (const QByteArray &data : sseData(response.body)) {
        QJsonParseError error;
        QJsonDocument::fromJson(data, &error);
        if (data != "[DONE]" && error.error != QJsonParseError::NoError)
            ++broken;
    }
    QCOMPARE(broken, 1);
}

void TestSimFaults::malformedBody()
{
    m_server->queueFault(SimFault::ofKind(SimFault::Kind::MalformedJson));
    const NamResult result = namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                                        chatBody(QStringLiteral("gpt-4o"), false));
    QCOMPARE(result.status, 200);
    QJsonParseError error;
    QJsonDocument::fromJson(result.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestSimFaults::errorMidStream()
{
    SimFault fault = SimFault::ofKind(SimFault::Kind::ErrorMidStream, 2);
    fault.message = QStringLiteral("The server had an error while processing your request.");
    m_server->queueFault(fault);
    m_server->queueReply(QStringLiteral("one two three four five six"));
    RawHttpClient client(m_server->port());
    const RawResponse response =
        client.post("/v1/chat/completions", chatBody(QStringLiteral("gpt-4o"), true));
    QCOMPARE(response.status, 200);
    QVERIFY(response.complete);
    const QList<QByteArray> data = sseData(response.body);
    QCOMPARE(data.size(), 4); // role, "one", " two", the error
    const QJsonObject error =
        QJsonDocument::fromJson(data.last()).object().value("error").toObject();
    QCOMPARE(error.value("message").toString(), fault.message);
    QCOMPARE(error.value("type").toString(), QStringLiteral("server_error"));
    QVERIFY(!response.body.contains("[DONE]"));
}

void TestSimFaults::closeBeforeDone()
{
    m_server->queueFault(SimFault::ofKind(SimFault::Kind::CloseBeforeDone, 3));
    m_server->queueReply(QStringLiteral("one two three four five six"));
    RawHttpClient client(m_server->port());
    const RawResponse response =
        client.post("/v1/chat/completions", chatBody(QStringLiteral("gpt-4o"), true));
    QVERIFY(response.complete); // the HTTP body ends properly...
    const QList<QByteArray> data = sseData(response.body);
    QCOMPARE(data.size(), 4);                   // role+one, two, three
    QVERIFY(!response.body.contains("[DONE]")); // ...but the stream does not
    QVERIFY(!response.body.contains("\"finish_reason\":\"stop\""));
    QVERIFY(!response.body.contains("\"usage\":{"));
}

void TestSimFaults::closeBeforeDoneNotStreamed()
{
    m_server->queueFault(SimFault::ofKind(SimFault::Kind::CloseBeforeDone));
    const NamResult result = namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                                        chatBody(QStringLiteral("gpt-4o"), false));
    QVERIFY(result.error != QNetworkReply::NoError);
}

void TestSimFaults::faultTargetsOneModel()
{
    SimFault fault = SimFault::httpError(503);
    fault.model = QStringLiteral("gpt-4-1106-preview");
    m_server->queueFault(fault);
    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                        chatBody(QStringLiteral("gpt-3.5-turbo"), false))
                 .status,
             200);
    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/models"))).status, 200);
    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                        chatBody(QStringLiteral("gpt-4-1106-preview"), false))
                 .status,
             503);
    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                        chatBody(QStringLiteral("gpt-4-1106-preview"), false))
                 .status,
             200);
}

void TestSimFaults::faultRepeats()
{
    SimFault fault = SimFault::httpError(500);
    fault.times = 3;
    m_server->queueFault(fault);
    const QByteArray body = chatBody(QStringLiteral("gpt-4o"), false);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body).status, 500);
    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body).status, 200);
}

void TestSimFaults::controlEndpoints()
{
    NamResult result =
        namRequest(*m_nam, url(QStringLiteral("/_sim/faults")),
                   R"([{"kind":"http_error","status":429,"retry_after_ms":20},{"status":502}])");
    QCOMPARE(result.status, 200);
    QCOMPARE(QJsonDocument::fromJson(result.body).object().value("queued").toInt(), 2);
    result = namRequest(*m_nam, url(QStringLiteral("/_sim/replies")),
                        R"({"replies":["Scripted one.","Scripted two."]})");
    QCOMPARE(QJsonDocument::fromJson(result.body).object().value("queued").toInt(), 2);

    const QByteArray body =
        chatBody(QStringLiteral("gpt-4o"), false, false, QStringLiteral("first question"));
    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body).status, 429);
    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body).status, 502);
    QVERIFY(namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body)
                .body.contains("Scripted one."));

    result = namRequest(*m_nam, url(QStringLiteral("/_sim/requests")));
    const QJsonArray requests =
        QJsonDocument::fromJson(result.body).object().value("requests").toArray();
    QCOMPARE(requests.size(), 3); // control calls are not recorded
    const QJsonObject first = requests.first().toObject();
    QCOMPARE(first.value("path").toString(), QStringLiteral("/v1/chat/completions"));
    QCOMPARE(first.value("body")
                 .toObject()
                 .value("messages")
                 .toArray()
                 .last()
                 .toObject()
                 .value("content")
                 .toString(),
             QStringLiteral("first question"));

    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/_sim/reset")), "{}").status, 200);
    QVERIFY(m_server->receivedBodies().isEmpty());
    // The second scripted reply was dropped by the reset.
    QVERIFY(!namRequest(*m_nam, url(QStringLiteral("/chat/completions")), body)
                 .body.contains("Scripted two."));

    result = namRequest(*m_nam, url(QStringLiteral("/_sim/timing")),
                        R"({"first_token_ms":5,"tokens_per_second":1000})");
    QCOMPARE(result.status, 200);
    QCOMPARE(m_server->timing().firstTokenMs, 5);
}

void TestSimFaults::controlEndpointRejectsBadFaults_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unknown kind") << "/_sim/faults" << QByteArray(R"({"kind":"explode"})")
                                  << "kind";
    QTest::newRow("bad status") << "/_sim/faults" << QByteArray(R"({"status":99})") << "status";
    QTest::newRow("bad delay") << "/_sim/faults"
                               << QByteArray(R"({"kind":"slow_first_byte","delay_ms":"x"})")
                               << "delay_ms";
    QTest::newRow("second bad") << "/_sim/faults" << QByteArray(R"([{"status":500},{"times":0}])")
                                << "fault 1";
    QTest::newRow("not json") << "/_sim/faults" << QByteArray("nope") << "invalid JSON";
    QTest::newRow("reply not text")
        << "/_sim/replies" << QByteArray(R"({"replies":[1]})") << "reply 0";
    QTest::newRow("timing") << "/_sim/timing" << QByteArray(R"({"first_token_ms":-1})")
                            << "first_token_ms";
    QTest::newRow("unknown control") << "/_sim/explode" << QByteArray("{}") << "Invalid URL";
}

void TestSimFaults::controlEndpointRejectsBadFaults()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    const NamResult result = namRequest(*m_nam, url(path), body);
    QVERIFY(result.status == 400 || result.status == 404);
    const QString message = QJsonDocument::fromJson(result.body)
                                .object()
                                .value("error")
                                .toObject()
                                .value("message")
                                .toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    // Nothing half-queued: the next request is answered normally.
    QCOMPARE(namRequest(*m_nam, url(QStringLiteral("/chat/completions")),
                        chatBody(QStringLiteral("gpt-4o"), false))
                 .status,
             200);
}

void TestSimFaults::faultJsonRoundTrip()
{
    SimFault fault = SimFault::ofKind(SimFault::Kind::StallMidStream, 4, 250);
    fault.model = QStringLiteral("gpt-4-1106-preview");
    fault.times = 2;
    fault.retryAfterMs = 10;
    QString error;
    const std::optional<SimFault> back = SimFault::fromJson(fault.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), fault.toJson());
    QCOMPARE(back->kind, SimFault::Kind::StallMidStream);
    QCOMPARE(back->afterChunks, 4);
    QCOMPARE(back->delayMs, 250);
}

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
