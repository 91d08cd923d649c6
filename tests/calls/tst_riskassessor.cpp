#include "calls/callstats.h"
#include "calls/riskassessor.h"
#include "store/callevent.h"
#include "store/eventkinds.h"

#include <QJsonObject>
#include <QTest>

// Table-driven checks of the risk triage: each row is a little call (a script of events and
// stats) and the flags it must and must not raise.
class TestRiskAssessor final : public QObject
{
    Q_OBJECT

private slots:
    void assess_data();
    void assess();
    void scoreIsCappedAndRanked();
    void classifiers_data();
    void classifiers();
    void similarity();
    void thresholdsAreConfigurable();
};

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);

// One line of a script: "c:text" customer, "a:text|latencyMs" agent turn, "k:kind|reason" other.
QList<CallEvent> script(const QStringList &lines)
{
    QList<CallEvent> events;
    qint64 seq = 0;
    for (const QString &line : lines) {
        CallEvent event;
        event.callId = QStringLiteral("c1");
        event.seq = ++seq;
        event.time = kStart.addSecs(seq * 5);
        const QString body = line.mid(2);
        if (line.startsWith(QLatin1String("c:"))) {
            event.actor = QStringLiteral("customer");
            event.kind = EventKind::CustomerUtterance;
            event.payload.insert(QStringLiteral("text"), body);
        } else if (line.startsWith(QLatin1String("a:"))) {
            const QStringList parts = body.split(QLatin1Char('|'));
            event.actor = QStringLiteral("agent");
            event.kind = EventKind::AgentTurn;
            event.payload.insert(QStringLiteral("text"), parts.value(0));
            event.payload.insert(QStringLiteral("latencyMs"),
                                 parts.value(1, QStringLiteral("800")).toInt());
        } else {
            const QStringList parts = body.split(QLatin1Char('|'));
            event.actor = QStringLiteral("system");
            event.kind = parts.value(0);
            if (parts.size() > 1)
                event.payload.insert(QStringLiteral("reason"), parts.value(1));
        }
        events << event;
    }
    return events;
}

CallStats calmStats(const QList<CallEvent> &events)
{
    CallStats stats;
    stats.startedAt = kStart;
    stats.durationMs = 60000;
    stats.tokenCap = 15000;
    stats.totalTokens = 1000;
    stats.modelInUse = QStringLiteral("gpt-4-1106-preview");
    stats.lastCustomerActivity = events.isEmpty() ? kStart : events.constLast().time;
    return stats;
}

QStringList codes(const RiskAssessment &assessment)
{
    QStringList out;
    for (const RiskFlag &flag : assessment.flags)
        out << flag.code();
    out.sort();
    return out;
}

} // namespace

