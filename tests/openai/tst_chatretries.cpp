#include "clientfixture.h"
#include "loopbackhttpserver.h"
#include "streamfixtures.h"

#include <QJsonDocument>
#include <QLocale>
#include <QTcpServer>
#include <QtTest>

using namespace StreamFixtures;
using Response = LoopbackHttpServer::Response;
using Headers = LoopbackHttpServer::Headers;

// Retries, Retry-After handling, fallback, deadlines, timeouts, limits and the request queue,
// against a scripted loopback server.
class TestChatRetries : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void serverDelayIsHonoured_data();
    void serverDelayIsHonoured();
    void statusRules_data();
    void statusRules();
    void shouldRetryHeaderOverrides_data();
    void shouldRetryHeaderOverrides();
    void attemptLimit();
    void insufficientQuotaIsNotRetried();
    void fallback_data();
    void fallback();
    void deadlineGoesToFallbackAtOnce();
    void deadlineWithoutFallbackFails();
    void connectionResetIsRetried();
    void connectionRefused();
    void firstByteTimeout();
    void totalTimeoutKeepsPartialText();
    void learnsRateLimitHeaders();
    void queueHonoursConcurrencyCap();

private:
    ClientSettings settings() const;
    std::unique_ptr<LoopbackHttpServer> m_server;
    std::unique_ptr<StaticCredentials> m_credentials;
    std::unique_ptr<OpenAIClient> m_client;
};

ClientSettings TestChatRetries::settings() const
{
    ClientSettings settings;
    settings.baseUrl = m_server->baseUrl();
    return settings;
}

void TestChatRetries::init()
{
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->listen());
    m_credentials = std::make_unique<StaticCredentials>();
    m_client = std::make_unique<OpenAIClient>(settings(), m_credentials.get(),
                                              PriceTable::defaults(), nullptr);
}

void TestChatRetries::cleanup()
{
    m_client.reset();
    m_credentials.reset();
    m_server.reset();
}

static QByteArray httpDate(const QDateTime &utc)
{
    return QLocale::c()
               .toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
               .toLatin1() +
           " GMT";
}

void TestChatRetries::serverDelayIsHonoured_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("minimumGapMs");

    QTest::newRow("Retry-After seconds") << Headers{{"Retry-After", "1"}} << 1000;
    QTest::newRow("Retry-After fractional") << Headers{{"Retry-After", "0.4"}} << 400;
    QTest::newRow("retry-after-ms") << Headers{{"retry-after-ms", "300"}} << 300;
    QTest::newRow("retry-after-ms wins over Retry-After")
        << Headers{{"retry-after-ms", "250"}, {"Retry-After", "0"}} << 250;
    // Second granularity: a date 3 s ahead is still more than 1.5 s ahead once rounded down.
    QTest::newRow("Retry-After HTTP date") << Headers{{"Retry-After", "DATE+3"}} << 1500;
}

void TestChatRetries::serverDelayIsHonoured()
{
    QFETCH(Headers, headers);
    QFETCH(int, minimumGapMs);
    for (auto &header : headers) {
        if (header.second == "DATE+3")
            header.second = httpDate(QDateTime::currentDateTimeUtc().addSecs(3));
    }
    m_server->enqueue(LoopbackHttpServer::json(
        429, errorBody("Rate limit reached for requests", "requests", "rate_limit_exceeded"),
        headers));
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"after the wait"})));
    const CallOutcome outcome = runCall(*m_client, testRequest(true));
    QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));
    QCOMPARE(outcome.result.content, QStringLiteral("after the wait"));
    QCOMPARE(m_server->requests().size(), 2);
    const qint64 gap =
        m_server->requests().at(1).receivedAtMs - m_server->requests().at(0).receivedAtMs;
    QVERIFY2(gap >= minimumGapMs, qPrintable(QStringLiteral("gap %1 ms").arg(gap)));
    QCOMPARE(outcome.result.attempts.size(), 2);
    QCOMPARE(outcome.result.attempts.at(0).httpStatus, 429);
    QVERIFY(outcome.result.attempts.at(1).delayMs >= minimumGapMs);
}

