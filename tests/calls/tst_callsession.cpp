// A call end to end against the simulator over loopback HTTP, through the real client and store.

#include "callrig.h"

#include "calls/complianceguard.h"
#include "calls/responsecache.h"
#include "sim/simfault.h"
#include "store/eventkinds.h"
#include "store/usagefilter.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {

bool isAgentRequest(const QJsonObject &body)
{
    const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
    if (messages.isEmpty())
        return false;
    const QString first = messages.first().toObject().value(QStringLiteral("content")).toString();
    const QString last = messages.last().toObject().value(QStringLiteral("content")).toString();
    return !first.startsWith(QLatin1String("You are role-playing the customer")) &&
           !last.startsWith(QLatin1String("Summarise the conversation"));
}

QList<QJsonObject> agentBodies(const CallRig &rig)
{
    QList<QJsonObject> result;
    for (const QJsonObject &body : rig.chatBodies()) {
        if (isAgentRequest(body))
            result.append(body);
    }
    return result;
}

QStringList roles(const QJsonObject &body)
{
    QStringList list;
    for (const QJsonValue &message : body.value(QStringLiteral("messages")).toArray())
        list.append(message.toObject().value(QStringLiteral("role")).toString());
    return list;
}

} // namespace

class TestCallSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void wholeCall();
    void contextCarriedAcrossTurns();
    void eventsAreStoredBeforeTheyAreSignalled();
    void budgetExhaustionEndsGracefully_data();
    void budgetExhaustionEndsGracefully();
    void windowAndSummary();
    void cacheHitsOnlyForTheSameCustomer();
    void redactionProvenOnTheWire();
    void missingDisclosureIsCorrectedAndFlagged();
    void optOutEndsPolitelyAndIsRecorded();
    void humanRequestIsFlagged();
    void fallbackTakesOverMidCall();
    void bothModelsFailingEndWithApology();
    void endsByLimit_data();
    void endsByLimit();

private:
    std::unique_ptr<CallRig> m_rig;
};

void TestCallSession::init()
{
    m_rig = std::make_unique<CallRig>();
    QVERIFY(m_rig->isValid());
}

void TestCallSession::cleanup()
{
    m_rig.reset();
}

