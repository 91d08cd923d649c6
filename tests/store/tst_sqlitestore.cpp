#include "store/eventkinds.h"
#include "store/sqlitestore.h"
#include "store/storedatabase.h"
#include "tempdatadir.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <sys/stat.h>

class tst_SqliteStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void migratesEmptyDatabase();
    void reopenKeepsData();
    void migratesFromOlderSchema();
    void refusesNewerSchema();
    void refusesGarbageFile();
    void openExistingNeedsDatabase();
    void filesAreOwnerOnly();

    void appendsAndReadsInOrder_data();
    void appendsAndReadsInOrder();
    void assignsMissingSeq();
    void appendIsAtomic();
    void appendToUnknownCallFails();

    void search_data();
    void search();
    void listCallsFilters();
    void finishCall();

    void retentionDeletesOldCalls();
    void retentionFromSetting();
    void marksInterruptedCalls();

    void promptVersions();
    void usageRecords();
    void optOuts();

private:
    CallRecord makeCall(const QString &id, const QDateTime &startedAt = {});
    CallEvent makeEvent(const QString &callId, qint64 seq, const QString &kind,
                        const QString &text);
    qint64 deadPid();
    void execSql(const QString &sql);

    std::unique_ptr<TempDataDir> m_dir;
    std::unique_ptr<SqliteStore> m_store;
};

CallRecord tst_SqliteStore::makeCall(const QString &id, const QDateTime &startedAt)
{
    CallRecord call;
    call.id = id;
    call.startedAt = startedAt.isValid() ? startedAt : QDateTime::currentDateTimeUtc();
    call.customerName = QStringLiteral("Dana Example");
    call.customerId = QStringLiteral("cust-") + id;
    call.campaign = QStringLiteral("renewals");
    call.purpose = QStringLiteral("contract renewal");
    call.language = QStringLiteral("en");
    call.promptName = QStringLiteral("voiceai-agent");
    call.promptVersion = 1;
    call.contextJson = {{QStringLiteral("purpose"), QStringLiteral("contract renewal")}};
    return call;
}

CallEvent tst_SqliteStore::makeEvent(const QString &callId, qint64 seq, const QString &kind,
                                     const QString &text)
{
    CallEvent event;
    event.callId = callId;
    event.seq = seq;
    event.time = QDateTime::currentDateTimeUtc();
    event.actor =
        kind == EventKind::CustomerUtterance ? QStringLiteral("customer") : QStringLiteral("agent");
    event.kind = kind;
    event.payload.insert(QStringLiteral("text"), text);
    return event;
}

qint64 tst_SqliteStore::deadPid()
{
    // A process that has certainly finished: its pid names nobody that owns a call.
    QProcess process;
    process.start(QStringLiteral("true"));
    if (!process.waitForFinished(10000))
        return 0;
    return process.processId() > 0 ? process.processId() : 999999;
}

void tst_SqliteStore::execSql(const QString &sql)
{
    const QString name = QStringLiteral("tst-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(m_dir->dataDir()).filePath(QLatin1String(SqliteStore::FileName)));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(name);
}

void tst_SqliteStore::init()
{
    m_dir = std::make_unique<TempDataDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY2(m_store, qPrintable(error));
}

void tst_SqliteStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_SqliteStore::migratesEmptyDatabase()
{
    QCOMPARE(m_store->schemaVersion(), SqliteStore::latestSchemaVersion());
    QVERIFY(SqliteStore::latestSchemaVersion() >= 4);
    QVERIFY(QFile::exists(m_store->filePath()));
    QCOMPARE(QFileInfo(m_store->filePath()).fileName(), QStringLiteral("voiceai.sqlite"));
}

void tst_SqliteStore::reopenKeepsData()
{
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("c1"))));
    QVERIFY(m_store->appendEvent(
        makeEvent(QStringLiteral("c1"), 1, EventKind::CustomerUtterance, QStringLiteral("hi"))));
    m_store.reset();
    QString error;
    m_store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY2(m_store, qPrintable(error));
    QCOMPARE(m_store->schemaVersion(), SqliteStore::latestSchemaVersion());
    const auto call = m_store->call(QStringLiteral("c1"));
    QVERIFY(call);
    QCOMPARE(call->customerName, QStringLiteral("Dana Example"));
    QCOMPARE(call->contextJson.value(QStringLiteral("purpose")).toString(),
             QStringLiteral("contract renewal"));
    QCOMPARE(m_store->events(QStringLiteral("c1")).size(), 1);
}

