#include "openai/sseparser.h"
#include "openai/streamchunkdecoder.h"
#include "streamfixtures.h"

#include <QtTest>

using namespace StreamFixtures;

namespace {

class CollectingSink final : public ContentSink
{
public:
    void appendContent(const char *utf8, qsizetype size) override { text.append(utf8, size); }
    QByteArray text;
};

struct Decoded
{
    QByteArray content;
    QString finishReason;
    bool done = false;
    bool error = false;
    QString errorMessage;
    int events = 0;
    QList<QByteArray> types;
};

// Feeds `input` in pieces of `step` bytes (0 = all at once) through the parser and decoder.
Decoded decode(const QByteArray &input, int step)
{
    SseParser parser;
    CollectingSink sink;
    StreamChunkDecoder decoder(&sink);
    Decoded result;
    const int size = step > 0 ? step : int(input.size());
    for (qsizetype offset = 0; offset < input.size() && !result.done && !result.error;
         offset += size) {
        parser.append(QByteArrayView(input.constData() + offset,
                                     qMin<qsizetype>(size, input.size() - offset)));
        parser.parse([&](const SseParser::Event &event) {
            ++result.events;
            result.types.append(event.type.toByteArray());
            switch (decoder.decode(event.type, event.data, SseParser::Padding)) {
            case StreamChunkDecoder::Status::Continue:
                return true;
            case StreamChunkDecoder::Status::Done:
                result.done = true;
                return false;
            case StreamChunkDecoder::Status::Error:
                result.error = true;
                result.errorMessage = decoder.error().message;
                return false;
            }
            return true;
        });
    }
    result.content = sink.text;
    result.finishReason = decoder.finishReason();
    return result;
}

} // namespace

// The SSE framing and chunk decoding in-process, fed whole and byte by byte.
class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void framings_data();
    void framings();
    void rawEvents_data();
    void rawEvents();
    void midStreamError();
    void toolCallDeltasAreAssembled();
    void usageAndModelAreRead();
    void malformedJsonIsReported();
};

void TestSseParser::framings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("content");

    const QStringList pieces{"Hello", ", ", "world", "!"};
    QTest::newRow("lf") << stream(pieces) << QByteArray("Hello, world!");
    QTest::newRow("crlf") << stream(pieces, 10, 5, "\r\n") << QByteArray("Hello, world!");
    QTest::newRow("cr") << stream(pieces, 10, 5, "\r") << QByteArray("Hello, world!");

    QByteArray noSpace = stream(pieces);
    noSpace.replace("data: ", "data:");
    QTest::newRow("data without space") << noSpace << QByteArray("Hello, world!");

    // One JSON object spread over several data: lines (joined with '\n', which JSON ignores).
    const QByteArray multi = "data: {\"choices\":[{\"index\":0,\n"
                             "data: \"delta\":{\"content\":\"multi\"},\n"
                             "data: \"finish_reason\":null}]}\n\n" +
                             sseEvent(finishChunk()) + sseEvent("[DONE]");
    QTest::newRow("multi-line data") << multi << QByteArray("multi");

    QByteArray comments = ": keep-alive\n\n" + sseEvent(contentChunk("a")) +
                          ": OPENROUTER PROCESSING\n" + sseEvent(contentChunk("b")) + ":\n" +
                          sseEvent(finishChunk()) + sseEvent("[DONE]");
    QTest::newRow("comments") << comments << QByteArray("ab");

    QByteArray fields = "event: message\nid: 1\nretry: 3000\n" + sseEvent(contentChunk("x")) +
                        "event: completion\ndata: " + contentChunk("y") + "\n\n" + "unknown: z\n" +
                        sseEvent(finishChunk()) + sseEvent("[DONE]");
    QTest::newRow("event, id, retry and unknown fields") << fields << QByteArray("xy");

    QByteArray mixed = "data: " + contentChunk("1") + "\r\n\r\n" + "data: " + contentChunk("2") +
                       "\n\r" + "data: " + contentChunk("3") + "\r\r" + sseEvent(finishChunk()) +
                       sseEvent("[DONE]");
    QTest::newRow("mixed line ends") << mixed << QByteArray("123");

    const QString separators = QStringLiteral("line\u2028separator\u2029paragraph");
    QTest::newRow("U+2028 and U+2029 are content") << stream({separators}) << separators.toUtf8();

    QTest::newRow("multi-byte UTF-8")
        << stream({QStringLiteral("h\u00e9llo "), QStringLiteral("\u20ac\U0001F600")})
        << QStringLiteral("h\u00e9llo \u20ac\U0001F600").toUtf8();

    QTest::newRow("escaped unicode")
        << (sseEvent(
                R"({"choices":[{"index":0,"delta":{"content":"\u00e9\ud83d\ude00\n\"q\""},"finish_reason":null}]})") +
            sseEvent(finishChunk()) + sseEvent("[DONE]"))
        << QStringLiteral("\u00e9\U0001F600\n\"q\"").toUtf8();

    QTest::newRow("empty deltas") << stream({"", "a", ""}) << QByteArray("a");
}

void TestSseParser::framings()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, content);
    for (int step : {0, 1, 2, 3, 7, 64}) {
        const Decoded decoded = decode(input, step);
        QVERIFY2(!decoded.error, qPrintable(decoded.errorMessage));
        QCOMPARE(decoded.content, content);
        QVERIFY2(decoded.done, qPrintable(QStringLiteral("no [DONE] with step %1").arg(step)));
        QCOMPARE(decoded.finishReason, QStringLiteral("stop"));
    }
}