void TestCallSession::wholeCall()
{
    auto session = m_rig->start(CallRig::scriptedScenario(
        {QStringLiteral("Yes, I have a minute."), QStringLiteral("What does it cost?"),
         QStringLiteral("OK, thanks. Goodbye.")}));
    QVERIFY(CallRig::waitEnded(session.get()));
    QCOMPARE(session->endReason(), QStringLiteral("agent-closed"));

    const QList<CallEvent> events = session->events();
    QVERIFY(events.size() > 10);
    QCOMPARE(events.first().kind, QString(EventKind::CallStarted));
    QCOMPARE(events.at(1).payload.value(QStringLiteral("to")).toString(),
             QStringLiteral("dialing"));
    QCOMPARE(events.at(2).payload.value(QStringLiteral("to")).toString(), QStringLiteral("active"));
    QCOMPARE(events.last().kind, QString(EventKind::CallEnded));
    QCOMPARE(events.last().payload.value(QStringLiteral("reason")).toString(),
             QStringLiteral("agent-closed"));
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).seq, i + 1);
        QVERIFY(!events.at(i).actor.isEmpty());
        QVERIFY(events.at(i).time.isValid());
    }

    const QList<CallEvent> turns = CallRig::ofKind(events, QString(EventKind::AgentTurn));
    QCOMPARE(turns.size(), 4); // greeting + one answer per customer line
    QCOMPARE(CallRig::ofKind(events, QString(EventKind::CustomerUtterance)).size(), 3);
    QVERIFY(ComplianceGuard().disclosesAi(
        turns.first().payload.value(QStringLiteral("text")).toString()));
    QVERIFY(turns.last()
                .payload.value(QStringLiteral("text"))
                .toString()
                .contains(QLatin1String("Goodbye")));

    // Each turn carries its accounting, and the streamed deltas add up to the turn.
    qsizetype previous = -1;
    qint64 promptTokens = 0;
    for (const CallEvent &turn : turns) {
        const QJsonObject p = turn.payload;
        QCOMPARE(p.value(QStringLiteral("model")).toString(), m_rig->models.primary().model);
        QVERIFY(p.value(QStringLiteral("promptTokens")).toInt() > 0);
        QVERIFY(p.value(QStringLiteral("completionTokens")).toInt() > 0);
        QVERIFY(p.value(QStringLiteral("costUsd")).toDouble() > 0);
        QVERIFY(p.value(QStringLiteral("latencyMs")).toInteger() >= 0);
        QVERIFY(p.value(QStringLiteral("ttftMs")).toInteger() >= 0);
        QCOMPARE(p.value(QStringLiteral("attempts")).toArray().size(), 1);
        QCOMPARE(p.value(QStringLiteral("promptVersion")).toInt(), 1);
        QCOMPARE(p.value(QStringLiteral("promptName")).toString(), QStringLiteral("voiceai-agent"));
        promptTokens += p.value(QStringLiteral("promptTokens")).toInt();
        QString streamed;
        const qsizetype at = turn.seq - 1; // seq counts from 1, checked above
        for (qsizetype i = previous + 1; i < at; ++i) {
            if (events.at(i).kind == EventKind::AgentDelta)
                streamed += events.at(i).payload.value(QStringLiteral("text")).toString();
        }
        QCOMPARE(streamed.trimmed(), p.value(QStringLiteral("text")).toString());
        previous = at;
    }

    const CallStats stats = session->stats();
    QCOMPARE(stats.turns, 4);
    QCOMPARE(stats.promptTokens, promptTokens);
    QCOMPARE(stats.totalTokens, stats.promptTokens + stats.completionTokens);

    // The database alone tells the same story.
    const QList<CallEvent> stored = m_rig->store->events(session->id());
    QCOMPARE(stored.size(), events.size());
    for (qsizetype i = 0; i < stored.size(); ++i) {
        QCOMPARE(stored.at(i).seq, events.at(i).seq);
        QCOMPARE(stored.at(i).kind, events.at(i).kind);
        QCOMPARE(stored.at(i).payload, events.at(i).payload);
    }
    const auto record = m_rig->store->call(session->id());
    QVERIFY(record);
    QCOMPARE(record->state, QStringLiteral("ended"));
    QCOMPARE(record->endReason, QStringLiteral("agent-closed"));
    QCOMPARE(record->totals.turns, 4);
    QCOMPARE(record->promptVersion, 1);

    UsageFilter filter;
    filter.callId = session->id();
    const QList<UsageRecord> usage = m_rig->store->usage(filter);
    QCOMPARE(usage.size(), 4);
    for (const UsageRecord &record : usage) {
        QCOMPARE(record.feature, QStringLiteral("call"));
        QCOMPARE(record.promptVersion, 1);
        QVERIFY(record.success);
    }
}

void TestCallSession::contextCarriedAcrossTurns()
{
    const QStringList lines = {QStringLiteral("I work from home a lot."),
                               QStringLiteral("Is Fibre 1000 faster?"),
                               QStringLiteral("Fine. Goodbye.")};
    auto session = m_rig->start(CallRig::scriptedScenario(lines));
    QVERIFY(CallRig::waitEnded(session.get()));
    const QList<QJsonObject> bodies = agentBodies(*m_rig);
    QCOMPARE(bodies.size(), 4);
    for (qsizetype k = 0; k < bodies.size(); ++k) {
        const QString text = CallRig::messagesText(bodies.at(k));
        // The context is in every request.
        QVERIFY(text.contains(QLatin1String("Offer the fibre upgrade")));
        QVERIFY(text.contains(QLatin1String("Maria Lopez")));
        // ... and so is everything said before.
        const QStringList r = roles(bodies.at(k));
        QCOMPARE(r.count(QStringLiteral("user")), k);
        QCOMPARE(r.count(QStringLiteral("assistant")), k);
        for (qsizetype i = 0; i < k; ++i)
            QVERIFY(text.contains(lines.at(i)));
    }
    const QString last = CallRig::messagesText(bodies.last());
    QVERIFY(last.indexOf(lines.at(0)) < last.indexOf(lines.at(1)));
    QVERIFY(last.indexOf(lines.at(1)) < last.indexOf(lines.at(2)));
}

