#include "sim/simreplygenerator.h"
#include "sim/simtokens.h"

#include <QTest>

// Reply choice without a queued reply: customer, summary and agent modes, and determinism.
class TestSimReplyGenerator : public QObject
{
    Q_OBJECT

private slots:
    void modes_data();
    void modes();
    void agentDisclosesOnFirstTurn();
    void agentUsesContext_data();
    void agentUsesContext();
    void agentFollowsWhisperOnce();
    void agentNeverGreetsAgain();
    void customerFollowsPersona();
    void customerOutcomes_data();
    void customerOutcomes();
    void summaryMentionsTheConversation();
    void deterministicForASeed();
    void piecesRebuildTheText_data();
    void piecesRebuildTheText();

private:
    static SimChatRequest request(const QList<SimMessage> &messages);
    static QList<SimMessage> agentContext();
    static QString personaPrompt(const QString &mood, const QString &pushback, const QString &goal,
                                 const QString &facts, int turns);
    // Lets the simulated agent and the simulated customer talk; returns the transcript.
    static QStringList playCall(const QString &persona, quint64 seed, int maxLines = 30);
};

SimChatRequest TestSimReplyGenerator::request(const QList<SimMessage> &messages)
{
    SimChatRequest r;
    r.model = QStringLiteral("gpt-4-1106-preview");
    r.messages = messages;
    return r;
}

QList<SimMessage> TestSimReplyGenerator::agentContext()
{
    return {{QStringLiteral("system"), QStringLiteral("You are VoiceAI, an AI voice agent."), {}},
            {QStringLiteral("system"),
             QStringLiteral("Call context (confidential; use it, do not read it aloud):\n\n"
                            "Purpose of the call: Renewal of the broadband contract\n"
                            "Customer name: Dana Smith\n\nPrevious interactions:\n(none)\n\n"
                            "Relevant products and services:\nFibre 500; Fibre 1000\n\n"
                            "Special instructions:\n(none)\n"),
             {}}};
}

QString TestSimReplyGenerator::personaPrompt(const QString &mood, const QString &pushback,
                                             const QString &goal, const QString &facts, int turns)
{
    return QStringLiteral(
               "You are role-playing the customer in a phone call that an AI voice agent is "
               "making to you. Stay in character.\nName: Dana Smith\nGoal: %1\nMood: %2\n"
               "Facts: %3\nPushback: %4\nTurns: %5\nSpeak as a person on the phone.")
        .arg(goal, mood, facts, pushback)
        .arg(turns);
}

QStringList TestSimReplyGenerator::playCall(const QString &persona, quint64 seed, int maxLines)
{
    const SimReplyGenerator generator(seed);
    QStringList transcript; // alternating agent, customer
    while (transcript.size() < maxLines) {
        QList<SimMessage> agent = agentContext();
        QList<SimMessage> customer{{QStringLiteral("system"), persona, {}}};
        for (qsizetype i = 0; i < transcript.size(); ++i) {
            const bool agentLine = i % 2 == 0;
            agent.append({agentLine ? QStringLiteral("assistant") : QStringLiteral("user"),
                          transcript.at(i),
                          {}});
            customer.append({agentLine ? QStringLiteral("user") : QStringLiteral("assistant"),
                             transcript.at(i),
                             {}});
        }
        const bool agentTurn = transcript.size() % 2 == 0;
        const QString line = generator.reply(request(agentTurn ? agent : customer));
        transcript.append(line);
        if (agentTurn && line.contains(QLatin1String("Goodbye")))
            break;
    }
    return transcript;
}

void TestSimReplyGenerator::modes_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("mode");
    QTest::newRow("customer") << "You are role-playing the customer in a call.\nGoal: x"
                              << "Hello" << int(SimReplyGenerator::Mode::Customer);
    QTest::newRow("summary") << "You summarise calls."
                             << "Summarise the conversation so far:\nCustomer: hi"
                             << int(SimReplyGenerator::Mode::Summary);
    QTest::newRow("summary US spelling")
        << ""
        << "Summarize the conversation" << int(SimReplyGenerator::Mode::Summary);
    QTest::newRow("agent") << "You are VoiceAI."
                           << "Hello?" << int(SimReplyGenerator::Mode::Agent);
    QTest::newRow("agent, summary mentioned later")
        << "You are VoiceAI."
        << "Please summarise the conversation" << int(SimReplyGenerator::Mode::Agent);
}

void TestSimReplyGenerator::modes()
{
    QFETCH(QString, system);
    QFETCH(QString, user);
    QFETCH(int, mode);
    QCOMPARE(int(SimReplyGenerator::modeOf(request(
                 {{QStringLiteral("system"), system, {}}, {QStringLiteral("user"), user, {}}}))),
             mode);
}