void tst_SqliteStore::migratesFromOlderSchema()
{
    m_store.reset();
    TempDataDir other;
    const QString path = QDir(other.dataDir()).filePath(QLatin1String(SqliteStore::FileName));
    QString error;
    {
        auto v1 = StoreDatabase::open(path, true, &error, 1);
        QVERIFY2(v1, qPrintable(error));
        QCOMPARE(v1->schemaVersion(), 1);
        QSqlQuery q(v1->database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO calls (id, started_at, state) VALUES"
                                      " ('old', 1700000000000, 'ended')")));
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM audit_log"))); // not there yet
    }
    auto store = SqliteStore::open(other.dataDir(), &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->schemaVersion(), SqliteStore::latestSchemaVersion());
    QVERIFY(store->call(QStringLiteral("old")));
    QVERIFY(
        store->append({0, {}, QStringLiteral("system"), QStringLiteral("test"), {}, {}, {}, {}}));
}

void tst_SqliteStore::refusesNewerSchema()
{
    m_store.reset();
    execSql(QStringLiteral("INSERT INTO schema_version (version, applied_at, description)"
                           " VALUES (99, 0, 'from the future')"));
    QString error;
    auto store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(QLatin1String("schema version 99")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
}

void tst_SqliteStore::refusesGarbageFile()
{
    m_store.reset();
    const QString path = QDir(m_dir->dataDir()).filePath(QLatin1String(SqliteStore::FileName));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    const QByteArray garbage(8192, 'x');
    file.write(garbage);
    file.close();
    QString error;
    auto store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("not")), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage); // nothing lost, nothing overwritten
}

void tst_SqliteStore::openExistingNeedsDatabase()
{
    TempDataDir empty;
    QString error;
    auto store = SqliteStore::openExisting(empty.dataDir(), &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(QLatin1String("no database")), qPrintable(error));
    QVERIFY(!QFile::exists(QDir(empty.dataDir()).filePath(QLatin1String(SqliteStore::FileName))));
}

void tst_SqliteStore::filesAreOwnerOnly()
{
    // Write something so that the -wal and -shm files exist while the store is open.
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("perm"))));
    const QString path = m_store->filePath();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        struct stat info = {};
        QVERIFY2(::stat(QFile::encodeName(path + suffix).constData(), &info) == 0,
                 qPrintable(path + suffix));
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
    }
    struct stat existing = {};
    QVERIFY(::stat(QFile::encodeName(m_dir->dataDir()).constData(), &existing) == 0);
    QCOMPARE(existing.st_mode & 0777, mode_t(0700)); // tightened even though it existed
    TempDataDir fresh;
    const QString dir = QDir(fresh.path()).filePath(QStringLiteral("new/data"));
    QString error;
    auto store = SqliteStore::open(dir, &error);
    QVERIFY2(store, qPrintable(error));
    struct stat info = {};
    QVERIFY(::stat(QFile::encodeName(dir).constData(), &info) == 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0700));
}

void tst_SqliteStore::appendsAndReadsInOrder_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("batch");
    QTest::newRow("one at a time") << 20 << 1;
    QTest::newRow("batches of 7") << 50 << 7;
    QTest::newRow("one batch") << 100 << 100;
}