void TestCallSession::eventsAreStoredBeforeTheyAreSignalled()
{
    Scenario scenario = CallRig::scriptedScenario({QStringLiteral("Goodbye.")});
    const QString id = QStringLiteral("call-store-first");
    int checked = 0;
    int missing = 0;
    UtteranceSource *source = nullptr;
    CallSession session(id, scenario, m_rig->services(), source);
    connect(&session, &CallSession::eventAppended, this, [&](const CallEvent &event) {
        ++checked;
        if (m_rig->store->lastSeq(id) < event.seq)
            ++missing;
    });
    QVERIFY(session.start());
    session.customerUtterance(QStringLiteral("Goodbye."));
    QVERIFY(CallRig::waitEnded(&session));
    QVERIFY(checked > 5);
    QCOMPARE(missing, 0);
}

void TestCallSession::budgetExhaustionEndsGracefully_data()
{
    QTest::addColumn<int>("tokensPerCall");
    QTest::addColumn<double>("costCapUsd");
    QTest::addColumn<QString>("reason");
    // A request costs about 900 prompt tokens (about 0.01 USD on the primary model).
    QTest::newRow("tokens") << 3000 << 0.0 << "token-cap";
    QTest::newRow("cost") << 0 << 0.025 << "cost-cap";
}

void TestCallSession::budgetExhaustionEndsGracefully()
{
    QFETCH(int, tokensPerCall);
    QFETCH(double, costCapUsd);
    QFETCH(QString, reason);
    QStringList lines;
    for (int i = 0; i < 10; ++i)
        lines.append(QStringLiteral("Tell me more about option %1.").arg(i));
    Scenario scenario = CallRig::scriptedScenario(lines, false);
    scenario.limits.tokensPerCall = tokensPerCall;
    scenario.limits.costCapUsd = costCapUsd;
    scenario.limits.reserveTokens = 400;
    auto session = m_rig->start(scenario);
    QVERIFY(CallRig::waitEnded(session.get()));
    QCOMPARE(session->endReason(), reason);

    const QList<CallEvent> events = session->events();
    const QList<CallEvent> turns = CallRig::ofKind(events, QString(EventKind::AgentTurn));
    QVERIFY(turns.size() >= 2);
    QVERIFY(turns.size() < 1 + lines.size());
    QCOMPARE(turns.last().payload.value(QStringLiteral("closing")).toString(), reason);
    QVERIFY(turns.last().payload.value(QStringLiteral("completionTokens")).toInt() <= 400);
    bool warned = false;
    for (const CallEvent &event : CallRig::ofKind(events, QString(EventKind::BudgetWarning)))
        warned = warned || event.payload.value(QStringLiteral("closing")).toString() == reason;
    QVERIFY(warned);
    // The closing request asked for no more than the reserve; the ones before stayed in budget.
    const QList<QJsonObject> bodies = agentBodies(*m_rig);
    QCOMPARE(bodies.size(), turns.size());
    QVERIFY(bodies.last().value(QStringLiteral("max_tokens")).toInt() <= 400);
    qint64 tokensBeforeClosing = 0;
    double costBeforeClosing = 0;
    for (qsizetype i = 0; i + 1 < turns.size(); ++i) {
        tokensBeforeClosing += turns.at(i).payload.value(QStringLiteral("totalTokens")).toInt();
        costBeforeClosing += turns.at(i).payload.value(QStringLiteral("costUsd")).toDouble();
    }
    if (tokensPerCall > 0)
        QVERIFY(tokensBeforeClosing <= tokensPerCall - 400);
    if (costCapUsd > 0)
        QVERIFY(costBeforeClosing <= costCapUsd);
}