void TestSimReplyGenerator::agentDisclosesOnFirstTurn()
{
    QList<SimMessage> messages = agentContext();
    messages.append({QStringLiteral("user"), QStringLiteral("Hello?"), {}});
    const QString reply = SimReplyGenerator(1).reply(request(messages));
    QVERIFY2(reply.contains(QLatin1String("I'm VoiceAI, an AI assistant")), qPrintable(reply));
    QVERIFY(reply.contains(QLatin1String("Dana Smith")));
    QVERIFY(reply.contains(QLatin1String("renewal of the broadband contract")));
}

void TestSimReplyGenerator::agentUsesContext_data()
{
    QTest::addColumn<QString>("customerLine");
    QTest::addColumn<QString>("expected");
    QTest::newRow("goodbye") << "Thanks, goodbye."
                             << "Goodbye";
    QTest::newRow("bye") << "Bye."
                         << "Goodbye";
    QTest::newRow("opt-out") << "Stop calling me. Put me on your do-not-call list."
                             << "don't want to be called again";
    QTest::newRow("human") << "Can I speak to a human, please?"
                           << "member of our team";
    QTest::newRow("price") << "How much would that cost me?"
                           << "Fibre";
    QTest::newRow("question") << "What speeds do you have?"
                              << "Fibre";
    QTest::newRow("statement") << "I use the internet a lot for work."
                               << "renewal of the broadband contract";
    QTest::newRow("frustrated") << "This is really frustrating."
                                << "sorry";
}

void TestSimReplyGenerator::agentUsesContext()
{
    QFETCH(QString, customerLine);
    QFETCH(QString, expected);
    QList<SimMessage> messages = agentContext();
    messages.append({QStringLiteral("user"), QStringLiteral("Hello?"), {}});
    messages.append({QStringLiteral("assistant"),
                     QStringLiteral("Hello Dana, I'm VoiceAI, an AI assistant."),
                     {}});
    messages.append({QStringLiteral("user"), customerLine, {}});
    for (quint64 seed : {1ull, 2ull, 3ull}) {
        const QString reply = SimReplyGenerator(seed).reply(request(messages));
        QVERIFY2(reply.contains(expected), qPrintable(reply));
        QVERIFY(!reply.contains(QLatin1String("AI assistant")));
        QVERIFY(!reply.contains(QLatin1String("[END_CALL]")));
    }
}

void TestSimReplyGenerator::agentFollowsWhisperOnce()
{
    QList<SimMessage> messages = agentContext();
    messages.append({QStringLiteral("user"), QStringLiteral("Hello?"), {}});
    messages.append({QStringLiteral("assistant"),
                     QStringLiteral("Hello Dana, I'm VoiceAI, an AI assistant."),
                     {}});
    messages.append(
        {QStringLiteral("system"),
         QStringLiteral(
             "Supervisor instruction (the customer cannot hear this; follow it from your "
             "next reply on): mention the loyalty discount"),
         {}});
    messages.append({QStringLiteral("user"), QStringLiteral("Okay, go on."), {}});
    const QString first = SimReplyGenerator(5).reply(request(messages));
    QVERIFY2(first.contains(QLatin1String("mention the loyalty discount")), qPrintable(first));
    QVERIFY(!first.contains(QLatin1String("Supervisor")));
    messages.append({QStringLiteral("assistant"), first, {}});
    messages.append({QStringLiteral("user"), QStringLiteral("I see."), {}});
    QVERIFY(!SimReplyGenerator(5).reply(request(messages)).contains(QLatin1String("loyalty")));
}

void TestSimReplyGenerator::agentNeverGreetsAgain()
{
    // After a take-over the supervisor's lines are assistant turns: no second introduction.
    QList<SimMessage> messages = agentContext();
    messages.append({QStringLiteral("user"), QStringLiteral("Hello?"), {}});
    messages.append(
        {QStringLiteral("assistant"), QStringLiteral("Hi, this is Sam from the team."), {}});
    messages.append(
        {QStringLiteral("system"),
         QStringLiteral(
             "Supervisor sam spoke with the customer and now hands the call back to you."),
         {}});
    messages.append({QStringLiteral("user"), QStringLiteral("Okay, so what now?"), {}});
    const QString reply = SimReplyGenerator(9).reply(request(messages));
    QVERIFY(!reply.contains(QLatin1String("I'm VoiceAI")));
    QVERIFY(!reply.contains(QLatin1String("hands the call back")));
}