void tst_SqliteStore::appendsAndReadsInOrder()
{
    QFETCH(int, events);
    QFETCH(int, batch);
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("order"))));
    QList<CallEvent> pending;
    for (int seq = 1; seq <= events; ++seq) {
        CallEvent e = makeEvent(QStringLiteral("order"), seq,
                                seq % 2 ? EventKind::CustomerUtterance : EventKind::AgentTurn,
                                QStringLiteral("utterance %1").arg(seq));
        e.payload.insert(QStringLiteral("tokens"), seq * 3);
        pending.append(e);
        if (pending.size() == batch || seq == events) {
            QVERIFY2(m_store->appendEvents(pending), qPrintable(m_store->lastError()));
            pending.clear();
        }
    }
    const QList<CallEvent> stored = m_store->events(QStringLiteral("order"));
    QCOMPARE(stored.size(), events);
    for (int i = 0; i < events; ++i) {
        QCOMPARE(stored.at(i).seq, qint64(i + 1));
        QCOMPARE(stored.at(i).payload.value(QStringLiteral("text")).toString(),
                 QStringLiteral("utterance %1").arg(i + 1));
        QCOMPARE(stored.at(i).payload.value(QStringLiteral("tokens")).toInt(), (i + 1) * 3);
        QVERIFY(stored.at(i).time.isValid());
    }
    QCOMPARE(m_store->lastSeq(QStringLiteral("order")), qint64(events));
}

void tst_SqliteStore::assignsMissingSeq()
{
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("auto"))));
    QVERIFY(m_store->appendEvent(
        makeEvent(QStringLiteral("auto"), 1, EventKind::CallStarted, QString())));
    QVERIFY(m_store->appendEvents(
        {makeEvent(QStringLiteral("auto"), 0, EventKind::CustomerUtterance, QStringLiteral("a")),
         makeEvent(QStringLiteral("auto"), 0, EventKind::AgentTurn, QStringLiteral("b"))}));
    const auto stored = m_store->events(QStringLiteral("auto"));
    QCOMPARE(stored.size(), 3);
    QCOMPARE(stored.at(1).seq, qint64(2));
    QCOMPARE(stored.at(2).seq, qint64(3));
    QCOMPARE(stored.at(2).payload.value(QStringLiteral("text")).toString(), QStringLiteral("b"));
}

void tst_SqliteStore::appendIsAtomic()
{
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("atomic"))));
    QVERIFY(m_store->appendEvent(makeEvent(QStringLiteral("atomic"), 1,
                                           EventKind::CustomerUtterance, QStringLiteral("first"))));
    // The third event repeats seq 2: the whole batch must be refused.
    const QList<CallEvent> batch{
        makeEvent(QStringLiteral("atomic"), 2, EventKind::AgentTurn, QStringLiteral("zebra")),
        makeEvent(QStringLiteral("atomic"), 3, EventKind::CustomerUtterance,
                  QStringLiteral("giraffe")),
        makeEvent(QStringLiteral("atomic"), 2, EventKind::AgentTurn, QStringLiteral("dup"))};
    QVERIFY(!m_store->appendEvents(batch));
    QVERIFY(m_store->lastError().contains(QLatin1String("atomic")));
    QCOMPARE(m_store->events(QStringLiteral("atomic")).size(), 1);
    QVERIFY(m_store->search(QStringLiteral("zebra"), 10).isEmpty());
    QVERIFY(m_store->search(QStringLiteral("giraffe"), 10).isEmpty());
    // And the store still works afterwards.
    QVERIFY(m_store->appendEvents(batch.mid(0, 2)));
    QCOMPARE(m_store->events(QStringLiteral("atomic")).size(), 3);
    QCOMPARE(m_store->search(QStringLiteral("zebra"), 10).size(), 1);
}

void tst_SqliteStore::appendToUnknownCallFails()
{
    QVERIFY(!m_store->appendEvent(
        makeEvent(QStringLiteral("nobody"), 1, EventKind::AgentTurn, QStringLiteral("x"))));
    QVERIFY(!m_store->lastError().isEmpty());
}

