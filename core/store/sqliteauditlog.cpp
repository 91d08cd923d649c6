#include "store/sqliteauditlog.h"

#include "store/sqlvalues.h"
#include "store/storedatabase.h"
#include "store/storelog.h"

#include <QJsonDocument>

namespace {

AuditRecord readRecord(const QSqlQuery &q)
{
    AuditRecord r;
    r.seq = q.value(0).toLongLong();
    r.time = SqlValues::toTime(q.value(1));
    r.actor = q.value(2).toString();
    r.action = q.value(3).toString();
    r.target = q.value(4).toString();
    r.details = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    r.prevHash = q.value(6).toString();
    r.hash = q.value(7).toString();
    return r;
}

const QString SelectColumns = QStringLiteral(
    "SELECT seq, time, actor, action, target, details, prev_hash, hash FROM audit_log");

} // namespace

SqliteAuditLog::SqliteAuditLog(const StoreDatabase &db)
    : m_db(db)
{}

QString SqliteAuditLog::lastError() const
{
    return m_db.lastError();
}

bool SqliteAuditLog::append(const AuditRecord &record)
{
    if (record.actor.isEmpty() || record.action.isEmpty()) {
        m_db.setError(QStringLiteral("an audit record needs an actor and an action"));
        return false;
    }
    // The write lock is taken before reading the chain's head, so two processes appending
    // at once still form one chain.
    if (!m_db.beginWrite())
        return false;
    QSqlQuery q(m_db.database());
    qint64 seq = 1;
    QString prevHash = AuditRecord::genesisHash();
    if (!q.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))) {
        m_db.fail(q, QStringLiteral("cannot read the audit log"));
        m_db.rollback();
        return false;
    }
    if (q.next()) {
        seq = q.value(0).toLongLong() + 1;
        prevHash = q.value(1).toString();
    }
    q.finish();
    // Millisecond precision: what is hashed is exactly what is stored.
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(
        (record.time.isValid() ? record.time : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch(),
        Qt::UTC);
    const QByteArray details = QJsonDocument(record.details).toJson(QJsonDocument::Compact);
    const QString hash = AuditRecord::computeHash(seq, time, record.actor, record.action,
                                                  record.target, details, prevHash);
    q.prepare(QStringLiteral("INSERT INTO audit_log (seq, time, actor, action, target, details,"
                             " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(seq);
    q.addBindValue(SqlValues::fromTime(time));
    q.addBindValue(record.actor);
    q.addBindValue(record.action);
    q.addBindValue(SqlValues::text(record.target));
    q.addBindValue(QString::fromUtf8(details));
    q.addBindValue(prevHash);
    q.addBindValue(hash);
    if (!q.exec()) {
        m_db.fail(q, QStringLiteral("cannot append to the audit log"));
        m_db.rollback();
        return false;
    }
    return m_db.commit();
}

QList<AuditRecord> SqliteAuditLog::records(int limit) const
{
    QList<AuditRecord> result;
    QSqlQuery q(m_db.database());
    const QString sql = limit > 0 ? QStringLiteral("SELECT * FROM (%1 ORDER BY seq DESC LIMIT %2)"
                                                   " ORDER BY seq")
                                        .arg(SelectColumns)
                                        .arg(limit)
                                  : SelectColumns + QStringLiteral(" ORDER BY seq");
    if (!q.exec(sql)) {
        m_db.fail(q, QStringLiteral("cannot read the audit log"));
        return result;
    }
    while (q.next())
        result.append(readRecord(q));
    return result;
}

AuditVerification SqliteAuditLog::verify() const
{
    AuditVerification v;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(SelectColumns + QStringLiteral(" ORDER BY seq"))) {
        m_db.fail(q, QStringLiteral("cannot read the audit log"));
        v.message = m_db.lastError();
        return v;
    }
    qint64 expectedSeq = 1;
    QString prevHash = AuditRecord::genesisHash();
    auto bad = [&v](qint64 seq, const QString &why) {
        v.ok = false;
        v.firstBadSeq = seq;
        v.message = QStringLiteral("audit record %1: %2").arg(seq).arg(why);
        qCWarning(lcStore).noquote() << "audit chain broken:" << v.message;
        return v;
    };
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        // Hash over the stored text of details, not a re-serialisation of it.
        const QByteArray details = q.value(5).toString().toUtf8();
        const QString storedPrev = q.value(6).toString();
        const QString storedHash = q.value(7).toString();
        if (seq != expectedSeq)
            return bad(expectedSeq, QStringLiteral("missing (the next record is %1)").arg(seq));
        if (storedPrev != prevHash)
            return bad(seq, QStringLiteral("does not link to the record before it"));
        const QString hash = AuditRecord::computeHash(seq, SqlValues::toTime(q.value(1)),
                                                      q.value(2).toString(), q.value(3).toString(),
                                                      q.value(4).toString(), details, storedPrev);
        if (hash != storedHash)
            return bad(seq, QStringLiteral("its contents do not match its hash (edited)"));
        prevHash = storedHash;
        ++expectedSeq;
        ++v.checked;
    }
    v.ok = true;
    v.message = QStringLiteral("%1 audit records, chain intact").arg(v.checked);
    return v;
}
