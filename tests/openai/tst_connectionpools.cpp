// Concurrency beyond QNetworkAccessManager's 6 HTTP/1.1 connections per host: real loopback
// sockets, real QNAM, requests counted where they arrive (at the server).
#include "clientfixture.h"
#include "loopbackhttpserver.h"
#include "openai/connectionpools.h"
#include "streamfixtures.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

class TestConnectionPools : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void requestsInFlightAtServer_data();
    void requestsInFlightAtServer();
    void pooledRequestsComplete();
    void settingsReachEveryManager();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
    QList<ChatCall *> m_calls;
};

namespace {

// Headers and one event, then the connection stays open: the request is in flight until the
// client gives up on it.
LoopbackHttpServer::Response heldStream()
{
    LoopbackHttpServer::Response response = LoopbackHttpServer::eventStream(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n");
    response.then(LoopbackHttpServer::Ending::Hang);
    return response;
}

LoopbackHttpServer::Response completeStream()
{
    return LoopbackHttpServer::eventStream(
        "data: {\"model\":\"gpt-4-1106-preview\",\"choices\":[{\"index\":0,\"delta\":"
        "{\"content\":\"Hello\"},\"finish_reason\":null}]}\n\n"
        "data: {\"model\":\"gpt-4-1106-preview\",\"choices\":[{\"index\":0,\"delta\":{},"
        "\"finish_reason\":\"stop\"}]}\n\n"
        "data: [DONE]\n\n");
}

ClientSettings poolSettings(const QUrl &baseUrl, int maxConcurrent, int perPool, int maxPools)
{
    ClientSettings settings;
    settings.baseUrl = baseUrl;
    settings.maxConcurrent = maxConcurrent;
    settings.connectionsPerPool = perPool;
    settings.maxPools = maxPools;
    return settings;
}

} // namespace

void TestConnectionPools::init()
{
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->listen());
}

void TestConnectionPools::cleanup()
{
    qDeleteAll(m_calls);
    m_calls.clear();
    m_server.reset();
}

void TestConnectionPools::requestsInFlightAtServer_data()
{
    QTest::addColumn<int>("maxConcurrent");
    QTest::addColumn<int>("perPool");
    QTest::addColumn<int>("maxPools");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("expectedInFlight");

    // QNAM alone would let 6 through; the cap that remains is the client's own.
    QTest::newRow("20 concurrent, defaults") << 20 << 6 << 32 << 24 << 20;
    QTest::newRow("10 concurrent, 2 per pool") << 10 << 2 << 32 << 10 << 10;
    QTest::newRow("capped by maxPools") << 20 << 6 << 2 << 20 << 12;
    QTest::newRow("one pool behaves like plain QNAM") << 20 << 6 << 1 << 20 << 6;
}

void TestConnectionPools::requestsInFlightAtServer()
{
    QFETCH(int, maxConcurrent);
    QFETCH(int, perPool);
    QFETCH(int, maxPools);
    QFETCH(int, requests);
    QFETCH(int, expectedInFlight);

    m_server->setDefaultResponse(heldStream());
    OpenAIClient client(poolSettings(m_server->baseUrl(), maxConcurrent, perPool, maxPools),
                        nullptr, PriceTable(), nullptr);
    for (int i = 0; i < requests; ++i)
        m_calls.append(client.chat(testRequest()));

    // Every held response keeps its connection busy, so each request the server has seen is one
    // in flight at the same moment.
    QTRY_COMPARE_WITH_TIMEOUT(int(m_server->requests().size()), expectedInFlight, 15000);
    // Nothing more arrives while those are held (the rest wait in a queue, client's or QNAM's).
    QTest::qWait(300);
    QCOMPARE(int(m_server->requests().size()), expectedInFlight);
    QCOMPARE(client.activeCount(), qMin(maxConcurrent, requests));
    QVERIFY(client.connectionPools().poolCount() <= maxPools);
    QCOMPARE(client.connectionPools().inFlight(), qMin(maxConcurrent, requests));
    for (ChatCall *call : std::as_const(m_calls))
        QVERIFY(!call->isFinished());

    // Cancelling frees every connection slot of every pool.
    for (ChatCall *call : std::as_const(m_calls))
        call->cancel();
    QTRY_COMPARE(client.connectionPools().inFlight(), 0);
    QCOMPARE(client.activeCount(), 0);
}

void TestConnectionPools::pooledRequestsComplete()
{
    m_server->setDefaultResponse(completeStream());
    OpenAIClient client(poolSettings(m_server->baseUrl(), 20, 6, 32), nullptr, PriceTable(),
                        nullptr);
    int finished = 0;
    QList<ChatResult> results;
    for (int i = 0; i < 40; ++i) {
        ChatCall *call = client.chat(testRequest());
        connect(call, &ChatCall::finished, this, [&](const ChatResult &result) {
            ++finished;
            results.append(result);
        });
        m_calls.append(call);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, 40, 30000);
    for (const ChatResult &result : std::as_const(results)) {
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.content, QStringLiteral("Hello"));
    }
    QCOMPARE(int(m_server->requests().size()), 40);
    QVERIFY(client.connectionPools().poolCount() > 1);
    QTRY_COMPARE(client.connectionPools().inFlight(), 0);
}

void TestConnectionPools::settingsReachEveryManager()
{
    m_server->setDefaultResponse(heldStream());
    OpenAIClient client(poolSettings(m_server->baseUrl(), 20, 6, 32), nullptr, PriceTable(),
                        nullptr);
    client.configureNetwork([](QNetworkAccessManager *manager) {
        manager->setTransferTimeout(45678);
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    });
    for (int i = 0; i < 20; ++i)
        m_calls.append(client.chat(testRequest()));
    QTRY_COMPARE_WITH_TIMEOUT(int(m_server->requests().size()), 20, 15000);
    QVERIFY(client.connectionPools().poolCount() >= 4);
    QCOMPARE(client.networkAccessManager(), client.connectionPools().managers().first());
    for (QNetworkAccessManager *manager : client.connectionPools().managers()) {
        QCOMPARE(manager->transferTimeout(), 45678);
        QCOMPARE(manager->redirectPolicy(), QNetworkRequest::ManualRedirectPolicy);
    }
}

QTEST_GUILESS_MAIN(TestConnectionPools)
#include "tst_connectionpools.moc"