void tst_SqliteStore::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("hits");
    QTest::addColumn<QString>("snippetPart");
    QTest::newRow("one word") << "refund" << 2 << "[refund]";
    QTest::newRow("two words, both needed") << "refund policy" << 1 << "[policy]";
    QTest::newRow("case-insensitive") << "WHISKERS" << 1 << "[whiskers]";
    QTest::newRow("supervisor text") << "escalate" << 1 << "[escalate]";
    QTest::newRow("no match") << "zeppelin" << 0 << "";
    QTest::newRow("not indexed kind") << "deltaonly" << 0 << "";
    QTest::newRow("fts syntax is just text") << "\"refund NEAR( -policy*" << 0 << "";
    QTest::newRow("quote inside word") << "cat's" << 0 << "";
}

void tst_SqliteStore::search()
{
    QFETCH(QString, query);
    QFETCH(int, hits);
    QFETCH(QString, snippetPart);
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("s1"))));
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("s2"))));
    CallEvent whisper = makeEvent(QStringLiteral("s2"), 2, EventKind::SupervisorWhisper, QString());
    whisper.actor = QStringLiteral("supervisor:ann");
    whisper.payload = {{QStringLiteral("text"), QStringLiteral("escalate gently")}};
    QVERIFY(m_store->appendEvents(
        {makeEvent(QStringLiteral("s1"), 1, EventKind::CustomerUtterance,
                   QStringLiteral("I would like a refund for my cat Whiskers")),
         makeEvent(QStringLiteral("s1"), 2, EventKind::AgentDelta, QStringLiteral("deltaonly")),
         makeEvent(QStringLiteral("s1"), 3, EventKind::AgentTurn,
                   QStringLiteral("Our refund policy allows thirty days."))}));
    QVERIFY(m_store->appendEvent(whisper));
    const QList<SearchHit> found = m_store->search(query, 10);
    QCOMPARE(found.size(), hits);
    if (hits > 0) {
        QVERIFY2(found.first().snippet.contains(snippetPart, Qt::CaseInsensitive),
                 qPrintable(found.first().snippet));
        QVERIFY(!found.first().callId.isEmpty());
        QVERIFY(found.first().seq > 0);
    }
}

void tst_SqliteStore::listCallsFilters()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CallRecord a = makeCall(QStringLiteral("a"), now.addSecs(-300));
    CallRecord b = makeCall(QStringLiteral("b"), now.addSecs(-200));
    b.campaign = QStringLiteral("winback");
    CallRecord c = makeCall(QStringLiteral("c"), now.addSecs(-100));
    for (const CallRecord &call : {a, b, c})
        QVERIFY(m_store->createCall(call));
    QVERIFY(m_store->finishCall(QStringLiteral("a"), QStringLiteral("customer-hangup"), {}));
    QVERIFY(m_store->appendEvent(makeEvent(QStringLiteral("c"), 1, EventKind::CustomerUtterance,
                                           QStringLiteral("my invoice is wrong"))));

    auto ids = [this](const CallFilter &filter) {
        QStringList result;
        for (const CallRecord &call : m_store->listCalls(filter))
            result.append(call.id);
        return result;
    };
    QCOMPARE(ids({}), QStringList({"c", "b", "a"})); // newest first
    CallFilter f;
    f.limit = 2;
    QCOMPARE(ids(f), QStringList({"c", "b"}));
    f = {};
    f.campaign = QStringLiteral("winback");
    QCOMPARE(ids(f), QStringList({"b"}));
    f = {};
    f.state = QStringLiteral("ended");
    QCOMPARE(ids(f), QStringList({"a"}));
    f = {};
    f.endReason = QStringLiteral("customer-hangup");
    QCOMPARE(ids(f), QStringList({"a"}));
    f = {};
    f.text = QStringLiteral("invoice");
    QCOMPARE(ids(f), QStringList({"c"}));
    f = {};
    f.from = now.addSecs(-250);
    f.to = now.addSecs(-150);
    QCOMPARE(ids(f), QStringList({"b"}));
}