void TestRiskAssessor::assess_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<int>("totalTokens");
    QTest::addColumn<bool>("fallback");
    QTest::addColumn<int>("silentSeconds");
    QTest::addColumn<QStringList>("expected");

    const QString greet =
        QStringLiteral("a:Hello, I'm VoiceAI, an AI assistant calling about your order.");
    QTest::newRow("calm call") << QStringList{greet,
                                              QStringLiteral("c:Yes, thanks, that sounds good.")}
                               << 1000 << false << 0 << QStringList{};
    QTest::newRow("human asked in words")
        << QStringList{greet, QStringLiteral("c:Can I speak to a real person please?")} << 1000
        << false << 0 << QStringList{QStringLiteral("human_requested")};
    QTest::newRow("human.requested event")
        << QStringList{greet, QStringLiteral("k:human.requested")} << 1000 << false << 0
        << QStringList{QStringLiteral("human_requested")};
    QTest::newRow("one negative turn is not a pattern")
        << QStringList{greet, QStringLiteral("c:This is ridiculous.")} << 1000 << false << 0
        << QStringList{};
    QTest::newRow("repeated negative")
        << QStringList{greet, QStringLiteral("c:This is ridiculous."),
                       QStringLiteral("a:I understand."),
                       QStringLiteral("c:I'm really frustrated with you people.")}
        << 1000 << false << 0 << QStringList{QStringLiteral("negative_sentiment")};
    QTest::newRow("negatives outside the window") << QStringList{greet,
                                                                 QStringLiteral("c:Terrible."),
                                                                 QStringLiteral("c:Awful."),
                                                                 QStringLiteral("c:ok"),
                                                                 QStringLiteral("c:fine"),
                                                                 QStringLiteral("c:sure"),
                                                                 QStringLiteral("c:thanks")}
                                                  << 1000 << false << 0 << QStringList{};
    QTest::newRow("long silence") << QStringList{greet} << 1000 << false << 45
                                  << QStringList{QStringLiteral("long_silence")};
    QTest::newRow("agent looping")
        << QStringList{QStringLiteral("a:Could you confirm your account number please?"),
                       QStringLiteral("c:I told you already"),
                       QStringLiteral("a:Could you please confirm your account number?")}
        << 1000 << false << 0 << QStringList{QStringLiteral("agent_looping")};
    QTest::newRow("budget near cap") << QStringList{greet} << 12500 << false << 0
                                     << QStringList{QStringLiteral("budget_near_cap")};
    QTest::newRow("budget.warning event")
        << QStringList{greet, QStringLiteral("k:budget.warning")} << 1000 << false << 0
        << QStringList{QStringLiteral("budget_near_cap")};
    QTest::newRow("fallback in use") << QStringList{greet} << 1000 << true << 0
                                     << QStringList{QStringLiteral("fallback_in_use")};
    QTest::newRow("compliance flag")
        << QStringList{greet, QStringLiteral("k:compliance.flag|AI disclosure missing")} << 1000
        << false << 0 << QStringList{QStringLiteral("compliance_flag")};
    QTest::newRow("slow turns") << QStringList{QStringLiteral("a:one|5200"), QStringLiteral("c:hm"),
                                               QStringLiteral("a:two two|6100"),
                                               QStringLiteral("c:ok")}
                                << 1000 << false << 0 << QStringList{QStringLiteral("slow_turns")};
    QTest::newRow("one slow turn of three is fine")
        << QStringList{QStringLiteral("a:one|5200"), QStringLiteral("a:second reply here|300"),
                       QStringLiteral("a:third and different|400")}
        << 1000 << false << 0 << QStringList{};
    QTest::newRow("ended calls are never silent")
        << QStringList{greet, QStringLiteral("k:call.ended")} << 1000 << false << 300
        << QStringList{};
    QTest::newRow("several at once")
        << QStringList{greet, QStringLiteral("c:This is useless, I want to talk to a manager."),
                       QStringLiteral("a:I understand."), QStringLiteral("c:Awful service.")}
        << 14000 << true << 0
        << QStringList{QStringLiteral("budget_near_cap"), QStringLiteral("fallback_in_use"),
                       QStringLiteral("human_requested"), QStringLiteral("negative_sentiment")};
}

void TestRiskAssessor::assess()
{
    QFETCH(QStringList, lines);
    QFETCH(int, totalTokens);
    QFETCH(bool, fallback);
    QFETCH(int, silentSeconds);
    QFETCH(QStringList, expected);

    const QList<CallEvent> events = script(lines);
    CallStats stats = calmStats(events);
    stats.totalTokens = totalTokens;
    stats.usingFallback = fallback;
    const QDateTime now = stats.lastCustomerActivity.addSecs(silentSeconds);

    const RiskAssessment result = RiskAssessor().assess(events, stats, now);
    expected.sort();
    QCOMPARE(codes(result), expected);
    for (const RiskFlag &flag : result.flags) {
        QVERIFY2(!flag.reason.isEmpty(), qPrintable(flag.code()));
        QVERIFY(flag.weight > 0);
    }
    QCOMPARE(result.score, riskScore(result.flags));
    QCOMPARE(result.score == 0, expected.isEmpty());
}

