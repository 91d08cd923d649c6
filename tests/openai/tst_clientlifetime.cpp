// Destroying the client and the request handlers in either order, with requests in flight,
// queued and finished: nothing may touch a network manager that is gone.
#include "clientfixture.h"
#include "loopbackhttpserver.h"
#include "openai/connectionpools.h"
#include "openai/modelscall.h"

#include <QCoreApplication>
#include <QTest>

#include <memory>

class TestClientLifetime : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void destroyInEitherOrder_data();
    void destroyInEitherOrder();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
};

namespace {

enum class Order { ClientFirst, HandlersFirst, ClientFirstHandlersLater, HandlersLaterThenClient };

LoopbackHttpServer::Response heldStream()
{
    LoopbackHttpServer::Response response = LoopbackHttpServer::eventStream(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n");
    response.then(LoopbackHttpServer::Ending::Hang);
    return response;
}

} // namespace

void TestClientLifetime::init()
{
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->listen());
    m_server->setDefaultResponse(heldStream());
}

void TestClientLifetime::cleanup()
{
    m_server.reset();
}

void TestClientLifetime::destroyInEitherOrder_data()
{
    QTest::addColumn<Order>("order");
    QTest::addColumn<bool>("withFinishedCall");

    QTest::newRow("client, then handlers") << Order::ClientFirst << false;
    QTest::newRow("handlers, then client") << Order::HandlersFirst << false;
    QTest::newRow("client, then handlers via deleteLater")
        << Order::ClientFirstHandlersLater << true;
    QTest::newRow("handlers via deleteLater, then client at once")
        << Order::HandlersLaterThenClient << true;
}

void TestClientLifetime::destroyInEitherOrder()
{
    QFETCH(Order, order);
    QFETCH(bool, withFinishedCall);

    ClientSettings settings;
    settings.baseUrl = m_server->baseUrl();
    settings.maxConcurrent = 8; // 8 running (over two pools), 4 queued
    auto *client = new OpenAIClient(settings, nullptr, PriceTable(), nullptr);

    QList<QPointer<ChatCall>> calls;
    int emittedAfterTeardown = 0;
    bool tearingDown = false;
    if (withFinishedCall) {
        // One request that has finished on [DONE] while the server keeps its connection open:
        // its reply is still running when the handler is done with it.
        m_server->enqueue(LoopbackHttpServer::eventStream("data: {\"choices\":[{\"index\":0,"
                                                          "\"delta\":{\"content\":\"Ok\"},"
                                                          "\"finish_reason\":\"stop\"}]}\n\n"
                                                          "data: [DONE]\n\n")
                              .then(LoopbackHttpServer::Ending::Hang));
        ChatCall *done = client->chat(testRequest());
        QSignalSpy finished(done, &ChatCall::finished);
        QVERIFY(finished.wait(10000));
        calls.append(done);
    }
    for (int i = 0; i < 12; ++i) {
        ChatCall *call = client->chat(testRequest());
        connect(call, &ChatCall::finished, this, [&] { emittedAfterTeardown += tearingDown; });
        calls.append(call);
    }
    QPointer<ModelsCall> models = client->listModels(QStringLiteral("test"));
    connect(models, &ModelsCall::finished, this, [&] { emittedAfterTeardown += tearingDown; });

    const int expected = 8 + 1 + (withFinishedCall ? 1 : 0);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_server->requests().size()), expected, 15000);
    QVERIFY(client->connectionPools().poolCount() >= 2);
    tearingDown = true;

    switch (order) {
    case Order::ClientFirst:
        delete client;
        for (const QPointer<ChatCall> &call : std::as_const(calls))
            delete call.data();
        delete models.data();
        break;
    case Order::HandlersFirst:
        for (const QPointer<ChatCall> &call : std::as_const(calls))
            delete call.data();
        delete models.data();
        delete client;
        break;
    case Order::ClientFirstHandlersLater:
        delete client;
        QTest::qWait(20);
        for (const QPointer<ChatCall> &call : std::as_const(calls))
            call->deleteLater();
        models->deleteLater();
        break;
    case Order::HandlersLaterThenClient:
        // Handlers scheduled for deletion, the client destroyed before the event loop runs them.
        for (const QPointer<ChatCall> &call : std::as_const(calls))
            call->deleteLater();
        models->deleteLater();
        delete client;
        break;
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QTest::qWait(50);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    for (const QPointer<ChatCall> &call : std::as_const(calls))
        QVERIFY(call.isNull());
    QVERIFY(models.isNull());
    QCOMPARE(emittedAfterTeardown, 0);
}

QTEST_GUILESS_MAIN(TestClientLifetime)
#include "tst_clientlifetime.moc"
