#include "clientfixture.h"
#include "loopbackhttpserver.h"
#include "openai/modelscall.h"
#include "streamfixtures.h"

#include <QJsonDocument>
#include <QtTest>

using namespace StreamFixtures;

// What goes on the wire: URL, headers (OpenAI and Azure modes) and the body, checked at the server.
class TestRequestShape : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void headers_data();
    void headers();
    void keyIsAskedPerAttemptWithFeature();
    void listModels();
    void listModelsErrors_data();
    void listModelsErrors();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
    std::unique_ptr<StaticCredentials> m_credentials;
};

void TestRequestShape::init()
{
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->listen());
    m_credentials = std::make_unique<StaticCredentials>("sk-shape-0123456789");
}

void TestRequestShape::cleanup()
{
    m_credentials.reset();
    m_server.reset();
}

void TestRequestShape::headers_data()
{
    QTest::addColumn<bool>("azure");
    QTest::addColumn<QString>("organization");
    QTest::addColumn<QString>("project");
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<QByteArray>("target");

    QTest::newRow("openai, key only")
        << false << QString() << QString() << true << QByteArray("/v1/chat/completions");
    QTest::newRow("openai, organization and project")
        << false << "org-abc"
        << "proj_def" << true << QByteArray("/v1/chat/completions");
    QTest::newRow("no key configured")
        << false << QString() << QString() << false << QByteArray("/v1/chat/completions");
    QTest::newRow("azure") << true << "org-ignored" << QString() << true
                           << QByteArray("/openai/deployments/gpt-4-1106-preview/chat/completions"
                                         "?api-version=2024-06-01");
}

void TestRequestShape::headers()
{
    QFETCH(bool, azure);
    QFETCH(QString, organization);
    QFETCH(QString, project);
    QFETCH(bool, withKey);
    QFETCH(QByteArray, target);

    ClientSettings settings;
    settings.baseUrl = azure ? m_server->rootUrl() : m_server->baseUrl();
    settings.azure = azure;
    settings.azureApiVersion = QStringLiteral("2024-06-01");
    settings.organization = organization;
    settings.project = project;
    OpenAIClient client(settings, withKey ? m_credentials.get() : nullptr, PriceTable::defaults(),
                        nullptr);
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"ok"})));
    const CallOutcome outcome = runCall(client, testRequest(true));
    QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));

    const LoopbackHttpServer::Request &request = m_server->requests().at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, target);
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(request.headers.value("accept"), QByteArray("text/event-stream"));
    if (!withKey) {
        QVERIFY(!request.headers.contains("authorization"));
        QVERIFY(!request.headers.contains("api-key"));
    } else if (azure) {
        QCOMPARE(request.headers.value("api-key"), QByteArray("sk-shape-0123456789"));
        QVERIFY(!request.headers.contains("authorization"));
    } else {
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer sk-shape-0123456789"));
        QVERIFY(!request.headers.contains("api-key"));
    }
    QCOMPARE(request.headers.contains("openai-organization"), !azure && !organization.isEmpty());
    QCOMPARE(request.headers.contains("openai-project"), !azure && !project.isEmpty());
    if (!azure && !organization.isEmpty())
        QCOMPARE(request.headers.value("openai-organization"), organization.toUtf8());
    if (!azure && !project.isEmpty())
        QCOMPARE(request.headers.value("openai-project"), project.toUtf8());
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body["stream"].toBool(), true);
    QCOMPARE(body["stream_options"]["include_usage"].toBool(), true);
    QCOMPARE(body["messages"].toArray().size(), 2);
}

void TestRequestShape::keyIsAskedPerAttemptWithFeature()
{
    ClientSettings settings;
    settings.baseUrl = m_server->baseUrl();
    OpenAIClient client(settings, m_credentials.get(), PriceTable::defaults(), nullptr);
    m_server->enqueue(LoopbackHttpServer::json(500, errorBody("oops", "server_error"),
                                               {{"retry-after-ms", "5"}}));
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"ok"})));
    ChatRequest request = testRequest(true);
    request.feature = QStringLiteral("summary");
    QVERIFY(runCall(client, request).result.ok());
    QCOMPARE(m_credentials->features, (QStringList{"summary", "summary"}));
}

void TestRequestShape::listModels()
{
    ClientSettings settings;
    settings.baseUrl = m_server->baseUrl();
    OpenAIClient client(settings, m_credentials.get(), PriceTable::defaults(), nullptr);
    m_server->enqueue(LoopbackHttpServer::json(
        200,
        R"({"object":"list","data":[{"id":"gpt-4o","object":"model"},{"id":"gpt-3.5-turbo","object":"model"}]})",
        {{"x-request-id", "req_models"}}));
    ModelsCall *call = client.listModels(QStringLiteral("key-validation"));
    QSignalSpy finished(call, &ModelsCall::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY(call->result().ok);
    QCOMPARE(call->result().ids, (QStringList{"gpt-4o", "gpt-3.5-turbo"}));
    QCOMPARE(call->result().requestId, QStringLiteral("req_models"));
    QCOMPARE(m_server->requests().at(0).method, QByteArray("GET"));
    QCOMPARE(m_server->requests().at(0).target, QByteArray("/v1/models"));
    QCOMPARE(m_credentials->features, QStringList{"key-validation"});
    delete call;
}

void TestRequestShape::listModelsErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("type");
    QTest::newRow("invalid key") << 401 << int(ChatErrorType::Authentication);
    QTest::newRow("no network") << 0 << int(ChatErrorType::Network);
}

void TestRequestShape::listModelsErrors()
{
    QFETCH(int, status);
    QFETCH(int, type);
    ClientSettings settings;
    settings.baseUrl = m_server->baseUrl();
    if (status == 0) {
        m_server.reset(); // nothing listens on that port any more
    } else {
        m_server->enqueue(LoopbackHttpServer::json(
            status, errorBody("Incorrect API key provided: sk-shape***6789.",
                              "invalid_request_error", "invalid_api_key")));
    }
    OpenAIClient client(settings, m_credentials.get(), PriceTable::defaults(), nullptr);
    ModelsCall *call = client.listModels(QStringLiteral("key-validation"));
    QSignalSpy finished(call, &ModelsCall::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY(!call->result().ok);
    QCOMPARE(int(call->result().error.type), type);
    delete call;
}

QTEST_GUILESS_MAIN(TestRequestShape)
#include "tst_requestshape.moc"
