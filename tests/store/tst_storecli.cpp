#include "store/eventkinds.h"
#include "store/sqlitestore.h"
#include "tempdatadir.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <sys/stat.h>

// voiceai-cli calls ... and audit ..., run as a separate process against a seeded store.
class tst_StoreCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsCalls();
    void showsTranscript();
    void unknownIdAndMissingDatabase();
    void searches();
    void exports_data();
    void exports();
    void unmaskedExportIsAudited();
    void rejectsBadFormat();
    void purgesOldCalls();
    void auditVerify();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const QString &dataDir = {});

    std::unique_ptr<TempDataDir> m_dir;
};

tst_StoreCli::Result tst_StoreCli::run(const QStringList &arguments, const QString &dataDir)
{
    QProcess process;
    process.setProcessEnvironment(m_dir->processEnvironment());
    process.start(QStringLiteral(VOICEAI_CLI_PATH),
                  arguments + QStringList{QStringLiteral("--data-dir"),
                                          dataDir.isEmpty() ? m_dir->dataDir() : dataDir});
    Result result;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void tst_StoreCli::init()
{
    m_dir = std::make_unique<TempDataDir>();
    QString error;
    auto store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY2(store, qPrintable(error));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CallRecord call;
    call.id = QStringLiteral("call-1");
    call.startedAt = now.addSecs(-600);
    call.customerName = QStringLiteral("Dana Example");
    call.campaign = QStringLiteral("renewals");
    QVERIFY(store->createCall(call));
    CallRecord old = call;
    old.id = QStringLiteral("call-old");
    old.startedAt = now.addDays(-90);
    QVERIFY(store->createCall(old));
    QVERIFY(store->finishCall(old.id, QStringLiteral("agent-closed"), {}));
    auto event = [](qint64 seq, const QString &actor, const QString &kind, const QString &text) {
        CallEvent e;
        e.callId = QStringLiteral("call-1");
        e.seq = seq;
        e.actor = actor;
        e.kind = kind;
        e.payload.insert(QStringLiteral("text"), text);
        return e;
    };
    QVERIFY(store->appendEvents(
        {event(1, QStringLiteral("customer"), EventKind::CustomerUtterance,
               QStringLiteral("Write to dana.example@mailbox.org, about the \"gold\" plan, ok")),
         event(2, QStringLiteral("agent"), EventKind::AgentTurn,
               QStringLiteral("Certainly, the gold plan renews monthly."))}));
    QVERIFY(store->finishCall(QStringLiteral("call-1"), QStringLiteral("customer-hangup"),
                              {2, 100, 20, 0.5}));
}

void tst_StoreCli::cleanup()
{
    m_dir.reset();
}

void tst_StoreCli::listsCalls()
{
    const Result table = run({QStringLiteral("calls"), QStringLiteral("list")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains(QLatin1String("STATE")));
    QVERIFY(table.out.contains(QLatin1String("call-1")));
    QVERIFY(table.out.contains(QLatin1String("customer-hangup")));
    QVERIFY(table.out.indexOf(QLatin1String("call-1")) <
            table.out.indexOf(QLatin1String("call-old")));

    const Result json =
        run({QStringLiteral("calls"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.first().toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("call-1"));
    QCOMPARE(list.first().toObject().value(QStringLiteral("turns")).toInt(), 2);

    const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    const Result filtered = run({QStringLiteral("calls"), QStringLiteral("list"),
                                 QStringLiteral("--json"), QStringLiteral("--text"),
                                 QStringLiteral("gold plan"), QStringLiteral("--from"), yesterday});
    QCOMPARE(filtered.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(filtered.out.toUtf8()).array().size(), 1);
    const Result byReason =
        run({QStringLiteral("calls"), QStringLiteral("list"), QStringLiteral("--json"),
             QStringLiteral("--end-reason"), QStringLiteral("agent-closed")});
    QCOMPARE(QJsonDocument::fromJson(byReason.out.toUtf8())
                 .array()
                 .first()
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             QStringLiteral("call-old"));
    const Result badDate = run({QStringLiteral("calls"), QStringLiteral("list"),
                                QStringLiteral("--to"), QStringLiteral("yesterday")});
    QCOMPARE(badDate.exitCode, 2);
    QVERIFY2(badDate.err.contains(QLatin1String("--to")), qPrintable(badDate.err));
}

void tst_StoreCli::showsTranscript()
{
    const Result r =
        run({QStringLiteral("calls"), QStringLiteral("show"), QStringLiteral("call-1")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("# Call call-1")));
    QVERIFY(r.out.contains(QLatin1String("the gold plan renews monthly")));
}

void tst_StoreCli::unknownIdAndMissingDatabase()
{
    const Result unknown =
        run({QStringLiteral("calls"), QStringLiteral("show"), QStringLiteral("nope")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QLatin1String("no call with id 'nope'")),
             qPrintable(unknown.err));

    // A folder where nothing was stored yet lists no calls; asking for one call there fails.
    TempDataDir empty;
    const Result emptyList =
        run({QStringLiteral("calls"), QStringLiteral("list"), QStringLiteral("--json")},
            empty.dataDir());
    QCOMPARE(emptyList.exitCode, 0);
    QCOMPARE(emptyList.out.trimmed(), QStringLiteral("[]"));
    const Result missing =
        run({QStringLiteral("calls"), QStringLiteral("show"), QStringLiteral("call-1")},
            empty.dataDir());
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QLatin1String("no database")), qPrintable(missing.err));

    const Result usage = run({QStringLiteral("calls"), QStringLiteral("frobnicate")});
    QCOMPARE(usage.exitCode, 2);
}

void tst_StoreCli::searches()
{
    const Result r =
        run({QStringLiteral("calls"), QStringLiteral("search"), QStringLiteral("gold")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count(QLatin1String("call-1 #")), 2);
    QVERIFY(r.out.contains(QLatin1String("[gold]")));
    const Result none =
        run({QStringLiteral("calls"), QStringLiteral("search"), QStringLiteral("platinum")});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.contains(QLatin1String("No matches")));
}

void tst_StoreCli::exports_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("md") << "md"
                        << "**[";
    QTest::newRow("json") << "json"
                          << "\"events\"";
    QTest::newRow("csv") << "csv"
                         << "\"Write to ";
}

void tst_StoreCli::exports()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    const QString path = QDir(m_dir->path()).filePath(QStringLiteral("export.") + format);
    const Result r =
        run({QStringLiteral("calls"), QStringLiteral("export"), QStringLiteral("call-1"),
             QStringLiteral("--format"), format, QStringLiteral("--output"), path});
    QCOMPARE(r.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("gold")));
    // Masked by default: the e-mail address is replaced by a placeholder.
    QVERIFY2(!text.contains(QLatin1String("dana.example@mailbox.org")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("[EMAIL_1]")), qPrintable(text));
    struct stat info = {};
    QVERIFY(::stat(QFile::encodeName(path).constData(), &info) == 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
    // A masked export leaves no audit record.
    QString error;
    auto store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY(store->records().isEmpty());
}

