#include "store/sqlitecallstore.h"

#include "store/eventkinds.h"
#include "store/sqlvalues.h"
#include "store/sqlwhere.h"
#include "store/storedatabase.h"
#include "store/storelog.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSqlError>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace {

const QString CallColumns = QStringLiteral(
    "id, started_at, ended_at, state, end_reason, customer_name, customer_id, campaign, purpose,"
    " language, prompt_name, prompt_version, context_json, turns, prompt_tokens,"
    " completion_tokens, cost_usd");

CallRecord readCall(const QSqlQuery &q)
{
    CallRecord call;
    call.id = q.value(0).toString();
    call.startedAt = SqlValues::toTime(q.value(1));
    call.endedAt = SqlValues::toTime(q.value(2));
    call.state = q.value(3).toString();
    call.endReason = q.value(4).toString();
    call.customerName = q.value(5).toString();
    call.customerId = q.value(6).toString();
    call.campaign = q.value(7).toString();
    call.purpose = q.value(8).toString();
    call.language = q.value(9).toString();
    call.promptName = q.value(10).toString();
    call.promptVersion = q.value(11).toInt();
    call.contextJson = SqlValues::toJson(q.value(12).toString());
    call.totals.turns = q.value(13).toInt();
    call.totals.promptTokens = q.value(14).toLongLong();
    call.totals.completionTokens = q.value(15).toLongLong();
    call.totals.costUsd = q.value(16).toDouble();
    return call;
}

} // namespace

SqliteCallStore::SqliteCallStore(const StoreDatabase &db)
    : m_db(db)
{}

QString SqliteCallStore::lastError() const
{
    return m_db.lastError();
}

bool SqliteCallStore::createCall(const CallRecord &call)
{
    if (call.id.trimmed().isEmpty()) {
        m_db.setError(QStringLiteral("a call needs an id"));
        return false;
    }
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("INSERT INTO calls (%1, owner_pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                       " ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(CallColumns));
    int i = 0;
    q.bindValue(i++, SqlValues::text(call.id));
    q.bindValue(i++,
                SqlValues::fromTime(call.startedAt.isValid() ? call.startedAt
                                                             : QDateTime::currentDateTimeUtc()));
    q.bindValue(i++, SqlValues::fromTime(call.endedAt));
    q.bindValue(i++, call.state.isEmpty() ? QStringLiteral("active") : call.state);
    for (const QString &text : {call.endReason, call.customerName, call.customerId, call.campaign,
                                call.purpose, call.language, call.promptName})
        q.bindValue(i++, SqlValues::text(text));
    q.bindValue(i++, call.promptVersion);
    q.bindValue(i++, SqlValues::fromJson(call.contextJson));
    q.bindValue(i++, call.totals.turns);
    q.bindValue(i++, call.totals.promptTokens);
    q.bindValue(i++, call.totals.completionTokens);
    q.bindValue(i++, call.totals.costUsd);
    q.bindValue(i++, QCoreApplication::applicationPid());
    if (!q.exec())
        return m_db.fail(q, QStringLiteral("cannot create call %1").arg(call.id));
    return true;
}

bool SqliteCallStore::appendEvents(const QList<CallEvent> &events)
{
    if (events.isEmpty())
        return true;
    if (!m_db.beginWrite())
        return false;
    if (!insertEvents(events)) {
        m_db.rollback();
        return false;
    }
    // Returns only after COMMIT: callers announce the events once this says true.
    return m_db.commit();
}

bool SqliteCallStore::insertEvents(const QList<CallEvent> &events)
{
    QSqlQuery &insert = m_db.prepared(QStringLiteral(
        "INSERT INTO events (call_id, seq, time, actor, kind, payload) VALUES (?, ?, ?, ?, ?, ?)"));
    QSqlQuery &index = m_db.prepared(QStringLiteral(
        "INSERT INTO transcript_fts (rowid, text, call_id, seq, kind) VALUES (?, ?, ?, ?, ?)"));
    QHash<QString, qint64> nextSeq; // for events appended without a seq
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const CallEvent &event : events) {
        qint64 seq = event.seq;
        if (seq <= 0) {
            auto it = nextSeq.find(event.callId);
            if (it == nextSeq.end())
                it = nextSeq.insert(event.callId, lastSeq(event.callId) + 1);
            seq = it.value();
        }
        nextSeq.insert(event.callId, seq + 1);
        insert.bindValue(0, SqlValues::text(event.callId));
        insert.bindValue(1, seq);
        insert.bindValue(2, SqlValues::fromTime(event.time.isValid() ? event.time : now));
        insert.bindValue(3, SqlValues::text(event.actor));
        insert.bindValue(4, SqlValues::text(event.kind));
        insert.bindValue(5, SqlValues::fromJson(event.payload));
        if (!insert.exec())
            return m_db.fail(insert, QStringLiteral("cannot store event %1 #%2 of call %3")
                                         .arg(event.kind)
                                         .arg(seq)
                                         .arg(event.callId));
        const QString text = indexedText(event);
        if (text.isEmpty())
            continue;
        index.bindValue(0, insert.lastInsertId());
        index.bindValue(1, text);
        index.bindValue(2, event.callId);
        index.bindValue(3, seq);
        index.bindValue(4, event.kind);
        if (!index.exec())
            return m_db.fail(
                index,
                QStringLiteral("cannot index event #%1 of call %2").arg(seq).arg(event.callId));
    }
    return true;
}

