#include "store/sqliteusagestore.h"

#include "store/sqlvalues.h"
#include "store/sqlwhere.h"
#include "store/storedatabase.h"

namespace {

const QString UsageColumns = QStringLiteral(
    "time, call_id, model, prompt_tokens, completion_tokens, cost_usd, latency_ms, ttft_ms,"
    " success, error_type, prompt_name, prompt_version, feature, attempts, used_fallback");

} // namespace

SqliteUsageStore::SqliteUsageStore(const StoreDatabase &db)
    : m_db(db)
{}

QString SqliteUsageStore::lastError() const
{
    return m_db.lastError();
}

bool SqliteUsageStore::recordUsage(const UsageRecord &r)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral(
            "INSERT INTO usage (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(UsageColumns));
    int i = 0;
    q.bindValue(i++,
                SqlValues::fromTime(r.time.isValid() ? r.time : QDateTime::currentDateTimeUtc()));
    q.bindValue(i++, SqlValues::text(r.callId));
    q.bindValue(i++, SqlValues::text(r.model));
    q.bindValue(i++, r.promptTokens);
    q.bindValue(i++, r.completionTokens);
    q.bindValue(i++, r.costUsd);
    q.bindValue(i++, r.latencyMs);
    q.bindValue(i++, r.ttftMs);
    q.bindValue(i++, r.success ? 1 : 0);
    q.bindValue(i++, SqlValues::text(r.errorType));
    q.bindValue(i++, SqlValues::text(r.promptName));
    q.bindValue(i++, r.promptVersion);
    q.bindValue(i++, SqlValues::text(r.feature));
    q.bindValue(i++, r.attempts);
    q.bindValue(i++, r.usedFallback ? 1 : 0);
    if (!q.exec())
        return m_db.fail(q, QStringLiteral("cannot record usage"));
    return true;
}

QList<UsageRecord> SqliteUsageStore::usage(const UsageFilter &filter) const
{
    SqlWhere where;
    if (filter.from.isValid())
        where.add(QStringLiteral("time >= ?"), SqlValues::fromTime(filter.from));
    if (filter.to.isValid())
        where.add(QStringLiteral("time < ?"), SqlValues::fromTime(filter.to));
    if (!filter.callId.isEmpty())
        where.add(QStringLiteral("call_id = ?"), filter.callId);
    if (!filter.model.isEmpty())
        where.add(QStringLiteral("model = ?"), filter.model);
    if (!filter.feature.isEmpty())
        where.add(QStringLiteral("feature = ?"), filter.feature);
    if (!filter.promptName.isEmpty())
        where.add(QStringLiteral("prompt_name = ?"), filter.promptName);
    if (filter.promptVersion > 0)
        where.add(QStringLiteral("prompt_version = ?"), filter.promptVersion);
    QString sql = QStringLiteral("SELECT %1 FROM usage").arg(UsageColumns);
    sql += where.sql();
    sql += QStringLiteral(" ORDER BY time, id");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);

    QList<UsageRecord> result;
    QSqlQuery q(m_db.database());
    q.prepare(sql);
    where.bindTo(q);
    if (!q.exec()) {
        m_db.fail(q, QStringLiteral("cannot read usage"));
        return result;
    }
    while (q.next()) {
        UsageRecord r;
        int i = 0;
        r.time = SqlValues::toTime(q.value(i++));
        r.callId = q.value(i++).toString();
        r.model = q.value(i++).toString();
        r.promptTokens = q.value(i++).toLongLong();
        r.completionTokens = q.value(i++).toLongLong();
        r.costUsd = q.value(i++).toDouble();
        r.latencyMs = q.value(i++).toLongLong();
        r.ttftMs = q.value(i++).toLongLong();
        r.success = q.value(i++).toInt() != 0;
        r.errorType = q.value(i++).toString();
        r.promptName = q.value(i++).toString();
        r.promptVersion = q.value(i++).toInt();
        r.feature = q.value(i++).toString();
        r.attempts = q.value(i++).toInt();
        r.usedFallback = q.value(i++).toInt() != 0;
        result.append(r);
    }
    return result;
}