void tst_SqliteStore::finishCall()
{
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("f"))));
    QVERIFY(!m_store->createCall(makeCall(QStringLiteral("f")))); // ids are unique
    CallTotals totals;
    totals.turns = 4;
    totals.promptTokens = 1200;
    totals.completionTokens = 300;
    totals.costUsd = 0.0425;
    QVERIFY(m_store->finishCall(QStringLiteral("f"), QStringLiteral("agent-closed"), totals));
    const auto call = m_store->call(QStringLiteral("f"));
    QVERIFY(call);
    QCOMPARE(call->state, QStringLiteral("ended"));
    QCOMPARE(call->endReason, QStringLiteral("agent-closed"));
    QVERIFY(call->endedAt.isValid());
    QCOMPARE(call->totals.turns, 4);
    QCOMPARE(call->totals.promptTokens, qint64(1200));
    QCOMPARE(call->totals.completionTokens, qint64(300));
    QCOMPARE(call->totals.costUsd, 0.0425);
    QVERIFY(!m_store->finishCall(QStringLiteral("missing"), QStringLiteral("x"), {}));
    QVERIFY(m_store->lastError().contains(QLatin1String("missing")));
    QVERIFY(!m_store->call(QStringLiteral("missing")));
    QVERIFY(m_store->lastError().contains(QLatin1String("no call")));
}

void tst_SqliteStore::retentionDeletesOldCalls()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("old"), now.addDays(-40))));
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("oldActive"), now.addDays(-40))));
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("new"), now.addDays(-2))));
    QVERIFY(m_store->finishCall(QStringLiteral("old"), QStringLiteral("done"), {}));
    QVERIFY(m_store->finishCall(QStringLiteral("new"), QStringLiteral("done"), {}));
    QVERIFY(m_store->appendEvents(
        {makeEvent(QStringLiteral("old"), 1, EventKind::CustomerUtterance,
                   QStringLiteral("ancient complaint about pelicans")),
         makeEvent(QStringLiteral("old"), 2, EventKind::AgentTurn, QStringLiteral("sorry"))}));
    QVERIFY(m_store->appendEvent(makeEvent(QStringLiteral("new"), 1, EventKind::CustomerUtterance,
                                           QStringLiteral("fresh pelicans question"))));
    UsageRecord usage;
    usage.callId = QStringLiteral("old");
    usage.model = QStringLiteral("gpt-4-1106-preview");
    usage.promptTokens = 123;
    QVERIFY(m_store->recordUsage(usage));
    QCOMPARE(m_store->search(QStringLiteral("pelicans"), 10).size(), 2);

    QCOMPARE(m_store->deleteCallsOlderThan(30), 1);
    QVERIFY(!m_store->call(QStringLiteral("old")));
    QVERIFY(m_store->events(QStringLiteral("old")).isEmpty());
    QVERIFY(m_store->call(QStringLiteral("oldActive"))); // a running call is never deleted
    QVERIFY(m_store->call(QStringLiteral("new")));
    const QList<SearchHit> hits = m_store->search(QStringLiteral("pelicans"), 10);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().callId, QStringLiteral("new"));
    QVERIFY(m_store->search(QStringLiteral("ancient"), 10).isEmpty());
    // Usage numbers stay for the cost history.
    UsageFilter filter;
    filter.callId = QStringLiteral("old");
    QCOMPARE(m_store->usage(filter).size(), 1);
    QCOMPARE(m_store->usage(filter).first().promptTokens, qint64(123));
    QCOMPARE(m_store->deleteCallsOlderThan(-1), -1);
}

void tst_SqliteStore::retentionFromSetting()
{
    QVERIFY(m_store->createCall(
        makeCall(QStringLiteral("old"), QDateTime::currentDateTimeUtc().addDays(-10))));
    QVERIFY(m_store->finishCall(QStringLiteral("old"), QStringLiteral("done"), {}));
    QCOMPARE(m_store->applyRetention(), 0); // no setting: keep everything
    QVERIFY(m_store->setSetting(QStringLiteral("retention.days"), QStringLiteral("30")));
    QCOMPARE(m_store->applyRetention(), 0);
    QVERIFY(m_store->setSetting(QStringLiteral("retention.days"), QStringLiteral("7")));
    QCOMPARE(m_store->setting(QStringLiteral("retention.days")), QStringLiteral("7"));
    QCOMPARE(m_store->applyRetention(), 1);
    QVERIFY(!m_store->call(QStringLiteral("old")));
}