void TestCallSession::windowAndSummary()
{
    QStringList lines;
    for (int i = 0; i < 8; ++i)
        lines.append(QStringLiteral("Here is detail number %1 about my line.").arg(i));
    lines.append(QStringLiteral("That's all, goodbye."));
    Scenario scenario = CallRig::scriptedScenario(lines);
    scenario.limits.historyTokens = 1100;
    auto session = m_rig->start(scenario);
    QVERIFY(CallRig::waitEnded(session.get()));

    const QList<CallEvent> summaries =
        CallRig::ofKind(session->events(), QString(EventKind::SummaryUpdated));
    QVERIFY(!summaries.isEmpty());
    const QString summary = summaries.last().payload.value(QStringLiteral("summary")).toString();
    QVERIFY(!summary.isEmpty());

    bool summaryRequested = false;
    for (const QJsonObject &body : m_rig->chatBodies())
        summaryRequested = summaryRequested || !isAgentRequest(body);
    QVERIFY(summaryRequested);
    // Late requests carry the summary and the context but no longer the first lines verbatim.
    const QString last = CallRig::messagesText(agentBodies(*m_rig).last());
    bool carriesSummary = false;
    for (const CallEvent &event : summaries)
        carriesSummary = carriesSummary ||
                         last.contains(event.payload.value(QStringLiteral("summary")).toString());
    QVERIFY(carriesSummary);
    QVERIFY(last.contains(QLatin1String("Offer the fibre upgrade")));
    QVERIFY(!last.contains(lines.first()));
    QVERIFY(last.contains(lines.last()));

    UsageFilter filter;
    filter.callId = session->id();
    filter.feature = QStringLiteral("summary");
    QVERIFY(!m_rig->store->usage(filter).isEmpty());
}

void TestCallSession::cacheHitsOnlyForTheSameCustomer()
{
    ResponseCache cache(100, 60000, &m_rig->metrics);
    m_rig->cache = &cache;
    ModelConfig primary = m_rig->models.primary();
    primary.temperature = 0; // deterministic requests only are cached
    m_rig->models.setPrimary(primary);

    auto firstTurnCached = [this](const Scenario &scenario) {
        auto session = m_rig->start(scenario);
        CallRig::waitEnded(session.get());
        return CallRig::ofKind(session->events(), QString(EventKind::AgentTurn))
            .first()
            .payload.value(QStringLiteral("cached"))
            .toBool();
    };
    const Scenario scenario = CallRig::scriptedScenario({QStringLiteral("Goodbye.")});
    QCOMPARE(firstTurnCached(scenario), false);
    const int requestsAfterFirst = m_rig->sim.requestCount();
    QCOMPARE(firstTurnCached(scenario), true); // same customer, same context: no model call
    // Both turns repeat the first call's requests exactly, so the whole call is served from the
    // cache.
    QCOMPARE(m_rig->sim.requestCount(), requestsAfterFirst);

    Scenario other = scenario;
    other.context.customerId = QStringLiteral("cust-2"); // same words, another customer
    QCOMPARE(firstTurnCached(other), false);
}

void TestCallSession::redactionProvenOnTheWire()
{
    const QString email = QStringLiteral("jane.doe@example.com");
    auto session = m_rig->start(CallRig::scriptedScenario(
        {QStringLiteral("Sure. My e-mail is %1 if you need it.").arg(email),
         QStringLiteral("Goodbye.")}));
    QVERIFY(CallRig::waitEnded(session.get()));

    bool placeholderSent = false;
    for (const QByteArray &body : m_rig->sim.receivedBodies()) {
        QVERIFY2(!body.contains(email.toUtf8()), body.constData());
        placeholderSent = placeholderSent || body.contains("[EMAIL_1]");
    }
    QVERIFY(placeholderSent);
    // The supervisor's view (events) has the real address.
    const CallEvent utterance =
        CallRig::ofKind(session->events(), QString(EventKind::CustomerUtterance)).first();
    QVERIFY(utterance.payload.value(QStringLiteral("text")).toString().contains(email));
    QVERIFY(utterance.payload.value(QStringLiteral("redacted"))
                .toString()
                .contains(QLatin1String("[EMAIL_1]")));
}

