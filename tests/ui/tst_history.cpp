#include "calls/callsession.h"
#include "calls/scenario.h"
#include "history/historypage.h"
#include "mainwindow.h"
#include "monitor/callmonitorpage.h"
#include "monitor/interventionbar.h"
#include "monitor/transcriptmodel.h"
#include "store/sqlitestore.h"
#include "uitestenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

// The history page: full-text search finds a finished call, filters narrow the list, a past
// call opens read-only in the monitor, exports are written (masked by default) and a call becomes
// a regression scenario with the customer's lines.
class TestHistory final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void searchFindsCall_data();
    void searchFindsCall();
    void campaignFilter();
    void opensReadOnlyInMonitor();
    void exports_data();
    void exports();
    void regressionScenario();
    void badInputIsReported();

private:
    std::unique_ptr<UiTestEnv> m_env;
    std::unique_ptr<HistoryPage> m_page;
    QString m_callId;
};

void TestHistory::initTestCase()
{
    m_env = std::make_unique<UiTestEnv>();
    QVERIFY(m_env->start());
    CallSession *s = m_env->services()->startTypedCall(QStringLiteral("Hugo Hansen"),
                                                       QStringLiteral("Fix the router"));
    QVERIFY(s);
    m_callId = s->id();
    QTRY_VERIFY_WITH_TIMEOUT(s->state() == CallState::Active && !s->isAgentGenerating(), 10000);
    s->customerUtterance(
        QStringLiteral("My router blinks purple since Tuesday, mail me at hugo@example.com"));
    QTRY_VERIFY_WITH_TIMEOUT(s->stats().turns >= 2 && !s->isAgentGenerating(), 10000);
    s->end(QStringLiteral("supervisor:sam"), QStringLiteral("resolved"));
    QTRY_COMPARE(s->state(), CallState::Ended);
    m_page = std::make_unique<HistoryPage>();
    m_page->setServices(m_env->services());
}

void TestHistory::cleanupTestCase()
{
    m_page.reset();
    m_env.reset();
}

void TestHistory::searchFindsCall_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("word from the customer") << QStringLiteral("purple") << 1;
    QTest::newRow("no such word") << QStringLiteral("zeppelin") << 0;
    QTest::newRow("empty lists all") << QString() << 1;
}

void TestHistory::searchFindsCall()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    m_page->searchField()->clear();
    QTest::keyClicks(m_page->searchField(), text);
    QTest::keyClick(m_page->searchField(), Qt::Key_Return);
    QCOMPARE(m_page->model()->rowCount(), rows);
    if (rows > 0)
        QCOMPARE(m_page->model()->item(0, HistoryPage::Customer)->text(),
                 QStringLiteral("Hugo Hansen"));
}

void TestHistory::campaignFilter()
{
    m_page->searchField()->clear();
    CallFilter filter = m_page->currentFilter();
    filter.campaign = QStringLiteral("test-calls");
    QCOMPARE(m_env->services()->store()->listCalls(filter).size(), 1);
    filter.campaign = QStringLiteral("no-such-campaign");
    QCOMPARE(m_env->services()->store()->listCalls(filter).size(), 0);
}

void TestHistory::opensReadOnlyInMonitor()
{
    MainWindow window(m_env->settings());
    window.show();
    window.setServices(m_env->services());
    window.showPage(MainWindow::History);
    window.history()->refresh();
    window.history()->selectCall(m_callId);
    QCOMPARE(window.history()->selectedCallId(), m_callId);
    window.history()->view()->activated(window.history()->view()->currentIndex());
    // A call that is no longer live opens from the store, read-only.
    QCOMPARE(window.currentPage(), int(MainWindow::Monitor));
    CallMonitorPage *monitor = window.monitor();
    QVERIFY(monitor->isReadOnly());
    QVERIFY(!monitor->interventions()->whisperButton()->isEnabled());
    QVERIFY(!monitor->interventions()->takeOverButton()->isEnabled());
    bool found = false;
    for (int i = 0; i < monitor->transcript()->rowCount(); ++i)
        found = found || monitor->transcript()->item(i).text.contains(QLatin1String("purple"));
    QVERIFY(found);
    window.setServices(nullptr);
}

void TestHistory::exports_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("unmasked");
    QTest::newRow("md") << QStringLiteral("md") << false;
    QTest::newRow("json") << QStringLiteral("json") << false;
    QTest::newRow("csv") << QStringLiteral("csv") << false;
    QTest::newRow("md unmasked") << QStringLiteral("md") << true;
}

void TestHistory::exports()
{
    QFETCH(QString, format);
    QFETCH(bool, unmasked);
    const QString path = m_env->dir().path() + QStringLiteral("/export.") + format;
    const int auditsBefore = int(m_env->services()->store()->records().size());
    QString error;
    QVERIFY2(m_page->exportCall(m_callId, format, path, unmasked, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("purple"));
    // Personal data is masked unless explicitly asked for, and asking is audited.
    QCOMPARE(bytes.contains("hugo@example.com"), unmasked);
    QCOMPARE(int(m_env->services()->store()->records().size()), auditsBefore + (unmasked ? 1 : 0));
    if (format == QLatin1String("json"))
        QVERIFY(!QJsonDocument::fromJson(bytes).isNull());
}

void TestHistory::regressionScenario()
{
    const QString path = m_env->dir().path() + QStringLiteral("/scenarios/regression.json");
    QString error;
    QVERIFY2(m_page->writeRegressionScenario(m_callId, path, &error), qPrintable(error));
    QString loadError;
    const std::optional<Scenario> scenario = Scenario::load(path, &loadError);
    QVERIFY2(scenario, qPrintable(loadError));
    QCOMPARE(scenario->scriptedLines.size(), 1);
    QVERIFY(scenario->scriptedLines.first().contains(QLatin1String("purple")));
    QCOMPARE(scenario->context.customerName, QStringLiteral("Hugo Hansen"));
    QCOMPARE(scenario->context.purpose, QStringLiteral("Fix the router"));
}

void TestHistory::badInputIsReported()
{
    QString error;
    QVERIFY(!m_page->exportCall(m_callId, QStringLiteral("pdf"),
                                m_env->dir().path() + QStringLiteral("/x.pdf"), false, &error));
    QVERIFY(error.contains(QLatin1String("pdf")));
    QVERIFY(!m_page->exportCall(QStringLiteral("nope"), QStringLiteral("md"),
                                m_env->dir().path() + QStringLiteral("/x.md"), false, &error));
    QVERIFY(error.contains(QLatin1String("nope")));
    QVERIFY(!m_page->writeRegressionScenario(m_callId, QStringLiteral("/proc/forbidden/x.json"),
                                             &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
