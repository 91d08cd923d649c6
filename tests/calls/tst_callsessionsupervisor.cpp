// The supervisor's intervention ladder on a live call: listen, whisper, say, take over,
// supervisor turns, hand back, end. Each changes the call's state, its transcript and the audit
// trail.

#include "callrig.h"

#include "calls/customersimulator.h"
#include "store/eventkinds.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString Alice = QStringLiteral("alice");

QList<AuditRecord> auditFor(const CallRig &rig, const QString &callId, const QString &action)
{
    QList<AuditRecord> found;
    for (const AuditRecord &record : rig.store->records()) {
        if (record.target == callId && record.action == action)
            found.append(record);
    }
    return found;
}

// Messages of a request body with the given role.
QStringList contents(const QJsonObject &body, const QString &role)
{
    QStringList list;
    for (const QJsonValue &value : body.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject message = value.toObject();
        if (message.value(QStringLiteral("role")).toString() == role)
            list.append(message.value(QStringLiteral("content")).toString());
    }
    return list;
}

} // namespace

class TestCallSessionSupervisor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void eachActionIsStateEventAndAudit_data();
    void eachActionIsStateEventAndAudit();
    void whisperIsAnInstructionTheCustomerNeverHears();
    void whisperNeverReachesTheSimulatedCustomer();
    void sayIsDeliveredVerbatimWithoutAModelCall();
    void takeOverCancelsTheStream();
    void handBackDoesNotGreetAgain();
    void refusedWhenNotAllowed();

private:
    std::unique_ptr<CallSession> startTypedCall();
    std::unique_ptr<CallRig> m_rig;
};

void TestCallSessionSupervisor::init()
{
    m_rig = std::make_unique<CallRig>();
    QVERIFY(m_rig->isValid());
}

void TestCallSessionSupervisor::cleanup()
{
    m_rig.reset();
}

std::unique_ptr<CallSession> TestCallSessionSupervisor::startTypedCall()
{
    auto session = m_rig->start(CallRig::typedScenario());
    if (!CallRig::waitForKind(session.get(), QString(EventKind::AgentTurn)))
        qWarning() << "no greeting";
    return session;
}

void TestCallSessionSupervisor::eachActionIsStateEventAndAudit_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("eventKind");
    QTest::addColumn<QString>("auditAction");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("state");
    const int active = int(CallState::Active);
    QTest::newRow("listen") << "listen" << QString(EventKind::SupervisorListen) << "call.listen"
                            << int(SupervisionMode::Listening) << active;
    QTest::newRow("whisper") << "whisper" << QString(EventKind::SupervisorWhisper) << "call.whisper"
                             << int(SupervisionMode::Whispering) << active;
    QTest::newRow("say") << "say" << QString(EventKind::SupervisorSay) << "call.say"
                         << int(SupervisionMode::None) << active;
    QTest::newRow("take over") << "takeOver" << QString(EventKind::SupervisorTakeover)
                               << "call.takeover" << int(SupervisionMode::TakenOver) << active;
    QTest::newRow("supervisor turn")
        << "supervisorUtterance" << QString(EventKind::SupervisorTurn) << "call.supervisor-turn"
        << int(SupervisionMode::TakenOver) << active;
    QTest::newRow("hand back") << "handBack" << QString(EventKind::SupervisorHandback)
                               << "call.handback" << int(SupervisionMode::HandedBack) << active;
    QTest::newRow("end") << "end" << QString(EventKind::CallEnded) << "call.end"
                         << int(SupervisionMode::None) << int(CallState::Ended);
}

void TestCallSessionSupervisor::eachActionIsStateEventAndAudit()
{
    QFETCH(QString, action);
    QFETCH(QString, eventKind);
    QFETCH(QString, auditAction);
    QFETCH(int, mode);
    QFETCH(int, state);
    auto session = startTypedCall();
    QSignalSpy modeSpy(session.get(), &CallSession::supervisionChanged);
    if (action == QLatin1String("supervisorUtterance") || action == QLatin1String("handBack"))
        session->takeOver(Alice);
    const qsizetype before = session->events().size();

    if (action == QLatin1String("listen"))
        session->listen(Alice, true);
    else if (action == QLatin1String("whisper"))
        session->whisper(Alice, QStringLiteral("Offer the three-month discount."));
    else if (action == QLatin1String("say"))
        session->say(Alice, QStringLiteral("Let me check that for you."));
    else if (action == QLatin1String("takeOver"))
        session->takeOver(Alice);
    else if (action == QLatin1String("supervisorUtterance"))
        session->supervisorUtterance(Alice, QStringLiteral("Hello, I'm Alice, the team lead."));
    else if (action == QLatin1String("handBack"))
        session->handBack(Alice);
    else if (action == QLatin1String("end"))
        session->end(Alice, QStringLiteral("quality check"));

    // State.
    QCOMPARE(int(session->supervision()), mode);
    QCOMPARE(int(session->state()), state);
    if (mode != int(SupervisionMode::None))
        QCOMPARE(session->supervisor(), Alice);
    if (mode != int(SupervisionMode::None) && action != QLatin1String("supervisorUtterance"))
        QVERIFY(!modeSpy.isEmpty());
    // Transcript: a new event by the supervisor, stored.
    const QList<CallEvent> added = session->events().mid(before);
    const QList<CallEvent> ofKind = CallRig::ofKind(added, eventKind);
    QCOMPARE(ofKind.size(), 1);
    QCOMPARE(ofKind.first().actor, QStringLiteral("supervisor:alice"));
    QCOMPARE(m_rig->store->lastSeq(session->id()), session->events().last().seq);
    // Audit trail.
    const QList<AuditRecord> audit = auditFor(*m_rig, session->id(), auditAction);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().actor, QStringLiteral("supervisor:alice"));
    QVERIFY(m_rig->store->verify().ok);
}

