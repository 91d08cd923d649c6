#pragma once

#include "store/callstore.h"

class StoreDatabase;

// CallStore over the calls, events and transcript_fts tables of a StoreDatabase.
class SqliteCallStore final : public CallStore
{
public:
    explicit SqliteCallStore(const StoreDatabase &db);

    bool createCall(const CallRecord &call) override;
    bool appendEvents(const QList<CallEvent> &events) override;
    QList<CallEvent> events(const QString &callId) const override;
    qint64 lastSeq(const QString &callId) const override;
    std::optional<CallRecord> call(const QString &id) const override;
    QList<CallRecord> listCalls(const CallFilter &filter) const override;
    QList<SearchHit> search(const QString &text, int limit) const override;
    bool finishCall(const QString &id, const QString &endReason, const CallTotals &totals) override;
    int markInterruptedCalls() override;
    int deleteCallsOlderThan(int days) override;
    QString lastError() const override;

    // Turns what a user typed into an FTS5 query that matches all of its words, so that
    // quotes, '*', 'NEAR' or '-' in the text are never FTS syntax.
    static QString ftsQuery(const QString &text);
    // The text of an event that goes into the search index (empty if none).
    static QString indexedText(const CallEvent &event);

private:
    bool insertEvents(const QList<CallEvent> &events);
    static bool processIsRunning(qint64 pid);

    const StoreDatabase &m_db;
};
