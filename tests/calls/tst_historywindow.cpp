#include "calls/historywindow.h"
#include "openai/openaiclient.h"
#include "sim/simfault.h"
#include "sim/simtiming.h"
#include "sim/simulatorserver.h"
#include "tokens/chattokencounter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// The history window: pinned system prompt and context, the most recent turns within an exact
// token limit, and older turns folded into a running summary by the cheaper model (simulator
// over a real loopback socket).
class TestHistoryWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fitsTheLimitExactly_data();
    void fitsTheLimitExactly();
    void pinnedPartIsAlwaysKept();
    void newestTurnIsAlwaysSent();
    void supervisorInstructionsAreSystemMessages();
    void foldsDroppedTurnsIntoSummary();
    void secondFoldBuildsOnTheFirst();
    void failedSummaryIsReportedAndRetried();

private:
    static int countPrompt(const QList<ChatMessage> &messages);
    static QString turnText(int i);
    void addTurns(HistoryWindow &window, int count);
    QList<QJsonObject> summaryRequests() const;

    std::unique_ptr<SimulatorServer> m_sim;
    std::unique_ptr<OpenAIClient> m_client;
};

static const QString kModel = QStringLiteral("gpt-4o");

static ModelConfig cheaperModel()
{
    ModelConfig config;
    config.model = QStringLiteral("gpt-3.5-turbo");
    config.temperature = 0.7;
    config.maxTokens = 1000;
    return config;
}

void TestHistoryWindow::init()
{
    m_sim = std::make_unique<SimulatorServer>();
    QVERIFY(m_sim->listen());
    m_sim->setTiming(SimTiming::instant());
    ClientSettings settings;
    settings.baseUrl = m_sim->baseUrl();
    m_client = std::make_unique<OpenAIClient>(settings, nullptr, PriceTable::defaults(), nullptr);
}

void TestHistoryWindow::cleanup()
{
    m_client.reset();
    m_sim.reset();
}

int TestHistoryWindow::countPrompt(const QList<ChatMessage> &messages)
{
    QList<ChatTokenMessage> counted;
    for (const ChatMessage &m : messages)
        counted.append(ChatTokenMessage{m.roleName(), m.content, m.name});
    return ChatTokenCounter(kModel).countPrompt(counted);
}

QString TestHistoryWindow::turnText(int i)
{
    // Varied lengths so that limits fall between turns in different places.
    QString text = QStringLiteral("Turn %1: ").arg(i);
    for (int k = 0; k < 3 + (i * 7) % 11; ++k)
        text += QStringLiteral("word%1 ").arg(k);
    return text.trimmed();
}

void TestHistoryWindow::addTurns(HistoryWindow &window, int count)
{
    const int start = int(window.turns().size());
    for (int i = start; i < start + count; ++i) {
        window.append(i % 2 == 0 ? HistoryTurn::customer(turnText(i))
                                 : HistoryTurn::agent(turnText(i)));
    }
}

QList<QJsonObject> TestHistoryWindow::summaryRequests() const
{
    QList<QJsonObject> found;
    for (const QByteArray &body : m_sim->receivedBodies()) {
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        const QJsonArray messages = json.value(QLatin1String("messages")).toArray();
        if (!messages.isEmpty() && messages.last()
                                       .toObject()
                                       .value(QLatin1String("content"))
                                       .toString()
                                       .startsWith(QLatin1String("Summarise the conversation")))
            found << json;
    }
    return found;
}

void TestHistoryWindow::fitsTheLimitExactly_data()
{
    QTest::addColumn<int>("limit");
    for (int limit : {120, 150, 173, 200, 256, 300, 411, 600})
        QTest::addRow("limit %d", limit) << limit;
}

