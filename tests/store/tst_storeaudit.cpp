#include "store/sqlitestore.h"
#include "tempdatadir.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

class tst_StoreAudit : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void appendsChainedRecords();
    void emptyLogVerifies();
    void triggersRefuseEdits();
    void detectsTampering_data();
    void detectsTampering();
    void detectsRehashedEdit();
    void refusesIncompleteRecords();

private:
    void appendFive();
    // Runs SQL directly on the file, as someone with the file (not the program) could.
    bool rawSql(const QStringList &statements);

    std::unique_ptr<TempDataDir> m_dir;
    std::unique_ptr<SqliteStore> m_store;
};

void tst_StoreAudit::init()
{
    m_dir = std::make_unique<TempDataDir>();
    QString error;
    m_store = SqliteStore::open(m_dir->dataDir(), &error);
    QVERIFY2(m_store, qPrintable(error));
}

void tst_StoreAudit::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_StoreAudit::appendFive()
{
    const QStringList actions{"call.listen", "call.whisper", "call.takeover", "call.handback",
                              "prompt.promote"};
    for (int i = 0; i < actions.size(); ++i) {
        AuditRecord r;
        r.actor = QStringLiteral("supervisor:ann");
        r.action = actions.at(i);
        r.target = QStringLiteral("call-%1").arg(i);
        r.details = {{QStringLiteral("note"), QStringLiteral("step %1").arg(i)},
                     {QStringLiteral("n"), i}};
        QVERIFY2(m_store->append(r), qPrintable(m_store->lastError()));
    }
}

bool tst_StoreAudit::rawSql(const QStringList &statements)
{
    const QString name = QStringLiteral("tst-attacker");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_store->filePath());
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (ok && !q.exec(sql)) {
                qInfo() << "refused:" << sql << q.lastError().text();
                ok = false;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

void tst_StoreAudit::appendsChainedRecords()
{
    appendFive();
    const QList<AuditRecord> records = m_store->records();
    QCOMPARE(records.size(), 5);
    QCOMPARE(records.first().prevHash, AuditRecord::genesisHash());
    for (int i = 0; i < records.size(); ++i) {
        QCOMPARE(records.at(i).seq, qint64(i + 1));
        QCOMPARE(records.at(i).hash.size(), 64);
        if (i > 0)
            QCOMPARE(records.at(i).prevHash, records.at(i - 1).hash);
    }
    QCOMPARE(records.at(2).action, QStringLiteral("call.takeover"));
    QCOMPARE(records.at(2).details.value(QStringLiteral("n")).toInt(), 2);
    QCOMPARE(m_store->records(2).size(), 2);
    QCOMPARE(m_store->records(2).first().seq, qint64(4));

    const AuditVerification v = m_store->verify();
    QVERIFY2(v.ok, qPrintable(v.message));
    QCOMPARE(v.checked, qint64(5));
    QCOMPARE(v.firstBadSeq, qint64(0));
}

void tst_StoreAudit::emptyLogVerifies()
{
    const AuditVerification v = m_store->verify();
    QVERIFY(v.ok);
    QCOMPARE(v.checked, qint64(0));
}

void tst_StoreAudit::triggersRefuseEdits()
{
    appendFive();
    QVERIFY(!rawSql({QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")}));
    QVERIFY(!rawSql({QStringLiteral("DELETE FROM audit_log WHERE seq = 5")}));
    QVERIFY(m_store->verify().ok);
    QCOMPARE(m_store->records().size(), 5);
}

void tst_StoreAudit::detectsTampering_data()
{
    QTest::addColumn<QStringList>("edit");
    QTest::addColumn<qint64>("firstBad");
    const QString dropTriggers =
        QStringLiteral("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
    const QStringList drop = dropTriggers.split(QStringLiteral("; "));
    QTest::newRow("actor edited") << (drop + QStringList{"UPDATE audit_log SET actor ="
                                                         " 'supervisor:bob' WHERE seq = 3"})
                                  << qint64(3);
    QTest::newRow("details edited") << (drop + QStringList{"UPDATE audit_log SET details ="
                                                           " '{\"n\":1,\"note\":\"nothing\"}'"
                                                           " WHERE seq = 2"})
                                    << qint64(2);
    QTest::newRow("time edited")
        << (drop + QStringList{"UPDATE audit_log SET time = time + 1000 WHERE seq = 4"})
        << qint64(4);
    QTest::newRow("record removed")
        << (drop + QStringList{"DELETE FROM audit_log WHERE seq = 2"}) << qint64(2);
    // An attacker who recomputes the edited record's hash still breaks the next link.
    QTest::newRow("hash replaced") << (drop + QStringList{"UPDATE audit_log SET hash ="
                                                          " 'aaaa' || substr(hash, 5)"
                                                          " WHERE seq = 3"})
                                   << qint64(3);
    QTest::newRow("link replaced") << (drop + QStringList{"UPDATE audit_log SET prev_hash ="
                                                          " (SELECT hash FROM audit_log WHERE"
                                                          " seq = 1) WHERE seq = 3"})
                                   << qint64(3);
}

void tst_StoreAudit::detectsTampering()
{
    QFETCH(QStringList, edit);
    QFETCH(qint64, firstBad);
    appendFive();
    QVERIFY(rawSql(edit));
    const AuditVerification v = m_store->verify();
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSeq, firstBad);
    QVERIFY2(v.message.contains(QString::number(firstBad)), qPrintable(v.message));
}

void tst_StoreAudit::detectsRehashedEdit()
{
    // An attacker who knows the scheme edits record 3 and gives it a correct new hash:
    // record 4 still names the old hash, so the chain breaks right after the edit.
    appendFive();
    const AuditRecord r3 = m_store->records().at(2);
    const QString forged = AuditRecord::computeHash(
        3, r3.time, QStringLiteral("supervisor:bob"), r3.action, r3.target,
        QJsonDocument(r3.details).toJson(QJsonDocument::Compact), r3.prevHash);
    QVERIFY(rawSql({QStringLiteral("DROP TRIGGER audit_log_no_update"),
                    QStringLiteral("UPDATE audit_log SET actor = 'supervisor:bob', hash = '%1'"
                                   " WHERE seq = 3")
                        .arg(forged)}));
    const AuditVerification v = m_store->verify();
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSeq, qint64(4));
    QVERIFY2(v.message.contains(QLatin1String("link")), qPrintable(v.message));
}

void tst_StoreAudit::refusesIncompleteRecords()
{
    AuditRecord r;
    r.action = QStringLiteral("call.listen");
    QVERIFY(!m_store->append(r));
    QVERIFY(m_store->lastError().contains(QLatin1String("actor")));
    QVERIFY(m_store->records().isEmpty());
}

QTEST_GUILESS_MAIN(tst_StoreAudit)
#include "tst_storeaudit.moc"