void TestCallSessionSupervisor::whisperIsAnInstructionTheCustomerNeverHears()
{
    auto session = startTypedCall();
    const QString guidance = QStringLiteral("Offer the three-month discount.");
    session->whisper(Alice, guidance);
    const int bodies = int(m_rig->chatBodies().size());
    session->customerUtterance(QStringLiteral("What would it cost me?"));
    QVERIFY(CallRig::waitForKind(session.get(), QString(EventKind::AgentTurn), 2));
    const QJsonObject body = m_rig->chatBodies().at(bodies);
    bool asInstruction = false;
    for (const QString &text : contents(body, QStringLiteral("system")))
        asInstruction = asInstruction || text.contains(guidance);
    QVERIFY(asInstruction);
    for (const QString &role : {QStringLiteral("user"), QStringLiteral("assistant")}) {
        for (const QString &text : contents(body, role))
            QVERIFY(!text.contains(guidance));
    }
    // The agent followed it (the simulator weaves guidance into its reply).
    const CallEvent reply =
        CallRig::ofKind(session->events(), QString(EventKind::AgentTurn)).last();
    QVERIFY(reply.payload.value(QStringLiteral("text"))
                .toString()
                .contains(QLatin1String("three-month discount")));
}

void TestCallSessionSupervisor::whisperNeverReachesTheSimulatedCustomer()
{
    Scenario scenario = CallRig::typedScenario();
    CustomerPersona persona;
    persona.goal = QStringLiteral("Hear about the fibre plans");
    persona.mood = QStringLiteral("friendly");
    persona.maxTurns = 3;
    scenario.persona = persona;
    const QString guidance = QStringLiteral("Mention the loyalty bonus.");
    auto *customer =
        new CustomerSimulator(scenario, m_rig->client.get(), *m_rig->models.fallback(),
                              m_rig->store.get(), QStringLiteral("call-persona-whisper"));
    CallSession session(QStringLiteral("call-persona-whisper"), scenario, m_rig->services(),
                        customer);
    connect(&session, &CallSession::eventAppended, this, [&](const CallEvent &event) {
        if (event.kind == EventKind::AgentTurn &&
            CallRig::ofKind(session.events(), event.kind).size() == 1)
            session.whisper(Alice, guidance);
    });
    QVERIFY(session.start());
    QVERIFY(CallRig::waitForKind(&session, QString(EventKind::CustomerUtterance), 2));
    session.end(Alice, QStringLiteral("done"));
    int customerRequests = 0;
    int agentRequestsWithGuidance = 0;
    for (const QJsonObject &body : m_rig->chatBodies()) {
        const QString text = CallRig::messagesText(body);
        if (text.startsWith(QLatin1String("You are role-playing the customer"))) {
            ++customerRequests;
            // The instruction itself never reaches the customer's side (the agent may act on it).
            QVERIFY2(!text.contains(QLatin1String("Supervisor guidance")), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("not to be read aloud")), qPrintable(text));
        } else if (text.contains(guidance)) {
            ++agentRequestsWithGuidance;
        }
    }
    QVERIFY(customerRequests >= 2);
    QVERIFY(agentRequestsWithGuidance >= 1);
}

void TestCallSessionSupervisor::sayIsDeliveredVerbatimWithoutAModelCall()
{
    auto session = startTypedCall();
    const QString line = QStringLiteral("Let me check that for you, one moment please.");
    session->say(Alice, line);
    const int requests = m_rig->sim.requestCount();
    session->customerUtterance(QStringLiteral("Can you check my last bill?"));
    QVERIFY(CallRig::waitForKind(session.get(), QString(EventKind::AgentTurn), 2));
    const CallEvent turn = CallRig::ofKind(session->events(), QString(EventKind::AgentTurn)).last();
    QCOMPARE(turn.payload.value(QStringLiteral("text")).toString(), line);
    QVERIFY(turn.payload.value(QStringLiteral("said")).toBool());
    QCOMPARE(turn.payload.value(QStringLiteral("supervisor")).toString(), Alice);
    QCOMPARE(m_rig->sim.requestCount(), requests);
    // The next model turn knows the line was said by the agent.
    session->customerUtterance(QStringLiteral("Thanks."));
    QVERIFY(CallRig::waitForKind(session.get(), QString(EventKind::AgentTurn), 3));
    QVERIFY(contents(m_rig->chatBodies().last(), QStringLiteral("assistant")).contains(line));
}

