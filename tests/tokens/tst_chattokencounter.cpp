#include "tokens/chattokencounter.h"

#include <QtTest>

// Prompt token counts of chat requests, checked against the prompt_tokens the API reported for
// the example conversation in OpenAI's cookbook "How to count tokens with tiktoken".
class TestChatTokenCounter final : public QObject
{
    Q_OBJECT

private slots:
    void cookbookExample_data();
    void cookbookExample();
    void perMessageOverhead();
    void emptyConversation();
};

namespace {

QList<ChatTokenMessage> cookbookMessages()
{
    return {
        {QStringLiteral("system"),
         QStringLiteral("You are a helpful, pattern-following assistant that translates "
                        "corporate jargon into plain English."),
         {}},
        {QStringLiteral("system"), QStringLiteral("New synergies will help drive top-line growth."),
         QStringLiteral("example_user")},
        {QStringLiteral("system"),
         QStringLiteral("Things working well together will increase revenue."),
         QStringLiteral("example_assistant")},
        {QStringLiteral("system"),
         QStringLiteral("Let's circle back when we have more bandwidth to touch base on "
                        "opportunities for increased leverage."),
         QStringLiteral("example_user")},
        {QStringLiteral("system"),
         QStringLiteral("Let's talk later when we're less busy about how to do better."),
         QStringLiteral("example_assistant")},
        {QStringLiteral("user"),
         QStringLiteral("This late pivot means we don't have time to boil the ocean for the "
                        "client deliverable."),
         {}},
    };
}

} // namespace

void TestChatTokenCounter::cookbookExample_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("promptTokens");
    QTest::newRow("gpt-3.5-turbo") << "gpt-3.5-turbo" << 129;
    QTest::newRow("gpt-4-0613") << "gpt-4-0613" << 129;
    QTest::newRow("gpt-4") << "gpt-4" << 129;
    QTest::newRow("gpt-4-1106-preview") << "gpt-4-1106-preview" << 129;
    QTest::newRow("gpt-4o") << "gpt-4o" << 124;
    QTest::newRow("gpt-4o-mini") << "gpt-4o-mini" << 124;
}

void TestChatTokenCounter::cookbookExample()
{
    QFETCH(QString, model);
    QFETCH(int, promptTokens);
    const ChatTokenCounter counter(model);
    QCOMPARE(counter.countPrompt(cookbookMessages()), promptTokens);
}

void TestChatTokenCounter::perMessageOverhead()
{
    const ChatTokenCounter counter(u"gpt-4o");
    const ChatTokenMessage plain{QStringLiteral("user"), QStringLiteral("Hello there"), {}};
    QCOMPARE(counter.countMessage(plain),
             3 + counter.count(u"user") + counter.count(u"Hello there"));
    ChatTokenMessage named = plain;
    named.name = QStringLiteral("alice");
    QCOMPARE(counter.countMessage(named),
             counter.countMessage(plain) + counter.count(u"alice") + 1);
    QCOMPARE(counter.countPrompt({plain, named}),
             counter.countMessage(plain) + counter.countMessage(named) + 3);
    QCOMPARE(counter.encoding().name(), QStringLiteral("o200k_base"));
}

void TestChatTokenCounter::emptyConversation()
{
    QCOMPARE(ChatTokenCounter(u"gpt-4").countPrompt({}), ChatTokenCounter::ReplyPrimingTokens);
    const ChatTokenCounter old(u"gpt-3.5-turbo-0301");
    QCOMPARE(old.tokensPerMessage(), 4);
    QCOMPARE(old.tokensPerName(), -1);
}

QTEST_GUILESS_MAIN(TestChatTokenCounter)
#include "tst_chattokencounter.moc"
