#include "clientfixture.h"
#include "loopbackhttpserver.h"
#include "metrics/metricsregistry.h"
#include "streamfixtures.h"

#include <QJsonDocument>
#include <QtTest>

using namespace StreamFixtures;
using Response = LoopbackHttpServer::Response;

// Streamed and plain chat completions over a real loopback socket with the real client.
class TestChatStreaming : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void framings_data();
    void framings();
    void chunkedTransfer();
    void brokenStreams_data();
    void brokenStreams();
    void midStreamErrorKeepsMessage();
    void plainCompletion();
    void toolCalls();
    void deltasAreBatched();
    void cancelStopsSignals();
    void metricsAreRecorded();
    void destroyingTheClientCancels();
    void doneEndsTheAnswerOnAnOpenConnection();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
    std::unique_ptr<StaticCredentials> m_credentials;
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<OpenAIClient> m_client;
};

void TestChatStreaming::init()
{
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->listen());
    m_credentials = std::make_unique<StaticCredentials>();
    m_metrics = std::make_unique<MetricsRegistry>();
    ClientSettings settings;
    settings.baseUrl = m_server->baseUrl();
    m_client = std::make_unique<OpenAIClient>(settings, m_credentials.get(), PriceTable::defaults(),
                                              m_metrics.get());
}

void TestChatStreaming::cleanup()
{
    m_client.reset();
    m_metrics.reset();
    m_credentials.reset();
    m_server.reset();
}

void TestChatStreaming::framings_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("split"); // 0 = whole, > 0 = pieces of that size, -1 = inside UTF-8

    const QStringList pieces{"Hello", ", ", "world", "!"};
    const QString text = QStringLiteral("Hello, world!");
    const QString utf8Text = QStringLiteral("h\u00e9 \u20ac\U0001F600 \u2028\u2029end");
    const QStringList utf8Pieces{QStringLiteral("h\u00e9 "), QStringLiteral("\u20ac\U0001F600"),
                                 QStringLiteral(" \u2028\u2029end")};
    QByteArray noSpace = stream(pieces);
    noSpace.replace("data: ", "data:");
    const QByteArray comments = ": keep-alive\n\n" + sseEvent(contentChunk("Hello, ")) +
                                ": ping\n" + sseEvent(contentChunk("world!")) +
                                sseEvent(finishChunk()) + sseEvent(usageChunk(10, 5)) +
                                sseEvent("[DONE]");
    const QByteArray multiLine = "data: {\"choices\":[{\"index\":0,\n"
                                 "data: \"delta\":{\"content\":\"Hello, world!\"},\n"
                                 "data: \"finish_reason\":null}]}\n\n" +
                                 sseEvent(finishChunk()) + sseEvent(usageChunk(10, 5)) +
                                 sseEvent("[DONE]");
    const QByteArray events = "event: message\nid: 7\n" + sseEvent(contentChunk(text)) +
                              sseEvent(finishChunk()) + sseEvent(usageChunk(10, 5)) +
                              sseEvent("[DONE]");
    struct Row
    {
        const char *name;
        QByteArray stream;
        QString content;
    };
    const QList<Row> rows{
        {"lf", stream(pieces), text},
        {"crlf", stream(pieces, 10, 5, "\r\n"), text},
        {"cr", stream(pieces, 10, 5, "\r"), text},
        {"data without space", noSpace, text},
        {"comments", comments, text},
        {"multi-line data", multiLine, text},
        {"event and id lines", events, text},
        {"utf-8 and line separators", stream(utf8Pieces), utf8Text},
    };
    for (const Row &row : rows) {
        QTest::addRow("%s whole", row.name) << row.stream << row.content << 0;
        QTest::addRow("%s 7-byte pieces", row.name) << row.stream << row.content << 7;
    }
    QTest::addRow("utf-8 split inside characters") << stream(utf8Pieces) << utf8Text << -1;
    QTest::addRow("utf-8 byte by byte") << stream(utf8Pieces) << utf8Text << 1;
}

