// CallManager: owns the sessions, runs the demo floor of several simulated personas at once,
// and ends what is still live when it goes away.

#include "callrig.h"

#include "calls/callmanager.h"
#include "store/eventkinds.h"
#include "store/usagefilter.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

class TestCallManager : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void demoFloorRunsSeveralPersonasAtOnce();
    void findsAndRemovesSessions();
    void liveCallsEndWhenTheManagerGoes();
    void refusesACallItCannotStart();
    void callEndedAtStartComesAfterCallStarted();

private:
    std::unique_ptr<CallRig> m_rig;
};

void TestCallManager::init()
{
    qRegisterMetaType<CallSession *>();
    m_rig = std::make_unique<CallRig>();
    QVERIFY(m_rig->isValid());
}

void TestCallManager::cleanup()
{
    m_rig.reset();
}

void TestCallManager::demoFloorRunsSeveralPersonasAtOnce()
{
    CallManager manager(m_rig->services());
    QCOMPARE(manager.interruptedAtStartup(), 0);
    QSignalSpy started(&manager, &CallManager::callStarted);
    QSignalSpy ended(&manager, &CallManager::callEnded);

    const QDir dir(QStringLiteral(VOICEAI_SCENARIO_DIR));
    QList<CallSession *> sessions;
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QString error;
        auto scenario = Scenario::load(dir.filePath(file), &error);
        QVERIFY2(scenario, qPrintable(error));
        scenario->limits.customerDelayMs = 0;
        CallSession *session = manager.startCall(*scenario);
        QVERIFY2(session, qPrintable(manager.lastError()));
        sessions.append(session);
    }
    QVERIFY(sessions.size() >= 5);
    QCOMPARE(started.size(), sessions.size());
    QCOMPARE(manager.sessions().size(), sessions.size());
    QVERIFY(QTest::qWaitFor([&] { return ended.size() == sessions.size(); }, 40000));

    for (CallSession *session : std::as_const(sessions)) {
        QCOMPARE(session->state(), CallState::Ended);
        QVERIFY(!session->endReason().isEmpty());
        QVERIFY(session->stats().turns >= 1);
        const auto record = m_rig->store->call(session->id());
        QVERIFY(record);
        QCOMPARE(record->state, QStringLiteral("ended"));
        if (session->scenario().persona) {
            // The persona is played by the cheaper model through the same client.
            UsageFilter filter;
            filter.callId = session->id();
            filter.feature = QStringLiteral("customer-sim");
            const QList<UsageRecord> usage = m_rig->store->usage(filter);
            QVERIFY(!usage.isEmpty());
            QCOMPARE(usage.first().model, m_rig->models.fallback()->model);
        }
    }
    bool personaPromptSeen = false;
    for (const QJsonObject &body : m_rig->chatBodies())
        personaPromptSeen =
            personaPromptSeen || CallRig::messagesText(body).startsWith(
                                     QLatin1String("You are role-playing the customer"));
    QVERIFY(personaPromptSeen);
}

void TestCallManager::findsAndRemovesSessions()
{
    CallManager manager(m_rig->services());
    CallSession *session = manager.startCall(CallRig::typedScenario());
    QVERIFY(session);
    QCOMPARE(manager.session(session->id()), session);
    QCOMPARE(manager.session(QStringLiteral("no-such-call")), nullptr);
    const QString id = session->id();
    QVERIFY(CallRig::waitForKind(session, QString(EventKind::AgentTurn)));
    session->end(QStringLiteral("alice"), QStringLiteral("done"));
    manager.removeSession(id);
    QCOMPARE(manager.session(id), nullptr);
    QVERIFY(manager.sessions().isEmpty());
}

void TestCallManager::liveCallsEndWhenTheManagerGoes()
{
    QString id;
    {
        CallManager manager(m_rig->services());
        CallSession *session = manager.startCall(CallRig::typedScenario());
        QVERIFY(session);
        id = session->id();
        QVERIFY(CallRig::waitForKind(session, QString(EventKind::AgentTurn)));
    }
    const auto record = m_rig->store->call(id);
    QVERIFY(record);
    QCOMPARE(record->state, QStringLiteral("ended"));
    QCOMPARE(record->endReason, QStringLiteral("application-closed"));
}

void TestCallManager::refusesACallItCannotStart()
{
    Scenario scenario = CallRig::typedScenario();
    scenario.promptVersion = 42; // no such version
    CallManager manager(m_rig->services());
    QSignalSpy started(&manager, &CallManager::callStarted);
    QCOMPARE(manager.startCall(scenario), nullptr);
    QVERIFY2(manager.lastError().contains(QLatin1String("42")), qPrintable(manager.lastError()));
    QCOMPARE(started.size(), 0);
    QVERIFY(manager.sessions().isEmpty());
}

void TestCallManager::callEndedAtStartComesAfterCallStarted()
{
    // A customer on the do-not-call list: the call ends inside startCall().
    QVERIFY(m_rig->store->recordOptOut(QStringLiteral("cust-1"), QStringLiteral("Maria Lopez"),
                                       QStringLiteral("earlier-call"),
                                       QDateTime::currentDateTimeUtc()));
    CallManager manager(m_rig->services());
    QStringList order;
    connect(&manager, &CallManager::callStarted, this,
            [&] { order.append(QStringLiteral("started")); });
    connect(&manager, &CallManager::callEnded, this,
            [&] { order.append(QStringLiteral("ended")); });
    CallSession *session = manager.startCall(CallRig::typedScenario());
    QVERIFY(session);
    QCOMPARE(session->endReason(), QStringLiteral("do-not-call"));
    QTest::qWait(50);
    QCOMPARE(order, (QStringList{QStringLiteral("started"), QStringLiteral("ended")}));
    QCOMPARE(m_rig->sim.requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCallManager)
#include "tst_callmanager.moc"