QString SqliteCallStore::indexedText(const CallEvent &event)
{
    if (!EventKind::isTranscriptText(event.kind))
        return {};
    for (const char *key : {"text", "content", "guidance", "line"}) {
        const QString text = event.payload.value(QLatin1String(key)).toString();
        if (!text.isEmpty())
            return text;
    }
    return {};
}

QList<CallEvent> SqliteCallStore::events(const QString &callId) const
{
    QList<CallEvent> result;
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT seq, time, actor, kind, payload FROM events WHERE call_id = ? ORDER BY seq"));
    q.bindValue(0, callId);
    if (!q.exec()) {
        m_db.fail(q, QStringLiteral("cannot read the events of call %1").arg(callId));
        return result;
    }
    while (q.next()) {
        CallEvent event;
        event.callId = callId;
        event.seq = q.value(0).toLongLong();
        event.time = SqlValues::toTime(q.value(1));
        event.actor = q.value(2).toString();
        event.kind = q.value(3).toString();
        event.payload = SqlValues::toJson(q.value(4).toString());
        result.append(event);
    }
    q.finish();
    return result;
}

qint64 SqliteCallStore::lastSeq(const QString &callId) const
{
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("SELECT coalesce(max(seq), 0) FROM events WHERE call_id = ?"));
    q.bindValue(0, callId);
    qint64 seq = 0;
    if (q.exec() && q.next())
        seq = q.value(0).toLongLong();
    else
        m_db.fail(q, QStringLiteral("cannot read the last event of call %1").arg(callId));
    q.finish();
    return seq;
}

std::optional<CallRecord> SqliteCallStore::call(const QString &id) const
{
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("SELECT %1 FROM calls WHERE id = ?").arg(CallColumns));
    q.bindValue(0, id);
    std::optional<CallRecord> result;
    if (!q.exec())
        m_db.fail(q, QStringLiteral("cannot read call %1").arg(id));
    else if (q.next())
        result = readCall(q);
    else
        m_db.setError(QStringLiteral("no call with id '%1'").arg(id));
    q.finish();
    return result;
}

QList<CallRecord> SqliteCallStore::listCalls(const CallFilter &filter) const
{
    SqlWhere where;
    if (filter.from.isValid())
        where.add(QStringLiteral("started_at >= ?"), SqlValues::fromTime(filter.from));
    if (filter.to.isValid())
        where.add(QStringLiteral("started_at < ?"), SqlValues::fromTime(filter.to));
    if (!filter.campaign.isEmpty())
        where.add(QStringLiteral("campaign = ?"), filter.campaign);
    if (!filter.endReason.isEmpty())
        where.add(QStringLiteral("end_reason = ?"), filter.endReason);
    if (!filter.promptName.isEmpty())
        where.add(QStringLiteral("prompt_name = ?"), filter.promptName);
    if (filter.promptVersion > 0)
        where.add(QStringLiteral("prompt_version = ?"), filter.promptVersion);
    if (!filter.state.isEmpty())
        where.add(QStringLiteral("state = ?"), filter.state);
    if (!filter.text.trimmed().isEmpty())
        where.add(QStringLiteral("id IN (SELECT call_id FROM transcript_fts WHERE transcript_fts"
                                 " MATCH ?)"),
                  ftsQuery(filter.text));
    QString sql = QStringLiteral("SELECT %1 FROM calls").arg(CallColumns);
    sql += where.sql();
    sql += QStringLiteral(" ORDER BY started_at DESC, id");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);

    QList<CallRecord> result;
    QSqlQuery q(m_db.database());
    q.prepare(sql);
    where.bindTo(q);
    if (!q.exec()) {
        m_db.fail(q, QStringLiteral("cannot list calls"));
        return result;
    }
    while (q.next())
        result.append(readCall(q));
    return result;
}

QString SqliteCallStore::ftsQuery(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList terms;
    for (QString word : text.split(space, Qt::SkipEmptyParts)) {
        word.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms.append(QLatin1Char('"') + word + QLatin1Char('"'));
    }
    return terms.join(QLatin1Char(' '));
}