void TestChatRetries::statusRules_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retried");
    QTest::addColumn<int>("type");

    QTest::newRow("408") << 408 << true << int(ChatErrorType::Timeout);
    QTest::newRow("409") << 409 << true << int(ChatErrorType::Server);
    QTest::newRow("429") << 429 << true << int(ChatErrorType::RateLimit);
    QTest::newRow("500") << 500 << true << int(ChatErrorType::Server);
    QTest::newRow("502") << 502 << true << int(ChatErrorType::Server);
    QTest::newRow("503") << 503 << true << int(ChatErrorType::Server);
    QTest::newRow("400") << 400 << false << int(ChatErrorType::InvalidRequest);
    QTest::newRow("401") << 401 << false << int(ChatErrorType::Authentication);
    QTest::newRow("403") << 403 << false << int(ChatErrorType::PermissionDenied);
    QTest::newRow("404") << 404 << false << int(ChatErrorType::NotFound);
    QTest::newRow("422") << 422 << false << int(ChatErrorType::InvalidRequest);
}

void TestChatRetries::statusRules()
{
    QFETCH(int, status);
    QFETCH(bool, retried);
    QFETCH(int, type);
    const QString message = QStringLiteral("server says %1").arg(status);
    m_server->enqueue(LoopbackHttpServer::json(status, errorBody(message, "some_error"),
                                               {{"retry-after-ms", "10"}}));
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"second try"})));
    const CallOutcome outcome = runCall(*m_client, testRequest(true));
    if (retried) {
        QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(outcome.result.attempts.at(0).httpStatus, status);
    } else {
        QCOMPARE(int(outcome.result.error.type), type);
        QCOMPARE(outcome.result.error.message, message);
        QCOMPARE(outcome.result.error.httpStatus, status);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(outcome.result.attempts.size(), 1);
    }
    // The type is also right when a retryable status is final.
    if (retried) {
        cleanup();
        init();
        ChatRequest request = testRequest(true);
        request.maxRetries = 0;
        m_server->enqueue(LoopbackHttpServer::json(status, errorBody(message, "some_error")));
        const CallOutcome last = runCall(*m_client, request);
        QCOMPARE(int(last.result.error.type), type);
        QCOMPARE(last.result.error.message, message);
    }
}

void TestChatRetries::shouldRetryHeaderOverrides_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("requests");

    QTest::newRow("400 with x-should-retry: true") << 400 << QByteArray("true") << 2;
    QTest::newRow("500 with x-should-retry: false") << 500 << QByteArray("false") << 1;
    QTest::newRow("429 with x-should-retry: false") << 429 << QByteArray("false") << 1;
}

void TestChatRetries::shouldRetryHeaderOverrides()
{
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    QFETCH(int, requests);
    m_server->enqueue(LoopbackHttpServer::json(
        status, errorBody("x", "x"), {{"x-should-retry", header}, {"retry-after-ms", "10"}}));
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"ok"})));
    const CallOutcome outcome = runCall(*m_client, testRequest(true));
    QCOMPARE(m_server->requests().size(), requests);
    QCOMPARE(outcome.result.ok(), requests == 2);
}

void TestChatRetries::attemptLimit()
{
    ChatRequest request = testRequest(true);
    request.maxRetries = 2;
    m_server->setDefaultResponse(LoopbackHttpServer::json(
        503, errorBody("Service Unavailable", "server_error"), {{"retry-after-ms", "5"}}));
    const CallOutcome outcome = runCall(*m_client, request);
    QCOMPARE(outcome.result.error.type, ChatErrorType::Server);
    QCOMPARE(outcome.result.error.message, QStringLiteral("Service Unavailable"));
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(outcome.result.attempts.size(), 3);
    for (const AttemptRecord &attempt : outcome.result.attempts)
        QCOMPARE(attempt.httpStatus, 503);
}

void TestChatRetries::insufficientQuotaIsNotRetried()
{
    ChatRequest request = testRequest(true);
    request.fallback = testModel(QStringLiteral("gpt-3.5-turbo"));
    m_server->enqueue(LoopbackHttpServer::json(
        429,
        errorBody("You exceeded your current quota, please check your plan and billing details.",
                  "insufficient_quota", "insufficient_quota"),
        {{"retry-after-ms", "10"}}));
    const CallOutcome outcome = runCall(*m_client, request);
    QCOMPARE(outcome.result.error.type, ChatErrorType::Quota);
    QCOMPARE(outcome.result.error.code, QStringLiteral("insufficient_quota"));
    QVERIFY(
        outcome.result.error.message.startsWith(QLatin1String("You exceeded your current quota")));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatRetries::fallback_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("primaryAttempts");

    // Retryable failures exhaust the primary's attempts; 404 and 5xx are model-level: at once.
    QTest::newRow("429 exhausted") << 429 << 3;
    QTest::newRow("404 model not found") << 404 << 1;
    QTest::newRow("500 server error") << 500 << 1;
}