void TestRiskAssessor::scoreIsCappedAndRanked()
{
    const QList<CallEvent> events =
        script({QStringLiteral("c:Terrible, let me speak to a human"), QStringLiteral("c:awful"),
                QStringLiteral("k:compliance.flag|opt-out ignored"), QStringLiteral("a:x|9000"),
                QStringLiteral("a:x|9000")});
    CallStats stats = calmStats(events);
    stats.totalTokens = 15000;
    stats.usingFallback = true;
    const RiskAssessment worst = RiskAssessor().assess(events, stats, kStart.addSecs(3600));
    QCOMPARE(worst.score, 100);
    // Flags come heaviest first, so a tooltip starts with the reason that matters most.
    QCOMPARE(worst.flags.first().kind, RiskKind::HumanRequested);
    for (qsizetype i = 1; i < worst.flags.size(); ++i)
        QVERIFY(worst.flags.at(i - 1).weight >= worst.flags.at(i).weight);
    QVERIFY(worst.summary().contains(QLatin1String("opt-out ignored")));

    const QList<CallEvent> mild = script({QStringLiteral("c:hello")});
    CallStats mildStats = calmStats(mild);
    mildStats.usingFallback = true;
    const RiskAssessment low =
        RiskAssessor().assess(mild, mildStats, mildStats.lastCustomerActivity);
    QVERIFY(low.score > 0);
    QVERIFY(low.score < worst.score);
}

void TestRiskAssessor::classifiers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("negative");
    QTest::addColumn<bool>("human");

    QTest::newRow("neutral") << QStringLiteral("Sure, Tuesday works.") << false << false;
    QTest::newRow("angry") << QStringLiteral("I'm ANGRY about this") << true << false;
    QTest::newRow("fed up") << QStringLiteral("Honestly I'm fed up.") << true << false;
    QTest::newRow("human") << QStringLiteral("Let me talk to a human.") << false << true;
    QTest::newRow("representative")
        << QStringLiteral("Can you transfer me to a representative?") << false << true;
    QTest::newRow("manager and negative")
        << QStringLiteral("This is unacceptable, I want to speak with your manager") << true
        << true;
    QTest::newRow("word inside another")
        << QStringLiteral("The hateful eight is a film") << false << false;
}

void TestRiskAssessor::classifiers()
{
    QFETCH(QString, text);
    QFETCH(bool, negative);
    QFETCH(bool, human);
    QCOMPARE(RiskAssessor::isNegative(text), negative);
    QCOMPARE(RiskAssessor::asksForHuman(text), human);
}

void TestRiskAssessor::similarity()
{
    QCOMPARE(RiskAssessor::similarity(QStringLiteral("a b c"), QStringLiteral("c b a")), 1.0);
    QCOMPARE(RiskAssessor::similarity(QStringLiteral("a b"), QStringLiteral("c d")), 0.0);
    QCOMPARE(RiskAssessor::similarity(QString(), QString()), 0.0);
    QCOMPARE(RiskAssessor::similarity(QStringLiteral("a b c d"), QStringLiteral("a b")), 0.5);
}

void TestRiskAssessor::thresholdsAreConfigurable()
{
    const QList<CallEvent> events = script({QStringLiteral("a:hello|1500")});
    CallStats stats = calmStats(events);
    RiskThresholds strict;
    strict.slowTurnMs = 1000;
    strict.silenceMs = 5000;
    const RiskAssessment result =
        RiskAssessor(strict).assess(events, stats, stats.lastCustomerActivity.addSecs(6));
    QVERIFY(result.has(RiskKind::SlowTurns));
    QVERIFY(result.has(RiskKind::LongSilence));
    QVERIFY(!RiskAssessor()
                 .assess(events, stats, stats.lastCustomerActivity.addSecs(6))
                 .has(RiskKind::LongSilence));
}

QTEST_GUILESS_MAIN(TestRiskAssessor)
#include "tst_riskassessor.moc"