QList<SearchHit> SqliteCallStore::search(const QString &text, int limit) const
{
    QList<SearchHit> hits;
    const QString query = ftsQuery(text);
    if (query.isEmpty()) {
        m_db.setError(QStringLiteral("nothing to search for"));
        return hits;
    }
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT call_id, seq, kind, snippet(transcript_fts, 0, '[', ']', '…', 12)"
                       " FROM transcript_fts WHERE transcript_fts MATCH ? ORDER BY rank LIMIT ?"));
    q.bindValue(0, query);
    q.bindValue(1, limit > 0 ? limit : -1);
    if (!q.exec()) {
        m_db.fail(q, QStringLiteral("cannot search for '%1'").arg(text));
        return hits;
    }
    while (q.next())
        hits.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                     q.value(3).toString()});
    q.finish();
    return hits;
}

bool SqliteCallStore::finishCall(const QString &id, const QString &endReason,
                                 const CallTotals &totals)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE calls SET state = 'ended', ended_at = coalesce(ended_at, ?), end_reason = ?,"
        " turns = ?, prompt_tokens = ?, completion_tokens = ?, cost_usd = ? WHERE id = ?"));
    q.bindValue(0, SqlValues::fromTime(QDateTime::currentDateTimeUtc()));
    q.bindValue(1, SqlValues::text(endReason));
    q.bindValue(2, totals.turns);
    q.bindValue(3, totals.promptTokens);
    q.bindValue(4, totals.completionTokens);
    q.bindValue(5, totals.costUsd);
    q.bindValue(6, id);
    if (!q.exec())
        return m_db.fail(q, QStringLiteral("cannot finish call %1").arg(id));
    if (q.numRowsAffected() != 1) {
        m_db.setError(QStringLiteral("no call with id '%1'").arg(id));
        return false;
    }
    return true;
}

bool SqliteCallStore::processIsRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
#ifdef Q_OS_UNIX
    // Signal 0 only checks: ESRCH = no such process; EPERM = it exists but is not ours.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#else
    // Without a cheap liveness check, only the caller's start-up call (see docs) decides.
    return false;
#endif
}

int SqliteCallStore::markInterruptedCalls()
{
    QSqlQuery q(m_db.database());
    if (!q.exec(QStringLiteral("SELECT id, owner_pid FROM calls WHERE state = 'active'"))) {
        m_db.fail(q, QStringLiteral("cannot look for interrupted calls"));
        return -1;
    }
    QStringList orphans;
    while (q.next()) {
        if (!processIsRunning(q.value(1).toLongLong()))
            orphans.append(q.value(0).toString());
    }
    q.finish();

    int marked = 0;
    for (const QString &id : std::as_const(orphans)) {
        if (!m_db.beginWrite())
            return -1;
        QSqlQuery update(m_db.database());
        update.prepare(
            QStringLiteral("UPDATE calls SET state = 'interrupted', end_reason = 'interrupted',"
                           " ended_at = (SELECT max(time) FROM events WHERE call_id = calls.id)"
                           " WHERE id = ? AND state = 'active'"));
        update.addBindValue(id);
        if (!update.exec()) {
            m_db.fail(update, QStringLiteral("cannot mark call %1 interrupted").arg(id));
            m_db.rollback();
            return -1;
        }
        if (update.numRowsAffected() == 0) { // another process got there first
            m_db.rollback();
            continue;
        }
        CallEvent event;
        event.callId = id;
        event.actor = QStringLiteral("system");
        event.kind = EventKind::CallInterrupted;
        event.payload.insert(QStringLiteral("reason"),
                             QStringLiteral("the program running the call stopped"));
        if (!insertEvents({event}) || !m_db.commit()) {
            m_db.rollback();
            return -1;
        }
        qCInfo(lcStore) << "call" << id << "was interrupted";
        ++marked;
    }
    return marked;
}

int SqliteCallStore::deleteCallsOlderThan(int days)
{
    if (days < 0) {
        m_db.setError(QStringLiteral("retention must be 0 or more days, not %1").arg(days));
        return -1;
    }
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-days);
    if (!m_db.beginWrite())
        return -1;
    // Events go through ON DELETE CASCADE, their index entries through the events trigger.
    // Running calls stay whatever their age.
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM calls WHERE started_at < ? AND state != 'active'"));
    q.addBindValue(SqlValues::fromTime(cutoff));
    if (!q.exec()) {
        m_db.fail(q, QStringLiteral("cannot delete old calls"));
        m_db.rollback();
        return -1;
    }
    const int deleted = q.numRowsAffected();
    if (!m_db.commit())
        return -1;
    if (deleted > 0)
        qCInfo(lcStore) << "retention deleted" << deleted << "calls older than" << days << "days";
    return deleted;
}
