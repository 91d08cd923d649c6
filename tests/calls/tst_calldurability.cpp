// Crash durability: `voiceai-cli call` runs a call against a slow simulator in this process and
// is killed with SIGKILL mid-stream. Reopened, the store holds every event up to the last one
// the child announced, and the call shows as interrupted once markInterruptedCalls() has run.

#include "calls/callmanager.h"
#include "calls/callservices.h"
#include "sim/simulatorserver.h"
#include "store/eventkinds.h"
#include "store/sqlitestore.h"
#include "tempdatadir.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestCallDurability : public QObject
{
    Q_OBJECT

private slots:
    void killedMidCallLosesNothingAnnounced();
};

void TestCallDurability::killedMidCallLosesNothingAnnounced()
{
    TempDataDir dir;
    SimulatorServer sim;
    sim.setTiming(SimTiming{20, 60.0}); // about a second per reply: time to kill mid-stream
    QVERIFY(sim.listen());

    const QString scenarioFile = dir.path() + QStringLiteral("/scenario.json");
    QFile file(scenarioFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({
        "name": "durability",
        "context": {"purpose": "Offer the fibre upgrade", "customerName": "Maria Lopez", "customerId": "c-9"},
        "customer": {"lines": ["Yes, go on.", "Tell me more about the speed.", "And the price?",
                               "What about the contract?", "Thanks, goodbye."]}
    })");
    file.close();

    QProcess child;
    child.setProcessEnvironment(dir.processEnvironment());
    QByteArray output;
    connect(&child, &QProcess::readyReadStandardOutput, this,
            [&] { output += child.readAllStandardOutput(); });
    child.start(QStringLiteral(VOICEAI_CLI_PATH),
                {QStringLiteral("call"), QStringLiteral("--scenario"), scenarioFile,
                 QStringLiteral("--data-dir"), dir.dataDir(), QStringLiteral("--base-url"),
                 sim.baseUrl().toString()});
    QVERIFY(child.waitForStarted());

    // Wait for two finished agent turns, then for the stored start of the next reply's stream.
    QVERIFY(QTest::qWaitFor([&] { return output.count("agent:") >= 2; }, 30000));
    const QRegularExpression startedLine(QStringLiteral("^call (\\S+) started"),
                                         QRegularExpression::MultilineOption);
    const QString callId = startedLine.match(QString::fromUtf8(output)).captured(1);
    QVERIFY(!callId.isEmpty());
    QString error;
    std::unique_ptr<SqliteStore> reader = SqliteStore::openExisting(dir.dataDir(), &error);
    QVERIFY2(reader, qPrintable(error));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QList<CallEvent> events = reader->events(callId);
            return !events.isEmpty() && events.last().kind == EventKind::AgentDelta &&
                   output.count("agent:") >= 2;
        },
        30000));
    child.kill(); // SIGKILL: no chance to clean up
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    output += child.readAllStandardOutput();
    reader.reset();

    // Every event the child announced is stored, in order, with nothing missing in between.
    std::unique_ptr<SqliteStore> store = SqliteStore::open(dir.dataDir(), &error);
    QVERIFY2(store, qPrintable(error));
    const QList<CallEvent> events = store->events(callId);
    QVERIFY(!events.isEmpty());
    for (qsizetype i = 0; i < events.size(); ++i)
        QCOMPARE(events.at(i).seq, i + 1);
    const QRegularExpression announced(
        QStringLiteral("^#(\\d+) (agent|customer): (.*?)(  \\[.*\\])?$"),
        QRegularExpression::MultilineOption);
    int checked = 0;
    for (auto it = announced.globalMatch(QString::fromUtf8(output)); it.hasNext(); ++checked) {
        const auto match = it.next();
        const qint64 seq = match.captured(1).toLongLong();
        QVERIFY(seq <= events.size());
        QCOMPARE(events.at(seq - 1).payload.value(QStringLiteral("text")).toString(),
                 match.captured(3));
    }
    QVERIFY(checked >= 3);
    QCOMPARE(events.last().kind, QString(EventKind::AgentDelta)); // the reply being streamed
    QCOMPARE(store->call(callId)->state, QStringLiteral("active"));

    // The next start-up finds the call of the dead process and marks it interrupted.
    CallServices services;
    services.calls = store.get();
    CallManager manager(services);
    QCOMPARE(manager.interruptedAtStartup(), 1);
    QCOMPARE(store->call(callId)->state, QStringLiteral("interrupted"));
    const QList<CallEvent> after = store->events(callId);
    QCOMPARE(after.size(), events.size() + 1);
    QCOMPARE(after.last().kind, QString(EventKind::CallInterrupted));
}

QTEST_GUILESS_MAIN(TestCallDurability)
#include "tst_calldurability.moc"
