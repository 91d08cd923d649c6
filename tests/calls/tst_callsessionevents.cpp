// CallEventWriter: events numbered and stored before they are announced; streamed text gathered
// into agent.delta events by size and time without losing or reordering anything.

#include "calls/calleventwriter.h"
#include "store/callrecord.h"
#include "store/eventkinds.h"
#include "store/sqlitestore.h"
#include "tempdatadir.h"

#include <QSignalSpy>
#include <QTest>

class TestCallSessionEvents : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void deltasAreBatched_data();
    void deltasAreBatched();
    void otherEventsFlushPendingTextFirst();
    void storedBeforeAnnounced();
    void continuesAfterTheLastStoredSeq();

private:
    std::unique_ptr<TempDataDir> m_dir;
    std::unique_ptr<SqliteStore> m_store;
    const QString m_callId = QStringLiteral("call-1");
};

void TestCallSessionEvents::init()
{
    m_dir = std::make_unique<TempDataDir>();
    QString error;
    m_store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY2(m_store, qPrintable(error));
    CallRecord record;
    record.id = m_callId;
    record.startedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(m_store->createCall(record));
}

void TestCallSessionEvents::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestCallSessionEvents::deltasAreBatched_data()
{
    QTest::addColumn<int>("batchChars");
    QTest::addColumn<QStringList>("pieces");
    QTest::addColumn<QStringList>("stored"); // agent.delta texts after the final flush
    QTest::newRow("one window") << 100 << QStringList{"Hel", "lo ", "there"}
                                << QStringList{"Hello there"};
    QTest::newRow("size splits") << 5 << QStringList{"Hel", "lo ", "there"}
                                 << QStringList{"Hello ", "there"};
    QTest::newRow("each piece") << 1 << QStringList{"a", "b", "c"} << QStringList{"a", "b", "c"};
    QTest::newRow("empty pieces") << 100 << QStringList{"", "x", ""} << QStringList{"x"};
}

void TestCallSessionEvents::deltasAreBatched()
{
    QFETCH(int, batchChars);
    QFETCH(QStringList, pieces);
    QFETCH(QStringList, stored);
    CallEventWriter writer(m_store.get(), m_callId, 60000, batchChars);
    QSignalSpy announced(&writer, &CallEventWriter::deltaStored);
    for (const QString &piece : pieces)
        writer.appendDelta(piece);
    writer.flush();
    QStringList texts;
    for (const CallEvent &event : m_store->events(m_callId)) {
        QCOMPARE(event.kind, QString(EventKind::AgentDelta));
        texts.append(event.payload.value(QStringLiteral("text")).toString());
    }
    QCOMPARE(texts, stored);
    QCOMPARE(announced.size(), stored.size());
}

void TestCallSessionEvents::otherEventsFlushPendingTextFirst()
{
    CallEventWriter writer(m_store.get(), m_callId, 60000, 1000);
    writer.appendDelta(QStringLiteral("Good"));
    writer.appendDelta(QStringLiteral("bye."));
    writer.append(QStringLiteral("agent"), QString(EventKind::AgentTurn),
                  {{QStringLiteral("text"), "Goodbye."}});
    const QList<CallEvent> events = m_store->events(m_callId);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).kind, QString(EventKind::AgentDelta));
    QCOMPARE(events.at(0).payload.value(QStringLiteral("text")).toString(),
             QStringLiteral("Goodbye."));
    QCOMPARE(events.at(1).kind, QString(EventKind::AgentTurn));
    QCOMPARE(events.at(0).seq, 1);
    QCOMPARE(events.at(1).seq, 2);
}

void TestCallSessionEvents::storedBeforeAnnounced()
{
    CallEventWriter writer(m_store.get(), m_callId, 10, 1000);
    int early = 0;
    int seen = 0;
    connect(&writer, &CallEventWriter::appended, this, [&](const CallEvent &event) {
        ++seen;
        if (m_store->lastSeq(m_callId) < event.seq)
            ++early;
    });
    writer.append(QStringLiteral("system"), QString(EventKind::CallStarted));
    writer.appendDelta(QStringLiteral("streamed by the timer"));
    QVERIFY(QTest::qWaitFor([&] { return seen == 2; }, 5000)); // the time window flushes on its own
    QCOMPARE(early, 0);
    QCOMPARE(writer.events().size(), 2);
    QVERIFY(writer.isDurable());
}

void TestCallSessionEvents::continuesAfterTheLastStoredSeq()
{
    {
        CallEventWriter writer(m_store.get(), m_callId, 60000, 1000);
        writer.append(QStringLiteral("system"), QString(EventKind::CallStarted));
        writer.appendDelta(QStringLiteral("pending at destruction")); // stored, not announced
    }
    CallEventWriter again(m_store.get(), m_callId, 60000, 1000);
    const CallEvent event = again.append(QStringLiteral("system"), QString(EventKind::CallEnded));
    QCOMPARE(event.seq, 3);
    const QList<CallEvent> events = m_store->events(m_callId);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(1).payload.value(QStringLiteral("text")).toString(),
             QStringLiteral("pending at destruction"));
}

QTEST_GUILESS_MAIN(TestCallSessionEvents)
#include "tst_callsessionevents.moc"
