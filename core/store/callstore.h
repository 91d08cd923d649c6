#pragma once

#include "store/callevent.h"
#include "store/callfilter.h"
#include "store/callrecord.h"
#include "store/searchhit.h"

#include <optional>
#include <QList>

// Calls and their event logs. Implementations are used from one thread (the one that opened them).
class CallStore
{
public:
    virtual ~CallStore() = default;

    // Adds the call (state "active" unless given). False if the id exists or on error.
    virtual bool createCall(const CallRecord &call) = 0;
    // Appends the events in one transaction and returns only after it is committed: the
    // caller may announce them as soon as this returns ("store first, then signal").
    // All or nothing: on failure none of them is stored.
    virtual bool appendEvents(const QList<CallEvent> &events) = 0;
    bool appendEvent(const CallEvent &event) { return appendEvents({event}); }
    // The call's events in seq order.
    virtual QList<CallEvent> events(const QString &callId) const = 0;
    // The highest seq stored for the call (0 if none).
    virtual qint64 lastSeq(const QString &callId) const = 0;
    virtual std::optional<CallRecord> call(const QString &id) const = 0;
    virtual QList<CallRecord> listCalls(const CallFilter &filter) const = 0;
    // Full-text search over transcript text, best matches first.
    virtual QList<SearchHit> search(const QString &text, int limit) const = 0;
    // Sets state "ended", endedAt = now (unless already set), the end reason and totals.
    virtual bool finishCall(const QString &id, const QString &endReason,
                            const CallTotals &totals) = 0;
    // Calls left "active" by a process that is no longer running become "interrupted" and
    // get a call.interrupted event. Calls of running processes are left alone. Returns how many.
    virtual int markInterruptedCalls() = 0;
    // Deletes calls started more than `days` days ago with their events and search index
    // entries (usage records stay). Returns how many calls were deleted, -1 on error.
    virtual int deleteCallsOlderThan(int days) = 0;

    virtual QString lastError() const = 0;
};