void TestHistoryWindow::fitsTheLimitExactly()
{
    QFETCH(int, limit);
    HistoryWindow window(nullptr, ModelConfig{}, kModel);
    window.setSystemPrompt(QStringLiteral("You are VoiceAI, an AI voice agent."));
    window.setContextMessage(QStringLiteral("Purpose of the call: renewal\nCustomer name: Ada"));
    window.setTokenLimit(limit);
    addTurns(window, 30);

    const HistoryWindow::Build build = window.build();
    QVERIFY(!build.overLimit);
    QCOMPARE(build.promptTokens, countPrompt(build.messages)); // exact, as the API counts
    QVERIFY(build.promptTokens <= limit);
    QCOMPARE(build.keptTurns + build.droppedTurns, 30);
    QCOMPARE(build.messages.size(), 2 + build.keptTurns);
    // The kept turns are the most recent ones, in order.
    for (int k = 0; k < build.keptTurns; ++k)
        QCOMPARE(build.messages.at(2 + k).content, turnText(build.droppedTurns + k));
    // One more (older) turn would not have fitted.
    if (build.droppedTurns > 0) {
        QList<ChatMessage> more = build.messages;
        more.insert(2, HistoryWindow::toMessage(window.turns().at(build.droppedTurns - 1)));
        QVERIFY(countPrompt(more) > limit);
    }
}

void TestHistoryWindow::pinnedPartIsAlwaysKept()
{
    HistoryWindow window(nullptr, ModelConfig{}, kModel);
    window.setSystemPrompt(QStringLiteral("System prompt"));
    window.setContextMessage(QStringLiteral("Context: products - Fibre 500"));
    window.setTokenLimit(40);
    addTurns(window, 10);
    const HistoryWindow::Build build = window.build();
    QCOMPARE(build.messages.at(0).role, ChatMessage::Role::System);
    QCOMPARE(build.messages.at(0).content, QStringLiteral("System prompt"));
    QCOMPARE(build.messages.at(1).content, QStringLiteral("Context: products - Fibre 500"));
}

void TestHistoryWindow::newestTurnIsAlwaysSent()
{
    HistoryWindow window(nullptr, ModelConfig{}, kModel);
    window.setSystemPrompt(QString(400, u'x'));
    window.setTokenLimit(20);
    window.append(HistoryTurn::customer(QStringLiteral("Hello, who is this?")));
    const HistoryWindow::Build build = window.build();
    QVERIFY(build.overLimit);
    QCOMPARE(build.keptTurns, 1);
    QCOMPARE(build.messages.last().content, QStringLiteral("Hello, who is this?"));
}

void TestHistoryWindow::supervisorInstructionsAreSystemMessages()
{
    const ChatMessage whisper = HistoryWindow::toMessage(HistoryTurn::instruction(
        QStringLiteral("Offer the 10% loyalty discount."), QStringLiteral("maria")));
    QCOMPARE(whisper.role, ChatMessage::Role::System);
    QVERIFY(whisper.content.startsWith(QLatin1String("Supervisor guidance (from maria")));
    QVERIFY(whisper.content.endsWith(QLatin1String("): Offer the 10% loyalty discount.")));
    QCOMPARE(HistoryWindow::toMessage(HistoryTurn::customer(QStringLiteral("hi"))).role,
             ChatMessage::Role::User);
    QCOMPARE(HistoryWindow::toMessage(HistoryTurn::agent(QStringLiteral("hello"))).role,
             ChatMessage::Role::Assistant);

    HistoryWindow window(nullptr, ModelConfig{}, kModel);
    window.setTokenLimit(1000);
    window.append(HistoryTurn::customer(QStringLiteral("Is there a discount?")));
    window.append(HistoryTurn::instruction(QStringLiteral("Offer 10%."), QStringLiteral("maria")));
    const HistoryWindow::Build build = window.build();
    QCOMPARE(build.keptTurns, 2);
    QCOMPARE(build.messages.last().role, ChatMessage::Role::System);
}