void tst_StoreCli::unmaskedExportIsAudited()
{
    const Result r =
        run({QStringLiteral("calls"), QStringLiteral("export"), QStringLiteral("call-1"),
             QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--unmasked")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("dana.example@mailbox.org")));
    QString error;
    auto store = SqliteStore::open(m_dir->dataDir(), &error);
    const QList<AuditRecord> records = store->records();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().action, QStringLiteral("export.unmasked"));
    QCOMPARE(records.first().target, QStringLiteral("call-1"));
    QVERIFY(records.first().actor.startsWith(QLatin1String("user:")));
    QVERIFY(store->verify().ok);
}

void tst_StoreCli::rejectsBadFormat()
{
    const Result r =
        run({QStringLiteral("calls"), QStringLiteral("export"), QStringLiteral("call-1"),
             QStringLiteral("--format"), QStringLiteral("pdf")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("pdf")));
}

void tst_StoreCli::purgesOldCalls()
{
    const Result noSetting = run({QStringLiteral("calls"), QStringLiteral("purge")});
    QCOMPARE(noSetting.exitCode, 2);
    const Result r =
        run({QStringLiteral("calls"), QStringLiteral("purge"), QStringLiteral("--days"),
             QStringLiteral("30"), QStringLiteral("--save")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("Deleted 1 calls")), qPrintable(r.out));
    QString error;
    auto store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY(!store->call(QStringLiteral("call-old")));
    QVERIFY(store->call(QStringLiteral("call-1")));
    QCOMPARE(store->setting(QStringLiteral("retention.days")), QStringLiteral("30"));
}

void tst_StoreCli::auditVerify()
{
    {
        QString error;
        auto store = SqliteStore::open(m_dir->dataDir(), &error);
        for (const char *action : {"call.listen", "call.takeover", "call.end"})
            QVERIFY(store->append({0,
                                   {},
                                   QStringLiteral("supervisor:ann"),
                                   QLatin1String(action),
                                   QStringLiteral("call-1"),
                                   {},
                                   {},
                                   {}}));
    }
    const Result intact = run({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(intact.exitCode, 0);
    QVERIFY2(intact.out.contains(QLatin1String("intact: 3")), qPrintable(intact.out));
    const Result list = run({QStringLiteral("audit"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains(QLatin1String("call.takeover")));

    {
        // As an attacker with the file would: drop the guard, then edit.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(QDir(m_dir->dataDir()).filePath(QLatin1String(SqliteStore::FileName)));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE audit_log SET actor = 'supervisor:eve' WHERE seq = 2")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    const Result broken = run({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(QLatin1String("record 2")), qPrintable(broken.err));
}

QTEST_GUILESS_MAIN(tst_StoreCli)
#include "tst_storecli.moc"