void TestChatStreaming::framings()
{
    QFETCH(QByteArray, stream);
    QFETCH(QString, content);
    QFETCH(int, split);

    Response response = LoopbackHttpServer::eventStream(stream, {{"x-request-id", "req_framing"}});
    if (split > 0) {
        response.splitBody(split, 1);
    } else if (split < 0) {
        // Cut right after the first byte of every multi-byte UTF-8 sequence.
        QList<int> offsets;
        for (int i = 0; i < stream.size(); ++i) {
            if ((uchar(stream.at(i)) & 0xC0) == 0xC0)
                offsets.append(i + 1);
        }
        QVERIFY(offsets.size() >= 5);
        response.splitBodyAt(offsets, 5);
    }
    m_server->enqueue(response);

    const CallOutcome outcome = runCall(*m_client, testRequest(true));
    QVERIFY(outcome.finishedInTime);
    QCOMPARE(outcome.finishedCount, 1);
    const ChatResult &result = outcome.result;
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.content, content);
    QCOMPARE(outcome.deltas.join(QString()), content);
    QCOMPARE(result.finishReason, QStringLiteral("stop"));
    QCOMPARE(result.usage.promptTokens, 10);
    QCOMPARE(result.usage.completionTokens, 5);
    QCOMPARE(result.usage.totalTokens, 15);
    QCOMPARE(result.requestId, QStringLiteral("req_framing"));
    QCOMPARE(result.attempts.size(), 1);
    QCOMPARE(result.attempts.at(0).httpStatus, 200);
    QVERIFY(result.ttftMs >= 0);
    QVERIFY(result.latencyMs >= result.ttftMs);
    QVERIFY(!result.incomplete);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatStreaming::chunkedTransfer()
{
    const QByteArray body = stream({"chunked ", "transfer"});
    QList<QByteArray> pieces;
    for (int i = 0; i < body.size(); i += 11)
        pieces.append(body.mid(i, 11));
    m_server->enqueue(LoopbackHttpServer::chunkedEventStream(pieces));
    const CallOutcome outcome = runCall(*m_client, testRequest(true));
    QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));
    QCOMPARE(outcome.result.content, QStringLiteral("chunked transfer"));
}

void TestChatStreaming::brokenStreams_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("ending");
    QTest::addColumn<QString>("partial");

    const QByteArray partial = sseEvent(roleChunk()) + sseEvent(contentChunk("Half a ")) +
                               sseEvent(contentChunk("sentence"));
    QTest::newRow("closed before [DONE]")
        << partial << int(LoopbackHttpServer::Ending::Close) << QStringLiteral("Half a sentence");
    QTest::newRow("reset before [DONE]")
        << partial << int(LoopbackHttpServer::Ending::Reset) << QStringLiteral("Half a sentence");
    QTest::newRow("closed inside an event")
        << QByteArray(partial + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lost")
        << int(LoopbackHttpServer::Ending::Close) << QStringLiteral("Half a sentence");
}

void TestChatStreaming::brokenStreams()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, ending);
    QFETCH(QString, partial);
    m_server->enqueue(LoopbackHttpServer::eventStream(stream).splitBody(40, 2).then(
        LoopbackHttpServer::Ending(ending)));
    m_server->enqueue(LoopbackHttpServer::eventStream(StreamFixtures::stream({"replayed"})));

    const CallOutcome outcome = runCall(*m_client, testRequest(true));
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY(!outcome.result.ok());
    QCOMPARE(outcome.result.error.type, ChatErrorType::IncompleteStream);
    QVERIFY(outcome.result.incomplete);
    QCOMPARE(outcome.result.content, partial);
    QCOMPARE(outcome.deltas.join(QString()), partial);
    // Text that reached the caller is never silently replayed.
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatStreaming::midStreamErrorKeepsMessage()
{
    const QByteArray body =
        sseEvent(contentChunk("Before the error. ")) +
        sseEvent(errorBody("The model is overloaded right now.", "server_error")) +
        sseEvent(contentChunk("never seen"));
    m_server->enqueue(LoopbackHttpServer::eventStream(body).then(LoopbackHttpServer::Ending::Hang));
    const CallOutcome outcome = runCall(*m_client, testRequest(true));
    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(outcome.result.error.type, ChatErrorType::Server);
    QCOMPARE(outcome.result.error.message, QStringLiteral("The model is overloaded right now."));
    QCOMPARE(outcome.result.content, QStringLiteral("Before the error. "));
    QVERIFY(outcome.result.incomplete);
}

void TestChatStreaming::plainCompletion()
{
    m_server->enqueue(LoopbackHttpServer::json(200, completion("Plain answer.", 1000, 500),
                                               {{"x-request-id", "req_plain"}}));
    const CallOutcome outcome = runCall(*m_client, testRequest(false));
    QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));
    QCOMPARE(outcome.result.content, QStringLiteral("Plain answer."));
    QCOMPARE(outcome.result.requestId, QStringLiteral("req_plain"));
    QCOMPARE(outcome.result.usage.totalTokens, 1500);
    // gpt-4-1106-preview: $10 / 1M input, $30 / 1M output.
    QCOMPARE(outcome.result.costUsd, 1000 * 10.0 / 1e6 + 500 * 30.0 / 1e6);
    const QJsonObject body = QJsonDocument::fromJson(m_server->requests().at(0).body).object();
    QVERIFY(!body.contains("stream"));
    QVERIFY(!body.contains("stream_options"));
}