void TestCallSessionSupervisor::takeOverCancelsTheStream()
{
    auto session = startTypedCall();
    m_rig->sim.setTiming(SimTiming{0, 15.0}); // slow enough to step in mid-stream
    QSignalSpy deltas(session.get(), &CallSession::agentDelta);
    session->customerUtterance(QStringLiteral("Tell me everything about the fibre plans."));
    QVERIFY(deltas.wait(10000));
    QVERIFY(session->isAgentGenerating());
    const int turns = session->stats().turns;

    session->takeOver(Alice);
    QVERIFY(!session->isAgentGenerating());
    QCOMPARE(session->supervision(), SupervisionMode::TakenOver);
    const CallEvent takeover =
        CallRig::ofKind(session->events(), QString(EventKind::SupervisorTakeover)).first();
    QVERIFY(takeover.payload.value(QStringLiteral("cancelledStream")).toBool());
    QVERIFY(!takeover.payload.value(QStringLiteral("partialText")).toString().isEmpty());

    // Nothing more from the AI, even once the simulator would have finished the reply.
    const qsizetype deltasAtTakeover = deltas.size();
    QTest::qWait(1500);
    QCOMPARE(session->stats().turns, turns);
    QCOMPARE(deltas.size(), deltasAtTakeover);
    QCOMPARE(CallRig::ofKind(session->events(), QString(EventKind::AgentTurn)).size(), 1);

    // The supervisor's typed turns go to the customer; the customer's answers wait for them.
    const int requests = m_rig->sim.requestCount();
    session->supervisorUtterance(Alice, QStringLiteral("Hi, this is Alice from the team."));
    session->customerUtterance(QStringLiteral("Oh, hello Alice."));
    QTest::qWait(200);
    QCOMPARE(m_rig->sim.requestCount(), requests);
    QCOMPARE(CallRig::ofKind(session->events(), QString(EventKind::SupervisorTurn)).size(), 1);
}

void TestCallSessionSupervisor::handBackDoesNotGreetAgain()
{
    auto session = startTypedCall();
    session->customerUtterance(QStringLiteral("I have a question about my contract."));
    QVERIFY(CallRig::waitForKind(session.get(), QString(EventKind::AgentTurn), 2));
    session->takeOver(Alice);
    const QString supervisorLine =
        QStringLiteral("I've added the loyalty discount to your account.");
    session->supervisorUtterance(Alice, supervisorLine);
    session->customerUtterance(QStringLiteral("Great, what happens next?"));
    const int bodies = int(m_rig->chatBodies().size());

    session->handBack(Alice);
    QCOMPARE(session->supervision(), SupervisionMode::HandedBack);
    QVERIFY(CallRig::waitForKind(session.get(), QString(EventKind::AgentTurn), 3));
    const QJsonObject body = m_rig->chatBodies().at(bodies);
    const QString system = contents(body, QStringLiteral("system")).join(QLatin1Char('\n'));
    QVERIFY(system.contains(QLatin1String("Do not greet the customer again")));
    QVERIFY(contents(body, QStringLiteral("assistant")).contains(supervisorLine));
    QCOMPARE(contents(body, QStringLiteral("user")).last(),
             QStringLiteral("Great, what happens next?"));

    const QString reply = CallRig::ofKind(session->events(), QString(EventKind::AgentTurn))
                              .last()
                              .payload.value("text")
                              .toString();
    QVERIFY2(!reply.startsWith(QLatin1String("Hello")), qPrintable(reply));
    QVERIFY2(!reply.contains(QLatin1String("I'm VoiceAI")), qPrintable(reply));
}

void TestCallSessionSupervisor::refusedWhenNotAllowed()
{
    auto session = startTypedCall();
    const qsizetype before = session->events().size();
    session->supervisorUtterance(Alice, QStringLiteral("Hello?")); // not taken over
    session->handBack(Alice);                                      // nothing to hand back
    QCOMPARE(session->events().size(), before);
    QVERIFY(!session->lastError().isEmpty());

    session->end(Alice, QStringLiteral("done"));
    const qsizetype ended = session->events().size();
    session->whisper(Alice, QStringLiteral("late"));
    session->takeOver(Alice);
    session->customerUtterance(QStringLiteral("Hello?"));
    QCOMPARE(session->events().size(), ended);
    QCOMPARE(auditFor(*m_rig, session->id(), QStringLiteral("call.whisper")).size(), 0);
}

QTEST_GUILESS_MAIN(TestCallSessionSupervisor)
#include "tst_callsessionsupervisor.moc"