void TestChatRetries::fallback()
{
    QFETCH(int, status);
    QFETCH(int, primaryAttempts);
    ChatRequest request = testRequest(true);
    request.maxRetries = 2;
    request.fallback = testModel(QStringLiteral("gpt-3.5-turbo"));
    for (int i = 0; i < primaryAttempts; ++i) {
        m_server->enqueue(LoopbackHttpServer::json(status, errorBody("primary failed", "x"),
                                                   {{"retry-after-ms", "5"}}));
    }
    QByteArray fallbackStream;
    for (const QByteArray &chunk : {contentChunk("from fallback", "gpt-3.5-turbo-0125")})
        fallbackStream += sseEvent(chunk);
    fallbackStream +=
        sseEvent(finishChunk()) + sseEvent(usageChunk(1000, 1000)) + sseEvent("[DONE]");
    m_server->enqueue(LoopbackHttpServer::eventStream(fallbackStream));

    ChatCall *call = m_client->chat(request);
    QSignalSpy fallbackSpy(call, &ChatCall::fallbackStarted);
    QSignalSpy finished(call, &ChatCall::finished);
    QVERIFY(finished.wait(20000));
    const ChatResult result = call->result();
    delete call;
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(fallbackSpy.size(), 1);
    QVERIFY(result.usedFallback);
    QCOMPARE(result.model, QStringLiteral("gpt-3.5-turbo-0125"));
    QCOMPARE(result.content, QStringLiteral("from fallback"));
    QCOMPARE(m_server->requests().size(), primaryAttempts + 1);
    QCOMPARE(result.attempts.size(), primaryAttempts + 1);
    for (int i = 0; i < primaryAttempts; ++i) {
        QCOMPARE(result.attempts.at(i).model, QStringLiteral("gpt-4-1106-preview"));
        QCOMPARE(QJsonDocument::fromJson(m_server->requests().at(i).body)["model"].toString(),
                 QStringLiteral("gpt-4-1106-preview"));
    }
    QCOMPARE(result.attempts.last().model, QStringLiteral("gpt-3.5-turbo"));
    QCOMPARE(QJsonDocument::fromJson(m_server->requests().last().body)["model"].toString(),
             QStringLiteral("gpt-3.5-turbo"));
    // Priced as gpt-3.5-turbo (dated name falls back to the family): $0.5 in, $1.5 out per 1M.
    QCOMPARE(result.costUsd, (1000 * 0.5 + 1000 * 1.5) / 1e6);
}

void TestChatRetries::deadlineGoesToFallbackAtOnce()
{
    ChatRequest request = testRequest(true);
    request.deadlineMs = 5000;
    request.fallback = testModel(QStringLiteral("gpt-3.5-turbo"));
    m_server->enqueue(
        LoopbackHttpServer::json(429, errorBody("slow down", "requests"), {{"Retry-After", "30"}}));
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"fallback in time"})));
    const CallOutcome outcome = runCall(*m_client, request);
    QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));
    QVERIFY(outcome.result.usedFallback);
    QCOMPARE(outcome.result.attempts.size(), 2);
    QCOMPARE(outcome.result.attempts.at(1).delayMs, 0);
    QCOMPARE(outcome.result.attempts.at(1).model, QStringLiteral("gpt-3.5-turbo"));
}

void TestChatRetries::deadlineWithoutFallbackFails()
{
    ChatRequest request = testRequest(true);
    request.deadlineMs = 5000;
    m_server->enqueue(
        LoopbackHttpServer::json(429, errorBody("slow down", "requests"), {{"Retry-After", "30"}}));
    const CallOutcome outcome = runCall(*m_client, request);
    QCOMPARE(outcome.result.error.type, ChatErrorType::RateLimit);
    QCOMPARE(outcome.result.error.message, QStringLiteral("slow down"));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatRetries::connectionResetIsRetried()
{
    Response reset;
    reset.ending = LoopbackHttpServer::Ending::Reset;
    // QNAM itself re-sends a request once when the connection drops before any response byte;
    // the second reset reaches the client, which retries after a backoff.
    m_server->enqueue(reset);
    m_server->enqueue(reset);
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"recovered"})));
    ChatRequest request = testRequest(true);
    const CallOutcome outcome = runCall(*m_client, request);
    QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));
    QCOMPARE(outcome.result.content, QStringLiteral("recovered"));
    QCOMPARE(outcome.result.attempts.size(), 2);
    QCOMPARE(outcome.result.attempts.at(0).httpStatus, 0);
    // No server delay: exponential backoff from 1 s.
    QVERIFY(outcome.result.attempts.at(1).delayMs >= 1000);
}