void TestSseParser::rawEvents_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("datas");

    QTest::newRow("two events") << QByteArray("data: a\n\ndata: b\n\n")
                                << QList<QByteArray>{"a", "b"};
    QTest::newRow("incomplete last event is kept back")
        << QByteArray("data: a\n\ndata: b\n") << QList<QByteArray>{"a"};
    QTest::newRow("blank lines without data dispatch nothing")
        << QByteArray("\n\n\ndata: a\n\n\n") << QList<QByteArray>{"a"};
    QTest::newRow("field without colon")
        << QByteArray("data\n\ndata: x\n\n") << QList<QByteArray>{"", "x"};
    QTest::newRow("only one leading space is stripped")
        << QByteArray("data:  two\n\n") << QList<QByteArray>{" two"};
    QTest::newRow("three lines") << QByteArray("data: 1\ndata: 2\ndata:3\n\n")
                                 << QList<QByteArray>{"1\n2\n3"};
    QTest::newRow("CR then LF split across reads")
        << QByteArray("data: a\r\n\r\ndata: b\r\r") << QList<QByteArray>{"a", "b"};
}

void TestSseParser::rawEvents()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, datas);
    for (int step : {0, 1, 2, 5}) {
        SseParser parser;
        QList<QByteArray> seen;
        const int size = step > 0 ? step : int(input.size());
        for (qsizetype offset = 0; offset < input.size(); offset += size) {
            parser.append(QByteArrayView(input.constData() + offset,
                                         qMin<qsizetype>(size, input.size() - offset)));
            parser.parse([&](const SseParser::Event &event) {
                seen.append(event.data.toByteArray());
                return true;
            });
        }
        QCOMPARE(seen, datas);
    }
}

void TestSseParser::midStreamError()
{
    const QByteArray input =
        sseEvent(contentChunk("partial")) +
        sseEvent(
            errorBody("The server had an error while processing your request.", "server_error")) +
        sseEvent(finishChunk());
    for (int step : {0, 1}) {
        const Decoded decoded = decode(input, step);
        QVERIFY(decoded.error);
        QCOMPARE(decoded.content, QByteArray("partial"));
        QCOMPARE(decoded.errorMessage,
                 QStringLiteral("The server had an error while processing your request."));
    }
    // An "event: error" whose data is the error object itself.
    const Decoded typed =
        decode("event: error\ndata: {\"message\":\"overloaded\",\"type\":\"server_error\"}\n\n", 0);
    QVERIFY(typed.error);
    QCOMPARE(typed.errorMessage, QStringLiteral("overloaded"));
}

void TestSseParser::toolCallDeltasAreAssembled()
{
    auto toolDelta = [](int index, const QJsonObject &call) {
        QJsonObject withIndex = call;
        withIndex.insert("index", index);
        return sseEvent(json(chunkObject(QJsonObject{{"tool_calls", QJsonArray{withIndex}}})));
    };
    const QByteArray input =
        toolDelta(0, {{"id", "call_1"},
                      {"type", "function"},
                      {"function", QJsonObject{{"name", "lookup_order"}, {"arguments", ""}}}}) +
        toolDelta(0, {{"function", QJsonObject{{"arguments", "{\"order"}}}}) +
        toolDelta(1, {{"id", "call_2"},
                      {"type", "function"},
                      {"function", QJsonObject{{"name", "transfer"}, {"arguments", "{}"}}}}) +
        toolDelta(0, {{"function", QJsonObject{{"arguments", "_id\":\"A-17\"}"}}}}) +
        sseEvent(finishChunk("tool_calls")) + sseEvent("[DONE]");
    for (int step : {0, 1, 13}) {
        SseParser parser;
        CollectingSink sink;
        StreamChunkDecoder decoder(&sink);
        const int size = step > 0 ? step : int(input.size());
        for (qsizetype offset = 0; offset < input.size(); offset += size) {
            parser.append(QByteArrayView(input.constData() + offset,
                                         qMin<qsizetype>(size, input.size() - offset)));
            parser.parse([&](const SseParser::Event &e) {
                return decoder.decode(e.type, e.data, SseParser::Padding) ==
                       StreamChunkDecoder::Status::Continue;
            });
        }
        const QList<ToolCall> calls = decoder.toolCalls();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0), (ToolCall{"call_1", "lookup_order", "{\"order_id\":\"A-17\"}"}));
        QCOMPARE(calls.at(1), (ToolCall{"call_2", "transfer", "{}"}));
        QCOMPARE(decoder.finishReason(), QStringLiteral("tool_calls"));
    }
}

void TestSseParser::usageAndModelAreRead()
{
    SseParser parser;
    CollectingSink sink;
    StreamChunkDecoder decoder(&sink);
    parser.append(stream({"a"}, 123, 45));
    parser.parse([&](const SseParser::Event &e) {
        return decoder.decode(e.type, e.data, SseParser::Padding) ==
               StreamChunkDecoder::Status::Continue;
    });
    QVERIFY(decoder.hasUsage());
    QCOMPARE(decoder.usage().promptTokens, 123);
    QCOMPARE(decoder.usage().completionTokens, 45);
    QCOMPARE(decoder.usage().totalTokens, 168);
    QCOMPARE(decoder.model(), QStringLiteral("gpt-4-1106-preview"));
    QVERIFY(decoder.sawDone());
}

void TestSseParser::malformedJsonIsReported()
{
    const Decoded decoded =
        decode(sseEvent(contentChunk("ok")) + "data: {\"choices\":[{\"delta\":\n\n", 0);
    QVERIFY(decoded.error);
    QCOMPARE(decoded.content, QByteArray("ok"));
    QVERIFY2(decoded.errorMessage.contains(QLatin1String("malformed")),
             qPrintable(decoded.errorMessage));
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
