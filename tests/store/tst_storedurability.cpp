#include "store/eventkinds.h"
#include "store/sqlitestore.h"
#include "tempdatadir.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// Other processes against the same database: one killed with SIGKILL mid-call, and one
// writing at the same time as this process (WAL).
class tst_StoreDurability : public QObject
{
    Q_OBJECT

private slots:
    void killedWriterLosesNothingCommitted_data();
    void killedWriterLosesNothingCommitted();
    void twoProcessesWriteAtOnce();

private:
    static qint64 lastCommitted(const QByteArray &output);
};

qint64 tst_StoreDurability::lastCommitted(const QByteArray &output)
{
    static const QRegularExpression line(QStringLiteral("committed (\\d+)\\n"));
    qint64 last = 0;
    auto it = line.globalMatch(QString::fromLatin1(output));
    while (it.hasNext())
        last = it.next().captured(1).toLongLong();
    return last;
}

void tst_StoreDurability::killedWriterLosesNothingCommitted_data()
{
    QTest::addColumn<int>("killAfter");
    QTest::newRow("early") << 5;
    QTest::newRow("mid-call") << 300;
}

void tst_StoreDurability::killedWriterLosesNothingCommitted()
{
    QFETCH(int, killAfter);
    TempDataDir dir;
    QProcess writer;
    writer.start(QStringLiteral(VOICEAI_STORE_WRITER),
                 {dir.dataDir(), QStringLiteral("crash-call"), QStringLiteral("0")});
    QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
    QByteArray output;
    while (lastCommitted(output) < killAfter) {
        QVERIFY2(writer.state() == QProcess::Running,
                 qPrintable(QString::fromLocal8Bit(writer.readAllStandardError())));
        writer.waitForReadyRead(10000);
        output += writer.readAllStandardOutput();
    }
    writer.kill(); // SIGKILL: no destructors, no COMMIT of anything in flight, no checkpoint
    QVERIFY(writer.waitForFinished(10000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    output += writer.readAllStandardOutput();
    const qint64 seen = lastCommitted(output);
    QVERIFY(seen >= killAfter);

    QString error;
    auto store = SqliteStore::open(dir.dataDir(), &error);
    QVERIFY2(store, qPrintable(error));
    const QList<CallEvent> events = store->events(QStringLiteral("crash-call"));
    // Everything the writer reported as committed is there, in order, without holes.
    QVERIFY2(events.size() >= seen,
             qPrintable(QStringLiteral("%1 stored, %2 reported").arg(events.size()).arg(seen)));
    for (int i = 0; i < events.size(); ++i)
        QCOMPARE(events.at(i).seq, qint64(i + 1));
    const QString lastText = QStringLiteral("line%1").arg(seen);
    QCOMPARE(events.at(seen - 1).payload.value(QStringLiteral("text")).toString(),
             lastText + QStringLiteral(" of the call"));
    QCOMPARE(store->search(lastText, 5).size(), 1);

    QCOMPARE(store->call(QStringLiteral("crash-call"))->state, QStringLiteral("active"));
    QCOMPARE(store->markInterruptedCalls(), 1);
    const auto call = store->call(QStringLiteral("crash-call"));
    QCOMPARE(call->state, QStringLiteral("interrupted"));
    const QList<CallEvent> after = store->events(QStringLiteral("crash-call"));
    QCOMPARE(after.size(), events.size() + 1);
    QCOMPARE(after.last().kind, QString(EventKind::CallInterrupted));
}

void tst_StoreDurability::twoProcessesWriteAtOnce()
{
    TempDataDir dir;
    QString error;
    auto store = SqliteStore::open(dir.dataDir(), &error);
    QVERIFY2(store, qPrintable(error));
    CallRecord mine;
    mine.id = QStringLiteral("parent-call");
    QVERIFY(store->createCall(mine));

    constexpr int Count = 400;
    QProcess writer;
    writer.start(QStringLiteral(VOICEAI_STORE_WRITER),
                 {dir.dataDir(), QStringLiteral("child-call"), QString::number(Count)});
    QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
    for (int seq = 1; seq <= Count; ++seq) {
        CallEvent event;
        event.callId = mine.id;
        event.seq = seq;
        event.actor = QStringLiteral("agent");
        event.kind = EventKind::AgentTurn;
        event.payload.insert(QStringLiteral("text"), QStringLiteral("parent %1").arg(seq));
        QVERIFY2(store->appendEvents({event}), qPrintable(store->lastError()));
        if (seq % 50 == 0) // and read what the other process wrote so far
            QVERIFY(store->events(QStringLiteral("child-call")).size() <= Count);
    }
    QVERIFY(writer.waitForFinished(60000));
    QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
    QCOMPARE(lastCommitted(writer.readAllStandardOutput()), qint64(Count));
    QCOMPARE(store->events(mine.id).size(), Count);
    QCOMPARE(store->events(QStringLiteral("child-call")).size(), Count);
    // The child's call belongs to a finished process now; ours is still running.
    QCOMPARE(store->markInterruptedCalls(), 1);
    QCOMPARE(store->call(mine.id)->state, QStringLiteral("active"));
}

QTEST_GUILESS_MAIN(tst_StoreDurability)
#include "tst_storedurability.moc"