void tst_SqliteStore::marksInterruptedCalls()
{
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("orphan"))));
    QVERIFY(m_store->createCall(makeCall(QStringLiteral("mine"))));
    QVERIFY(m_store->appendEvents(
        {makeEvent(QStringLiteral("orphan"), 1, EventKind::CallStarted, QString()),
         makeEvent(QStringLiteral("orphan"), 2, EventKind::CustomerUtterance,
                   QStringLiteral("hello?"))}));
    // Calls of this (running) process are left alone.
    QCOMPARE(m_store->markInterruptedCalls(), 0);
    const qint64 pid = deadPid();
    QVERIFY(pid > 0);
    execSql(QStringLiteral("UPDATE calls SET owner_pid = %1 WHERE id = 'orphan'").arg(pid));

    QCOMPARE(m_store->markInterruptedCalls(), 1);
    const auto orphan = m_store->call(QStringLiteral("orphan"));
    QCOMPARE(orphan->state, QStringLiteral("interrupted"));
    QCOMPARE(orphan->endReason, QStringLiteral("interrupted"));
    QVERIFY(orphan->endedAt.isValid());
    const auto events = m_store->events(QStringLiteral("orphan"));
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.last().kind, QString(EventKind::CallInterrupted));
    QCOMPARE(events.last().seq, qint64(3));
    QCOMPARE(events.last().actor, QStringLiteral("system"));
    QCOMPARE(m_store->call(QStringLiteral("mine"))->state, QStringLiteral("active"));
    QCOMPARE(m_store->markInterruptedCalls(), 0); // once only
}

void tst_SqliteStore::promptVersions()
{
    PromptVersion p;
    p.name = QStringLiteral("voiceai-agent");
    p.body = QStringLiteral("You are VoiceAI.");
    p.contextTemplate = QStringLiteral("Purpose: ${context.purpose}");
    p.author = QStringLiteral("ann");
    p.note = QStringLiteral("seed");
    p.labels = {QStringLiteral("production")};
    QCOMPARE(m_store->addVersion(p), 1);
    p.body = QStringLiteral("You are VoiceAI, v2.");
    p.labels = {QStringLiteral("staging")};
    QCOMPARE(m_store->addVersion(p), 2);
    PromptVersion other;
    other.name = QStringLiteral("summary");
    other.body = QStringLiteral("Summarise.");
    QCOMPARE(m_store->addVersion(other), 1);
    QCOMPARE(m_store->addVersion(PromptVersion()), -1);

    QCOMPARE(m_store->latest(QStringLiteral("voiceai-agent"))->version, 2);
    const auto v1 = m_store->version(QStringLiteral("voiceai-agent"), 1);
    QVERIFY(v1);
    QCOMPARE(v1->body, QStringLiteral("You are VoiceAI."));
    QCOMPARE(v1->contextTemplate, QStringLiteral("Purpose: ${context.purpose}"));
    QCOMPARE(v1->author, QStringLiteral("ann"));
    QCOMPARE(v1->note, QStringLiteral("seed"));
    QVERIFY(v1->createdAt.isValid());
    QVERIFY(!m_store->version(QStringLiteral("voiceai-agent"), 9));
    QCOMPARE(m_store->versions(QStringLiteral("voiceai-agent")).size(), 2);
    QCOMPARE(m_store->promptNames(), QStringList({"summary", "voiceai-agent"}));
    QCOMPARE(
        m_store->labelled(QStringLiteral("voiceai-agent"), QStringLiteral("production"))->version,
        1);
    // Promotion: the label moves to version 2.
    QVERIFY(m_store->setLabels(QStringLiteral("voiceai-agent"), 2,
                               {QStringLiteral("production"), QStringLiteral("staging")}));
    QCOMPARE(
        m_store->labelled(QStringLiteral("voiceai-agent"), QStringLiteral("production"))->version,
        2);
    QVERIFY(m_store->version(QStringLiteral("voiceai-agent"), 1)->labels.isEmpty());
    QVERIFY(!m_store->setLabels(QStringLiteral("voiceai-agent"), 7, {}));
    QVERIFY(!m_store->labelled(QStringLiteral("voiceai-agent"), QStringLiteral("canary")));
}