void TestChatRetries::connectionRefused()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    ClientSettings refused;
    refused.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    OpenAIClient client(refused, m_credentials.get(), PriceTable::defaults(), nullptr);
    ChatRequest request = testRequest(true);
    request.maxRetries = 1;
    const CallOutcome outcome = runCall(client, request);
    QCOMPARE(outcome.result.error.type, ChatErrorType::Network);
    QVERIFY(!outcome.result.error.message.isEmpty());
    QCOMPARE(outcome.result.attempts.size(), 2);
}

void TestChatRetries::firstByteTimeout()
{
    Response silent;
    silent.ending = LoopbackHttpServer::Ending::Hang;
    m_server->enqueue(silent);
    ChatRequest request = testRequest(true);
    request.maxRetries = 0;
    request.firstByteTimeoutMs = 300;
    QElapsedTimer clock;
    clock.start();
    const CallOutcome outcome = runCall(*m_client, request);
    QVERIFY(clock.elapsed() >= 300);
    QCOMPARE(outcome.result.error.type, ChatErrorType::Timeout);
    QVERIFY(outcome.result.error.message.contains(QLatin1String("300 ms")));
    QCOMPARE(outcome.finishedCount, 1);
}

void TestChatRetries::totalTimeoutKeepsPartialText()
{
    m_server->enqueue(LoopbackHttpServer::eventStream(sseEvent(contentChunk("so far")))
                          .then(LoopbackHttpServer::Ending::Hang));
    ChatRequest request = testRequest(true);
    request.totalTimeoutMs = 400;
    const CallOutcome outcome = runCall(*m_client, request);
    QCOMPARE(outcome.result.error.type, ChatErrorType::IncompleteStream);
    QVERIFY(outcome.result.incomplete);
    QCOMPARE(outcome.result.content, QStringLiteral("so far"));
    QVERIFY(outcome.result.latencyMs >= 400);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatRetries::learnsRateLimitHeaders()
{
    m_server->enqueue(LoopbackHttpServer::json(200, completion("one"),
                                               {{"x-ratelimit-limit-requests", "60"},
                                                {"x-ratelimit-remaining-requests", "0"},
                                                {"x-ratelimit-reset-requests", "400ms"},
                                                {"x-ratelimit-remaining-tokens", "90000"},
                                                {"x-ratelimit-reset-tokens", "6m0s"}}));
    m_server->enqueue(LoopbackHttpServer::json(200, completion("two")));
    QVERIFY(runCall(*m_client, testRequest(false)).result.ok());
    const CallOutcome second = runCall(*m_client, testRequest(false));
    QVERIFY(second.result.ok());
    const qint64 gap =
        m_server->requests().at(1).receivedAtMs - m_server->requests().at(0).receivedAtMs;
    QVERIFY2(gap >= 400, qPrintable(QString::number(gap)));
    QVERIFY(second.result.attempts.at(0).delayMs > 0); // the wait is recorded on the attempt
}

void TestChatRetries::queueHonoursConcurrencyCap()
{
    ClientSettings capped = settings();
    capped.maxConcurrent = 2;
    OpenAIClient client(capped, m_credentials.get(), PriceTable::defaults(), nullptr);
    for (int i = 0; i < 4; ++i) {
        m_server->enqueue(LoopbackHttpServer::eventStream(stream({QStringLiteral("r%1").arg(i)}))
                              .splitBodyAt({5}, 1000));
    }
    QList<ChatCall *> calls;
    QList<QSignalSpy *> spies;
    for (int i = 0; i < 4; ++i) {
        calls.append(client.chat(testRequest(true)));
        spies.append(new QSignalSpy(calls.last(), &ChatCall::finished));
    }
    QTRY_COMPARE(m_server->requests().size(), 2);
    QCOMPARE(client.activeCount(), 2);
    QCOMPARE(client.queuedCount(), 2);
    QTest::qWait(100);
    QCOMPARE(m_server->requests().size(), 2); // the cap holds while both are busy
    for (QSignalSpy *spy : spies)
        QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 10000);
    QCOMPARE(m_server->requests().size(), 4);
    QCOMPARE(client.activeCount(), 0);
    qDeleteAll(spies);
    qDeleteAll(calls);
}

QTEST_GUILESS_MAIN(TestChatRetries)
#include "tst_chatretries.moc"