void TestCallSession::missingDisclosureIsCorrectedAndFlagged()
{
    m_rig->sim.queueReply(QStringLiteral("Hello Maria, this is Sam calling about your broadband."));
    auto session = m_rig->start(CallRig::scriptedScenario({QStringLiteral("Goodbye.")}));
    QVERIFY(CallRig::waitEnded(session.get()));
    const QList<CallEvent> events = session->events();
    const CallEvent first = CallRig::ofKind(events, QString(EventKind::AgentTurn)).first();
    QVERIFY(first.payload.value(QStringLiteral("corrected")).toBool());
    QVERIFY(ComplianceGuard().disclosesAi(first.payload.value(QStringLiteral("text")).toString()));
    const QList<CallEvent> flags = CallRig::ofKind(events, QString(EventKind::ComplianceFlag));
    QCOMPARE(flags.size(), 1);
    QCOMPARE(flags.first().payload.value(QStringLiteral("code")).toString(),
             QStringLiteral("ai-disclosure-missing"));
    QVERIFY(flags.first().seq < first.seq);
}

void TestCallSession::optOutEndsPolitelyAndIsRecorded()
{
    auto session = m_rig->start(CallRig::scriptedScenario(
        {QStringLiteral("Please stop calling me and put me on your do-not-call list."),
         QStringLiteral("Hello?")}));
    QVERIFY(CallRig::waitEnded(session.get()));
    QCOMPARE(session->endReason(), QStringLiteral("opt-out"));
    QVERIFY(m_rig->store->isOptedOut(QStringLiteral("cust-1")));
    const QList<CallEvent> events = session->events();
    QCOMPARE(CallRig::ofKind(events, QString(EventKind::OptOutRecorded)).size(), 1);
    const CallEvent closing = CallRig::ofKind(events, QString(EventKind::AgentTurn)).last();
    QVERIFY(closing.payload.value(QStringLiteral("text"))
                .toString()
                .contains(QLatin1String("do-not-call")));
    QCOMPARE(agentBodies(*m_rig).size(), 1); // the goodbye needs no model

    // The next call to that customer does not talk to them at all.
    const int requests = m_rig->sim.requestCount();
    auto again = m_rig->start(CallRig::scriptedScenario({QStringLiteral("Hello?")}));
    QCOMPARE(again->state(), CallState::Ended);
    QCOMPARE(again->endReason(), QStringLiteral("do-not-call"));
    QCOMPARE(m_rig->sim.requestCount(), requests);
}

void TestCallSession::humanRequestIsFlagged()
{
    auto session = m_rig->start(CallRig::scriptedScenario(
        {QStringLiteral("Can I talk to a real person please?"), QStringLiteral("Goodbye.")}));
    QVERIFY(CallRig::waitEnded(session.get()));
    const QList<CallEvent> flags =
        CallRig::ofKind(session->events(), QString(EventKind::HumanRequested));
    QCOMPARE(flags.size(), 1);
    QCOMPARE(flags.first().actor, QStringLiteral("system"));
    bool risk = false;
    for (const RiskFlag &flag : session->riskFlags())
        risk = risk || flag.kind == RiskKind::HumanRequested;
    QVERIFY(risk); // the wallboard's triage sees it
}

void TestCallSession::fallbackTakesOverMidCall()
{
    const QString primary = m_rig->models.primary().model;
    const QString fallback = m_rig->models.fallback()->model;
    Scenario scenario =
        CallRig::scriptedScenario({QStringLiteral("Tell me more."),
                                   QStringLiteral("And the price?"), QStringLiteral("Goodbye.")});
    UtteranceSource *noSource = nullptr;
    CallSession session(QStringLiteral("call-fallback"), scenario, m_rig->services(), noSource);
    // After the first turn the primary model starts failing.
    connect(&session, &CallSession::eventAppended, this, [&](const CallEvent &event) {
        if (event.kind == EventKind::AgentTurn &&
            event.payload.value(QStringLiteral("model")).toString() == primary) {
            SimFault fault = SimFault::httpError(500);
            fault.model = primary;
            fault.times = 100;
            fault.shouldRetry = QStringLiteral("false");
            m_rig->sim.queueFault(fault);
        }
    });
    QVERIFY(session.start());
    QVERIFY(CallRig::waitForKind(&session, QString(EventKind::AgentTurn), 1));
    for (const QString &line : scenario.scriptedLines) {
        const int turns = session.stats().turns;
        session.customerUtterance(line);
        QVERIFY(QTest::qWaitFor(
            [&] { return session.stats().turns > turns || session.state() == CallState::Ended; },
            20000));
    }
    QVERIFY(CallRig::waitEnded(&session));
    QCOMPARE(session.endReason(), QStringLiteral("agent-closed"));
    const QList<CallEvent> events = session.events();
    QVERIFY(!CallRig::ofKind(events, QString(EventKind::ModelFallback)).isEmpty());
    const QList<CallEvent> turns = CallRig::ofKind(events, QString(EventKind::AgentTurn));
    QCOMPARE(turns.first().payload.value(QStringLiteral("model")).toString(), primary);
    QCOMPARE(turns.last().payload.value(QStringLiteral("model")).toString(), fallback);
    QVERIFY(turns.last().payload.value(QStringLiteral("usedFallback")).toBool());
    QVERIFY(session.stats().usingFallback);
}