void tst_SqliteStore::usageRecords()
{
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-60);
    UsageRecord r;
    r.time = t0;
    r.callId = QStringLiteral("u1");
    r.model = QStringLiteral("gpt-4-1106-preview");
    r.promptTokens = 812;
    r.completionTokens = 97;
    r.costUsd = 0.01103;
    r.latencyMs = 1450;
    r.ttftMs = 320;
    r.success = true;
    r.promptName = QStringLiteral("voiceai-agent");
    r.promptVersion = 3;
    r.feature = QStringLiteral("call");
    r.attempts = 2;
    r.usedFallback = false;
    QVERIFY(m_store->recordUsage(r));
    UsageRecord failed = r;
    failed.time = t0.addSecs(10);
    failed.model = QStringLiteral("gpt-3.5-turbo");
    failed.success = false;
    failed.errorType = QStringLiteral("rate_limit");
    failed.usedFallback = true;
    failed.ttftMs = -1;
    QVERIFY(m_store->recordUsage(failed));
    UsageRecord other = r;
    other.callId = QStringLiteral("u2");
    other.feature = QStringLiteral("summary");
    QVERIFY(m_store->recordUsage(other));

    UsageFilter byCall;
    byCall.callId = QStringLiteral("u1");
    const auto list = m_store->usage(byCall);
    QCOMPARE(list.size(), 2);
    const UsageRecord &got = list.first();
    QCOMPARE(got.time, t0);
    QCOMPARE(got.model, r.model);
    QCOMPARE(got.promptTokens, r.promptTokens);
    QCOMPARE(got.completionTokens, r.completionTokens);
    QCOMPARE(got.costUsd, r.costUsd);
    QCOMPARE(got.latencyMs, r.latencyMs);
    QCOMPARE(got.ttftMs, r.ttftMs);
    QCOMPARE(got.promptVersion, 3);
    QCOMPARE(got.attempts, 2);
    QVERIFY(got.success);
    QCOMPARE(list.last().errorType, QStringLiteral("rate_limit"));
    QVERIFY(!list.last().success);
    QVERIFY(list.last().usedFallback);
    UsageFilter byFeature;
    byFeature.feature = QStringLiteral("summary");
    QCOMPARE(m_store->usage(byFeature).size(), 1);
    UsageFilter byModel;
    byModel.model = QStringLiteral("gpt-3.5-turbo");
    QCOMPARE(m_store->usage(byModel).size(), 1);
    QCOMPARE(m_store->usage({}).size(), 3);
}

void tst_SqliteStore::optOuts()
{
    QVERIFY(!m_store->isOptedOut(QStringLiteral("cust-9")));
    QVERIFY(m_store->recordOptOut(QStringLiteral("cust-9"), QStringLiteral("+1 555 0100"),
                                  QStringLiteral("call-9"), QDateTime::currentDateTimeUtc()));
    QVERIFY(m_store->isOptedOut(QStringLiteral("cust-9")));
    QVERIFY(!m_store->isOptedOut(QStringLiteral("cust-10")));
    // Recording again is fine (the latest call wins).
    QVERIFY(m_store->recordOptOut(QStringLiteral("cust-9"), {}, QStringLiteral("call-10"), {}));
    QVERIFY(!m_store->recordOptOut(QString(), {}, {}, {}));
}

QTEST_GUILESS_MAIN(tst_SqliteStore)
#include "tst_sqlitestore.moc"
