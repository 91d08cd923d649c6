#include "store/sqliteoptoutstore.h"

#include "store/sqlvalues.h"
#include "store/storedatabase.h"

SqliteOptOutStore::SqliteOptOutStore(const StoreDatabase &db)
    : m_db(db)
{}

QString SqliteOptOutStore::lastError() const
{
    return m_db.lastError();
}

bool SqliteOptOutStore::recordOptOut(const QString &customerId, const QString &contact,
                                     const QString &callId, const QDateTime &time)
{
    if (customerId.trimmed().isEmpty()) {
        m_db.setError(QStringLiteral("an opt-out needs a customer id"));
        return false;
    }
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("INSERT OR REPLACE INTO opt_outs (customer_id, contact, call_id, time)"
                       " VALUES (?, ?, ?, ?)"));
    q.bindValue(0, customerId);
    q.bindValue(1, SqlValues::text(contact));
    q.bindValue(2, SqlValues::text(callId));
    q.bindValue(3, SqlValues::fromTime(time.isValid() ? time : QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return m_db.fail(q, QStringLiteral("cannot record the opt-out of %1").arg(customerId));
    return true;
}

bool SqliteOptOutStore::isOptedOut(const QString &customerId) const
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT 1 FROM opt_outs WHERE customer_id = ?"));
    q.bindValue(0, customerId);
    if (!q.exec()) {
        // Fail closed: when we cannot tell, nobody gets called.
        m_db.fail(q, QStringLiteral("cannot read the opt-outs"));
        return true;
    }
    const bool found = q.next();
    q.finish();
    return found;
}