void TestSimReplyGenerator::customerFollowsPersona()
{
    const QString persona =
        personaPrompt(QStringLiteral("friendly"), QStringLiteral("low"),
                      QStringLiteral("Get a faster connection for home office"),
                      QStringLiteral("Works from home three days a week; Has two children"), 5);
    const QStringList transcript = playCall(persona, 42);
    qInfo().noquote() << transcript.join(QLatin1Char('\n'));
    const QString customer = [&] {
        QStringList lines;
        for (qsizetype i = 1; i < transcript.size(); i += 2)
            lines.append(transcript.at(i));
        return lines.join(QLatin1Char('\n'));
    }();
    QVERIFY2(customer.contains(QLatin1String("get a faster connection for home office")),
             qPrintable(customer));
    QVERIFY(customer.contains(QLatin1String("works from home three days a week")));
    QVERIFY(customer.contains(QLatin1String("has two children")));
    QVERIFY(customer.contains(QLatin1String("Dana Smith")));
    QVERIFY(transcript.first().contains(QLatin1String("AI assistant")));
    QVERIFY2(transcript.last().contains(QLatin1String("Goodbye")),
             qPrintable(transcript.join(QLatin1Char('\n'))));
    QVERIFY(transcript.size() <= 12); // winds down after about five customer turns
}

void TestSimReplyGenerator::customerOutcomes_data()
{
    QTest::addColumn<QString>("mood");
    QTest::addColumn<QString>("pushback");
    QTest::addColumn<QString>("goal");
    QTest::addColumn<QString>("expected");
    QTest::newRow("angry, hard pushback") << "angry and fed up"
                                          << "high"
                                          << "Be left alone"
                                          << "Stop calling me";
    QTest::newRow("wants a person") << "impatient"
                                    << "medium"
                                    << "Talk to a human about the bill"
                                    << "human";
    QTest::newRow("opt-out persona") << "calm"
                                     << "low"
                                     << "Ask to be put on the do-not-call list"
                                     << "do-not-call";
    QTest::newRow("friendly") << "friendly"
                              << "low"
                              << "Learn about the offer"
                              << "goodbye";
}

void TestSimReplyGenerator::customerOutcomes()
{
    QFETCH(QString, mood);
    QFETCH(QString, pushback);
    QFETCH(QString, goal);
    QFETCH(QString, expected);
    for (quint64 seed : {1ull, 7ull, 99ull}) {
        const QStringList transcript =
            playCall(personaPrompt(mood, pushback, goal, QString(), 6), seed);
        if (seed == 1)
            qInfo().noquote() << transcript.join(QLatin1Char('\n'));
        QString customer;
        for (qsizetype i = 1; i < transcript.size(); i += 2)
            customer += transcript.at(i) + QLatin1Char('\n');
        QVERIFY2(customer.contains(expected, Qt::CaseInsensitive),
                 qPrintable(transcript.join(QLatin1Char('\n'))));
        QVERIFY(transcript.last().contains(QLatin1String("Goodbye")) || transcript.size() < 30);
    }
}

void TestSimReplyGenerator::summaryMentionsTheConversation()
{
    const QList<SimMessage> messages{
        {QStringLiteral("system"), QStringLiteral("You summarise telephone conversations."), {}},
        {QStringLiteral("user"),
         QStringLiteral(
             "Summarise the conversation below.\nAgent: Hello, I'm VoiceAI, an AI assistant.\n"
             "Customer: I want a cheaper plan.\nAgent: Fibre 500 is cheaper.\nCustomer: Okay, "
             "goodbye."),
         {}}};
    const QString summary = SimReplyGenerator(3).reply(request(messages));
    QVERIFY2(summary.startsWith(QLatin1String("Summary:")), qPrintable(summary));
    QVERIFY(summary.contains(QLatin1String("2 customer and 2 agent turns")));
    QVERIFY(summary.contains(QLatin1String("I want a cheaper plan.")));
    QVERIFY(summary.contains(QLatin1String("Fibre 500 is cheaper.")));
}

void TestSimReplyGenerator::deterministicForASeed()
{
    const QString persona =
        personaPrompt(QStringLiteral("impatient"), QStringLiteral("medium"),
                      QStringLiteral("Lower my bill"), QStringLiteral("Pays 60 a month"), 6);
    QCOMPARE(playCall(persona, 1234), playCall(persona, 1234));
    bool anyDifferent = false;
    for (quint64 seed = 1; seed < 10 && !anyDifferent; ++seed)
        anyDifferent = playCall(persona, seed) != playCall(persona, seed + 100);
    QVERIFY(anyDifferent);
}

void TestSimReplyGenerator::piecesRebuildTheText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << "Hello there, how are you?";
    QTest::newRow("spaces") << "  two  spaces\nand a newline ";
    QTest::newRow("unicode") << "Grüße 👋 an Zoë — ok?";
    QTest::newRow("empty") << "";
}

void TestSimReplyGenerator::piecesRebuildTheText()
{
    QFETCH(QString, text);
    const QStringList pieces = SimTokens::pieces(text);
    QCOMPARE(pieces.join(QString()), text);
    for (const QString &piece : pieces) {
        QVERIFY(!piece.isEmpty());
        QVERIFY(!piece.back().isHighSurrogate());
    }
    if (!text.trimmed().isEmpty())
        QVERIFY(SimTokens::count(QStringLiteral("gpt-4o"), text) >= 1);
}

QTEST_GUILESS_MAIN(TestSimReplyGenerator)
#include "tst_simreplygenerator.moc"
