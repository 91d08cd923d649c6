#include "calls/callsession.h"
#include "monitor/callmonitorpage.h"
#include "monitor/contextcard.h"
#include "monitor/costmeter.h"
#include "monitor/interventionbar.h"
#include "monitor/latencystrip.h"
#include "monitor/transcriptmodel.h"
#include "sim/simulatorserver.h"
#include "store/eventkinds.h"
#include "store/sqlitestore.h"
#include "uitestenv.h"

#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

// The call monitor and its intervention bar, driven through the buttons as a supervisor would:
// each intervention changes the call's state, the transcript and the audit trail; take-over
// cancels the AI's stream; hand-back does not greet the customer again.
class TestCallMonitor final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsContextAndTranscript();
    void interventions_data();
    void interventions();
    void takeOverCancelsStreamAndHandBackDoesNotGreet();
    void endCallWithReason();

private:
    CallSession *startCall(SimTiming timing = SimTiming{0, 0.0});
    int auditCount(const QString &action) const;
    int rowsOfKind(TranscriptModel::Kind kind) const;

    std::unique_ptr<UiTestEnv> m_env;
    std::unique_ptr<CallMonitorPage> m_page;
};

void TestCallMonitor::init() {}

void TestCallMonitor::cleanup()
{
    m_page.reset();
    m_env.reset();
}

CallSession *TestCallMonitor::startCall(SimTiming timing)
{
    m_env = std::make_unique<UiTestEnv>(timing);
    if (!m_env->start())
        return nullptr;
    m_page = std::make_unique<CallMonitorPage>(m_env->settings());
    m_page->setServices(m_env->services());
    m_page->resize(1000, 700);
    m_page->show();
    CallSession *session = m_env->services()->startTypedCall(QStringLiteral("Rita Ruiz"),
                                                             QStringLiteral("Renew the contract"));
    if (session)
        m_page->showSession(session);
    return session;
}

int TestCallMonitor::auditCount(const QString &action) const
{
    int n = 0;
    for (const AuditRecord &r : m_env->services()->store()->records())
        if (r.action == action && r.actor == QLatin1String("supervisor:sam"))
            ++n;
    return n;
}

int TestCallMonitor::rowsOfKind(TranscriptModel::Kind kind) const
{
    TranscriptModel *model = m_page->transcript();
    int n = 0;
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->item(i).kind == kind)
            ++n;
    return n;
}

void TestCallMonitor::showsContextAndTranscript()
{
    CallSession *s = startCall();
    QVERIFY(s);
    QVERIFY(m_page->contextCard()->text().contains(QLatin1String("Renew the contract")));
    // The agent greets first; its turn appears with latency and tokens in the header.
    QTRY_VERIFY_WITH_TIMEOUT(rowsOfKind(TranscriptModel::Kind::Agent) >= 1, 10000);
    s->customerUtterance(QStringLiteral("Hi, what is this about?"));
    QTRY_VERIFY_WITH_TIMEOUT(rowsOfKind(TranscriptModel::Kind::Agent) >= 2, 10000);
    QCOMPARE(rowsOfKind(TranscriptModel::Kind::Customer), 1);
    TranscriptModel *model = m_page->transcript();
    int agentRow = -1;
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->item(i).kind == TranscriptModel::Kind::Agent)
            agentRow = i;
    const QString header = model->index(agentRow).data(TranscriptModel::HeaderRole).toString();
    QVERIFY2(header.contains(QLatin1String("token")), qPrintable(header));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->latency()->turnCount() >= 2, 5000);
    QVERIFY(m_page->latency()->summary().contains(QLatin1String("p90")));
    QVERIFY(m_page->costMeter()->projectionText().contains(QLatin1String("$")));
}

void TestCallMonitor::interventions_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("audit");
    QTest::addColumn<QString>("eventKind");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("rowKind");

    QTest::newRow("listen") << "listen"
                            << ""
                            << "call.listen" << QString(EventKind::SupervisorListen)
                            << int(SupervisionMode::Listening)
                            << int(TranscriptModel::Kind::System);
    QTest::newRow("whisper") << "whisper"
                             << "Offer the loyalty discount"
                             << "call.whisper" << QString(EventKind::SupervisorWhisper)
                             << int(SupervisionMode::Whispering)
                             << int(TranscriptModel::Kind::Whisper);
    QTest::newRow("say") << "say"
                         << "We can keep your current price."
                         << "call.say" << QString(EventKind::SupervisorSay) << -1
                         << int(TranscriptModel::Kind::System);
    QTest::newRow("take over") << "takeover"
                               << ""
                               << "call.takeover" << QString(EventKind::SupervisorTakeover)
                               << int(SupervisionMode::TakenOver)
                               << int(TranscriptModel::Kind::System);
}