void TestHistoryWindow::foldsDroppedTurnsIntoSummary()
{
    HistoryWindow window(m_client.get(), cheaperModel(), kModel);
    window.setSystemPrompt(QStringLiteral("You are VoiceAI, an AI voice agent."));
    window.setContextMessage(QStringLiteral("Purpose of the call: renewal"));
    window.setCallId(QStringLiteral("call-42"));
    window.setTokenLimit(150);
    addTurns(window, 12);
    QSignalSpy updated(&window, &HistoryWindow::summaryUpdated);

    const HistoryWindow::Build first = window.build();
    QVERIFY(first.droppedTurns > 0);
    QVERIFY(window.isSummarising());
    QVERIFY(updated.wait(10000));
    QVERIFY(!window.isSummarising());
    const QString summary = updated.first().at(0).toString();
    QVERIFY(!summary.isEmpty());
    QCOMPARE(updated.first().at(1).toInt(), first.droppedTurns);
    QCOMPARE(window.summary(), summary);
    QCOMPARE(window.summarisedTurns(), first.droppedTurns);

    // On the wire: the cheaper model, the recognised instruction, exactly the dropped turns.
    const QList<QJsonObject> requests = summaryRequests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().value(QLatin1String("model")).toString(),
             QStringLiteral("gpt-3.5-turbo"));
    const QString asked = requests.first()
                              .value(QLatin1String("messages"))
                              .toArray()
                              .last()
                              .toObject()
                              .value(QLatin1String("content"))
                              .toString();
    for (int i = 0; i < first.droppedTurns; ++i)
        QVERIFY2(asked.contains(turnText(i)), qPrintable(turnText(i)));
    QVERIFY(!asked.contains(turnText(first.droppedTurns)));

    // The next build carries the summary as a pinned system message and still fits.
    const HistoryWindow::Build second = window.build();
    QCOMPARE(second.messages.at(2).role, ChatMessage::Role::System);
    QVERIFY(second.messages.at(2).content.contains(summary));
    QCOMPARE(second.promptTokens, countPrompt(second.messages));
    QVERIFY(second.promptTokens <= 150 || second.keptTurns == 1);
}

void TestHistoryWindow::secondFoldBuildsOnTheFirst()
{
    HistoryWindow window(m_client.get(), cheaperModel(), kModel);
    window.setSystemPrompt(QStringLiteral("You are VoiceAI."));
    window.setTokenLimit(180);
    addTurns(window, 10);
    QSignalSpy updated(&window, &HistoryWindow::summaryUpdated);
    window.build();
    QVERIFY(updated.wait(10000));
    const QString firstSummary = window.summary();
    const int firstCovered = window.summarisedTurns();

    m_sim->queueReply(QStringLiteral("The customer wants the renewal and gave turns up to now."));
    addTurns(window, 10);
    window.build();
    QVERIFY(updated.wait(10000));
    QCOMPARE(window.summary(),
             QStringLiteral("The customer wants the renewal and gave turns up to now."));
    QVERIFY(window.summarisedTurns() > firstCovered);
    const QList<QJsonObject> requests = summaryRequests();
    QCOMPARE(requests.size(), 2);
    const QString asked = requests.last()
                              .value(QLatin1String("messages"))
                              .toArray()
                              .last()
                              .toObject()
                              .value(QLatin1String("content"))
                              .toString();
    QVERIFY(asked.contains(firstSummary));
    // Turns already folded are sent only through the summary, not again as conversation.
    const QString added = asked.mid(asked.indexOf(QLatin1String("Conversation to add:")));
    QVERIFY(!added.contains(turnText(0)));
    QVERIFY(added.contains(turnText(firstCovered)));
}

void TestHistoryWindow::failedSummaryIsReportedAndRetried()
{
    HistoryWindow window(m_client.get(), cheaperModel(), kModel);
    window.setTokenLimit(100);
    addTurns(window, 10);
    m_sim->queueFault(SimFault::httpError(400));
    QSignalSpy failed(&window, &HistoryWindow::summaryFailed);
    QSignalSpy updated(&window, &HistoryWindow::summaryUpdated);
    window.build();
    QVERIFY(failed.wait(10000));
    QVERIFY(!failed.first().at(0).toString().isEmpty());
    QVERIFY(window.summary().isEmpty());
    QCOMPARE(window.summarisedTurns(), 0);
    // The next build tries again.
    window.build();
    QVERIFY(updated.wait(10000));
    QVERIFY(!window.summary().isEmpty());
}

QTEST_GUILESS_MAIN(TestHistoryWindow)
#include "tst_historywindow.moc"