void TestChatStreaming::toolCalls()
{
    auto toolDelta = [](int index, const QJsonObject &call) {
        QJsonObject withIndex = call;
        withIndex.insert("index", index);
        return sseEvent(json(chunkObject(QJsonObject{{"tool_calls", QJsonArray{withIndex}}})));
    };
    const QByteArray body =
        toolDelta(0, {{"id", "call_a"},
                      {"type", "function"},
                      {"function", QJsonObject{{"name", "get_weather"}, {"arguments", ""}}}}) +
        toolDelta(0, {{"function", QJsonObject{{"arguments", "{\"city\":"}}}}) +
        toolDelta(0, {{"function", QJsonObject{{"arguments", "\"Paris\"}"}}}}) +
        sseEvent(finishChunk("tool_calls")) + sseEvent(usageChunk(20, 7)) + sseEvent("[DONE]");
    m_server->enqueue(LoopbackHttpServer::eventStream(body).splitBody(9, 1));
    ChatRequest request = testRequest(true);
    request.tools = QJsonArray{
        QJsonObject{{"type", "function"}, {"function", QJsonObject{{"name", "get_weather"}}}}};
    request.toolChoice = QStringLiteral("auto");
    const CallOutcome outcome = runCall(*m_client, request);
    QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));
    QCOMPARE(outcome.result.finishReason, QStringLiteral("tool_calls"));
    QCOMPARE(outcome.result.toolCalls.size(), 1);
    QCOMPARE(outcome.result.toolCalls.at(0),
             (ToolCall{"call_a", "get_weather", "{\"city\":\"Paris\"}"}));
}

void TestChatStreaming::deltasAreBatched()
{
    QStringList pieces;
    for (int i = 0; i < 2000; ++i)
        pieces.append(QStringLiteral("w%1 ").arg(i));
    m_server->enqueue(LoopbackHttpServer::eventStream(stream(pieces)));
    const CallOutcome outcome = runCall(*m_client, testRequest(true));
    QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));
    QCOMPARE(outcome.deltas.join(QString()), pieces.join(QString()));
    // Batched: far fewer signals than chunks.
    QVERIFY2(outcome.deltas.size() < pieces.size() / 10,
             qPrintable(QString::number(outcome.deltas.size())));
}

void TestChatStreaming::cancelStopsSignals()
{
    m_server->enqueue(LoopbackHttpServer::eventStream(sseEvent(contentChunk("first")))
                          .then(LoopbackHttpServer::Ending::Hang));
    ChatCall *call = m_client->chat(testRequest(true));
    QSignalSpy deltas(call, &ChatCall::contentDelta);
    QSignalSpy finished(call, &ChatCall::finished);
    QVERIFY(deltas.wait(5000));
    call->cancel();
    QVERIFY(call->isCancelled());
    QCOMPARE(call->result().error.type, ChatErrorType::Cancelled);
    QCOMPARE(call->contentSoFar(), QStringLiteral("first"));
    QTest::qWait(200);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(deltas.size(), 1);
    QCOMPARE(m_client->activeCount(), 0);
    delete call;
}

void TestChatStreaming::metricsAreRecorded()
{
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"ok"}, 100, 20)));
    m_server->enqueue(LoopbackHttpServer::json(400, errorBody("bad", "invalid_request_error")));
    QVERIFY(runCall(*m_client, testRequest(true)).result.ok());
    QVERIFY(!runCall(*m_client, testRequest(true)).result.ok());
    const QString model = QStringLiteral("gpt-4-1106-preview");
    QCOMPARE(m_metrics->counter("openai.request.success", model), 1.0);
    QCOMPARE(m_metrics->counter("openai.request.failure", model), 1.0);
    QCOMPARE(m_metrics->counter("openai.tokens.prompt", model), 100.0);
    QCOMPARE(m_metrics->counter("openai.tokens.completion", model), 20.0);
    QCOMPARE(m_metrics->counter("openai.tokens.total", model), 120.0);
    QCOMPARE(m_metrics->counter("openai.model.usage", model), 2.0);
    QCOMPARE(m_metrics->histogram("openai.request.latency", model).count, quint64(2));
    QVERIFY(qAbs(m_metrics->counter("openai.cost", model) - (100 * 10.0 + 20 * 30.0) / 1e6) <
            1e-12);
}

void TestChatStreaming::destroyingTheClientCancels()
{
    m_server->enqueue(LoopbackHttpServer::eventStream(sseEvent(contentChunk("x")))
                          .then(LoopbackHttpServer::Ending::Hang));
    ChatCall *running = m_client->chat(testRequest(true));
    ChatCall *queued = m_client->chat(testRequest(true)); // waits on a retry after the default 500
    QSignalSpy finished(running, &ChatCall::finished);
    QTRY_VERIFY(!m_server->requests().isEmpty());
    m_client.reset();
    QVERIFY(running->isCancelled());
    QVERIFY(queued->isCancelled());
    QTest::qWait(100);
    QCOMPARE(finished.size(), 0);
    delete running;
    delete queued;
}

void TestChatStreaming::doneEndsTheAnswerOnAnOpenConnection()
{
    m_server->enqueue(LoopbackHttpServer::eventStream(stream({"complete"}))
                          .then(LoopbackHttpServer::Ending::Hang));
    ChatRequest request = testRequest(true);
    request.totalTimeoutMs = 5000;
    const CallOutcome outcome = runCall(*m_client, request, 4000);
    QVERIFY(outcome.finishedInTime);
    QVERIFY2(outcome.result.ok(), qPrintable(outcome.result.error.message));
    QCOMPARE(outcome.result.content, QStringLiteral("complete"));
}

QTEST_GUILESS_MAIN(TestChatStreaming)
#include "tst_chatstreaming.moc"