void TestCallSession::bothModelsFailingEndWithApology()
{
    SimFault fault = SimFault::httpError(500);
    fault.times = 1000;
    fault.shouldRetry = QStringLiteral("false");
    m_rig->sim.queueFault(fault);
    auto session = m_rig->start(CallRig::scriptedScenario({QStringLiteral("Hello?")}));
    QVERIFY(CallRig::waitEnded(session.get(), 40000));
    QCOMPARE(session->endReason(), QStringLiteral("model-failure"));
    const QList<CallEvent> events = session->events();
    QCOMPARE(CallRig::ofKind(events, QString(EventKind::Error)).size(), 2);
    const QList<CallEvent> flags = CallRig::ofKind(events, QString(EventKind::ComplianceFlag));
    QCOMPARE(flags.size(), 1);
    QCOMPARE(flags.first().payload.value(QStringLiteral("code")).toString(),
             QStringLiteral("model-failure"));
    const CallEvent apology = CallRig::ofKind(events, QString(EventKind::AgentTurn)).last();
    QVERIFY(
        apology.payload.value(QStringLiteral("text")).toString().contains(QLatin1String("sorry")));
    QVERIFY(events.last().payload.value(QStringLiteral("flagged")).toBool());
    QCOMPARE(session->stats().failedTurns, 2);
}

void TestCallSession::endsByLimit_data()
{
    QTest::addColumn<QString>("limit");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("minimumMs");
    QTest::newRow("silence") << "silence"
                             << "silence-timeout" << 200;
    QTest::newRow("duration") << "duration"
                              << "max-duration" << 300;
    QTest::newRow("turns") << "turns"
                           << "max-turns" << 0;
    QTest::newRow("supervisor") << "supervisor"
                                << "quality check" << 0;
    QTest::newRow("hang-up") << "hang-up"
                             << "customer-hung-up" << 0;
}

void TestCallSession::endsByLimit()
{
    QFETCH(QString, limit);
    QFETCH(QString, reason);
    QFETCH(int, minimumMs);
    Scenario scenario = CallRig::typedScenario();
    if (limit == QLatin1String("silence")) {
        scenario.limits.silenceTimeoutMs = 200;
    } else if (limit == QLatin1String("duration")) {
        scenario.limits.maxDurationMs = 300;
    } else if (limit == QLatin1String("turns")) {
        scenario = CallRig::scriptedScenario(
            {QStringLiteral("One."), QStringLiteral("Two."), QStringLiteral("Three.")});
        scenario.limits.maxTurns = 2;
    }
    QElapsedTimer clock;
    clock.start();
    auto session = m_rig->start(scenario);
    QVERIFY(CallRig::waitForKind(session.get(), QString(EventKind::AgentTurn)));
    if (limit == QLatin1String("supervisor"))
        session->end(QStringLiteral("alice"), reason);
    else if (limit == QLatin1String("hang-up"))
        session->customerHangUp();
    QVERIFY(CallRig::waitEnded(session.get()));
    QCOMPARE(session->endReason(), reason);
    QVERIFY(clock.elapsed() >= minimumMs);
    const auto record = m_rig->store->call(session->id());
    QVERIFY(record);
    QCOMPARE(record->state, QStringLiteral("ended"));
    QCOMPARE(record->endReason, reason);
    if (limit == QLatin1String("supervisor"))
        QCOMPARE(session->events().last().actor, QStringLiteral("supervisor:alice"));
}

QTEST_GUILESS_MAIN(TestCallSession)
#include "tst_callsession.moc"