void TestCallMonitor::interventions()
{
    QFETCH(QString, button);
    QFETCH(QString, text);
    QFETCH(QString, audit);
    QFETCH(QString, eventKind);
    QFETCH(int, mode);
    QFETCH(int, rowKind);

    CallSession *s = startCall();
    QVERIFY(s);
    QTRY_VERIFY_WITH_TIMEOUT(s->state() == CallState::Active && !s->isAgentGenerating(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rowsOfKind(TranscriptModel::Kind::Agent) >= 1, 10000);
    InterventionBar *bar = m_page->interventions();
    const int rowsBefore = m_page->transcript()->rowCount();
    const int kindBefore = rowsOfKind(TranscriptModel::Kind(rowKind));
    const int eventsBefore = int(s->events().size());

    if (!text.isEmpty())
        QTest::keyClicks(bar->input(), text);
    QPushButton *b = button == QLatin1String("listen")    ? bar->listenButton()
                     : button == QLatin1String("whisper") ? bar->whisperButton()
                     : button == QLatin1String("say")     ? bar->sayButton()
                                                          : bar->takeOverButton();
    QVERIFY(b->isEnabled());
    QTest::mouseClick(b, Qt::LeftButton);

    if (mode >= 0)
        QTRY_COMPARE(int(s->supervision()), mode);
    QCOMPARE(auditCount(audit), 1);
    bool found = false;
    for (qsizetype i = eventsBefore; i < s->events().size(); ++i)
        found = found || s->events().at(i).kind == eventKind;
    QVERIFY2(found, qPrintable(eventKind));
    QTRY_VERIFY(m_page->transcript()->rowCount() > rowsBefore);
    QVERIFY(rowsOfKind(TranscriptModel::Kind(rowKind)) > kindBefore);
    QVERIFY(bar->input()->text().isEmpty());
    if (button == QLatin1String("whisper")) {
        const QString header = m_page->transcript()
                                   ->index(m_page->transcript()->rowCount() - 1)
                                   .data(TranscriptModel::HeaderRole)
                                   .toString();
        QVERIFY2(header.contains(QLatin1String("not heard by the customer")), qPrintable(header));
    }
    if (button == QLatin1String("say")) {
        // The agent delivers the line verbatim as its next turn.
        QTRY_VERIFY_WITH_TIMEOUT(m_page->transcript()
                                     ->item(m_page->transcript()->rowCount() - 1)
                                     .text.contains(QLatin1String("keep your current price")),
                                 10000);
    }
    if (button == QLatin1String("takeover")) {
        QVERIFY(!bar->takeOverButton()->isEnabled());
        QVERIFY(bar->handBackButton()->isEnabled());
        QVERIFY(bar->sendButton()->isEnabled());
    }
}

void TestCallMonitor::takeOverCancelsStreamAndHandBackDoesNotGreet()
{
    // A slow simulator: the agent is still speaking when the supervisor takes over.
    CallSession *s = startCall(SimTiming{20, 8.0});
    QVERIFY(s);
    QTRY_VERIFY_WITH_TIMEOUT(
        s->state() == CallState::Active && !s->isAgentGenerating() && s->stats().turns >= 1, 20000);
    m_env->services()->simulator()->setTiming(SimTiming{20, 4.0});
    s->customerUtterance(QStringLiteral("Tell me everything about the new contract options."));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_page->transcript()->rowCount() > 0 &&
            m_page->transcript()->item(m_page->transcript()->rowCount() - 1).streaming,
        10000);
    QVERIFY(s->isAgentGenerating());
    const int turnsBefore = s->stats().turns;

    InterventionBar *bar = m_page->interventions();
    QTest::mouseClick(bar->takeOverButton(), Qt::LeftButton);
    QCOMPARE(s->supervision(), SupervisionMode::TakenOver);
    QVERIFY(!s->isAgentGenerating());
    // The half-spoken reply is gone from the transcript and the take-over says it was cancelled.
    for (int i = 0; i < m_page->transcript()->rowCount(); ++i)
        QVERIFY(!m_page->transcript()->item(i).streaming);
    const CallEvent takeover = s->events().constLast();
    QCOMPARE(takeover.kind, QString(EventKind::SupervisorTakeover));
    QCOMPARE(takeover.payload.value(QLatin1String("cancelledStream")).toBool(), true);
    QTest::qWait(400);
    QCOMPARE(s->stats().turns, turnsBefore); // nothing more from the AI

    // The supervisor speaks to the customer.
    QTest::keyClicks(bar->input(), QStringLiteral("Hi, this is Sam, a supervisor. Let me help."));
    QTest::mouseClick(bar->sendButton(), Qt::LeftButton);
    QTRY_COMPARE(rowsOfKind(TranscriptModel::Kind::Supervisor), 1);
    QCOMPARE(auditCount(QStringLiteral("call.supervisor-turn")), 1);

    // Hand back: the AI continues without a second greeting.
    m_env->services()->simulator()->setTiming(SimTiming{0, 0.0});
    QTest::mouseClick(bar->handBackButton(), Qt::LeftButton);
    QCOMPARE(auditCount(QStringLiteral("call.handback")), 1);
    QVERIFY(s->supervision() != SupervisionMode::TakenOver);
    s->customerUtterance(QStringLiteral("Okay, and what about the price?"));
    QTRY_VERIFY_WITH_TIMEOUT(s->stats().turns > turnsBefore, 10000);
    int greetings = 0;
    for (const CallEvent &e : s->events())
        if (e.kind == EventKind::AgentTurn &&
            e.payload.value(QLatin1String("text"))
                .toString()
                .contains(QLatin1String("an AI"), Qt::CaseInsensitive))
            ++greetings;
    QCOMPARE(greetings, 1);
}

void TestCallMonitor::endCallWithReason()
{
    CallSession *s = startCall();
    QVERIFY(s);
    QTRY_VERIFY_WITH_TIMEOUT(s->state() == CallState::Active, 10000);
    InterventionBar *bar = m_page->interventions();
    QVERIFY(bar->endButton()->isEnabled());
    QAction *first = bar->endReasons()->actions().first();
    first->trigger();
    QTRY_COMPARE(s->state(), CallState::Ended);
    QCOMPARE(auditCount(QStringLiteral("call.end")), 1);
    QVERIFY(s->endReason().contains(first->text()) || !s->endReason().isEmpty());
    QVERIFY(!bar->endButton()->isEnabled());
    QVERIFY(!bar->whisperButton()->isEnabled());
    QTRY_VERIFY(m_page->transcript()
                    ->item(m_page->transcript()->rowCount() - 1)
                    .text.contains(QLatin1String("Call ended")));
}

QTEST_MAIN(TestCallMonitor)
#include "tst_callmonitor.moc"
