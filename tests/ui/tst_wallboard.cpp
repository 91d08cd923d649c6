#include "calls/callmanager.h"
#include "calls/callsession.h"
#include "live/callstablemodel.h"
#include "live/riskalerter.h"
#include "live/risksortproxy.h"
#include "live/wallboardpage.h"
#include "mainwindow.h"
#include "monitor/callmonitorpage.h"
#include "uitestenv.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

// The live calls wallboard: rows appear for simulated calls and follow them as they progress,
// updates are coalesced, the proxy ranks by risk and filters, and Ctrl+J opens the riskiest call.
class TestWallboard final : public QObject
{
    Q_OBJECT

private slots:
    void followsSimulatedCalls();
    void coalescesUpdates();
    void proxyRanksByRiskAndFilters();
    void jumpOpensRiskiestCall();
    void highRiskRaisesOneAlert();
};

void TestWallboard::followsSimulatedCalls()
{
    UiTestEnv env(SimTiming{0, 0.0}, 3);
    WallboardPage page(env.settings());
    QVERIFY(env.start());
    page.setServices(env.services());
    CallsTableModel *model = page.model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(page.liveCount() + 0, model->liveCount());

    // As the calls run, turns and tokens show up in the rows.
    QTRY_VERIFY_WITH_TIMEOUT(model->index(0, CallsTableModel::Turns).data().toInt() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!model->index(0, CallsTableModel::Model).data().toString().isEmpty(),
                             20000);
    const QString budget = model->index(0, CallsTableModel::Budget).data().toString();
    QVERIFY2(budget.contains(QLatin1String("tok")), qPrintable(budget));
    QVERIFY(!model->index(0, CallsTableModel::Customer).data().toString().isEmpty());
    QVERIFY(!model->index(0, CallsTableModel::Campaign).data().toString().isEmpty());

    // A new call appears as a new row.
    env.services()->startDemoCalls(1);
    QCOMPARE(model->rowCount(), 4);
    // Ending a call shows it as ended; hiding ended calls filters it out.
    CallSession *first = model->session(0);
    first->end(QStringLiteral("supervisor:sam"), QStringLiteral("test"));
    QTRY_COMPARE(model->index(0, CallsTableModel::State).data().toString(),
                 QStringLiteral("Ended"));
    page.proxy()->setShowEnded(false);
    QCOMPARE(page.proxy()->rowCount(),
             model->rowCount() - (model->rowCount() - model->liveCount()));
}

void TestWallboard::coalescesUpdates()
{
    UiTestEnv env(SimTiming{0, 2000.0}, 4);
    CallsTableModel model;
    model.setRefreshMs(200);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(env.start());
    model.setCallManager(env.services()->calls());
    QCOMPARE(model.rowCount(), 4);

    // Count what the sessions emit while the model batches.
    int sessionSignals = 0;
    for (CallSession *s : env.services()->calls()->sessions()) {
        connect(s, &CallSession::eventAppended, this, [&sessionSignals] { ++sessionSignals; });
        connect(s, &CallSession::agentDelta, this, [&sessionSignals] { ++sessionSignals; });
        connect(s, &CallSession::statsChanged, this, [&sessionSignals] { ++sessionSignals; });
    }
    QTest::qWait(1500);
    QVERIFY(sessionSignals > 20);
    // At most one dataChanged per refresh window (plus the 1 s clock's) — far fewer than signals.
    QVERIFY2(changed.count() <= 1500 / 200 + 3,
             qPrintable(QStringLiteral("%1 dataChanged for %2 session signals")
                            .arg(changed.count())
                            .arg(sessionSignals)));
    QVERIFY(changed.count() >= 1);
}

void TestWallboard::proxyRanksByRiskAndFilters()
{
    UiTestEnv env;
    QVERIFY(env.start());
    CallsTableModel model;
    RiskSortProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(CallsTableModel::Risk, Qt::DescendingOrder);
    CallSession *calm = env.services()->startTypedCall(QStringLiteral("Calm Carla"),
                                                       QStringLiteral("Confirm an appointment"));
    CallSession *upset = env.services()->startTypedCall(QStringLiteral("Upset Ulrich"),
                                                        QStringLiteral("Collect a payment"));
    QVERIFY(calm && upset);
    model.addSession(calm);
    model.addSession(upset);
    QTRY_VERIFY_WITH_TIMEOUT(upset->state() == CallState::Active, 10000);
    upset->customerUtterance(QStringLiteral("This is ridiculous, I want to speak to a manager."));
    QTRY_VERIFY_WITH_TIMEOUT(
        (model.flush(), model.risk(model.rowOf(upset->id())).has(RiskKind::HumanRequested)), 10000);
    model.flush();
    QCOMPARE(proxy.index(0, CallsTableModel::Customer).data().toString(),
             QStringLiteral("Upset Ulrich"));
    const QString tooltip = proxy.index(0, CallsTableModel::Risk).data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QLatin1String("human")), qPrintable(tooltip));

    proxy.setText(QStringLiteral("carla"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, CallsTableModel::Customer).data().toString(),
             QStringLiteral("Calm Carla"));
    proxy.setText(QString());
    QCOMPARE(proxy.rowCount(), 2);
}

void TestWallboard::jumpOpensRiskiestCall()
{
    UiTestEnv env;
    MainWindow window(env.settings());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(env.start());
    window.setServices(env.services());
    CallSession *a =
        env.services()->startTypedCall(QStringLiteral("Ann"), QStringLiteral("Survey"));
    CallSession *b =
        env.services()->startTypedCall(QStringLiteral("Bob"), QStringLiteral("Survey"));
    QVERIFY(a && b);
    QTRY_VERIFY_WITH_TIMEOUT(b->state() == CallState::Active, 10000);
    b->customerUtterance(QStringLiteral("Put me through to a real person, this is awful."));
    QTRY_VERIFY_WITH_TIMEOUT(
        (window.wallboard()->model()->flush(), window.wallboard()->riskiestSession() == b), 10000);
    QTest::keyClick(&window, Qt::Key_J, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), int(MainWindow::Monitor));
    QCOMPARE(window.monitor()->session(), b);
    window.setServices(nullptr);
}

void TestWallboard::highRiskRaisesOneAlert()
{
    UiTestEnv env;
    env.settings()->setAlertThreshold(40);
    QVERIFY(env.start());
    CallsTableModel model;
    RiskAlerter alerter(env.settings(), &model);
    QSignalSpy alerts(&alerter, &RiskAlerter::alertRaised);
    CallSession *s =
        env.services()->startTypedCall(QStringLiteral("Dora"), QStringLiteral("Renewal"));
    model.addSession(s);
    QTRY_VERIFY_WITH_TIMEOUT(s->state() == CallState::Active, 10000);
    s->customerUtterance(QStringLiteral("I want to talk to a human."));
    QTRY_COMPARE_WITH_TIMEOUT((model.flush(), alerts.count()), 1, 10000);
    QVERIFY(alerts.first().first().toString().contains(QLatin1String("Dora")));
    // Staying above the threshold does not alert again.
    s->customerUtterance(QStringLiteral("A human, please."));
    QTest::qWait(300);
    model.flush();
    QCOMPARE(alerts.count(), 1);
}

QTEST_MAIN(TestWallboard)
#include "tst_wallboard.moc"
