#pragma once

#include "store/callevent.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

class CallStore;

// The one place that writes a call's events: numbers them, stores them, and only then announces
// them. Streamed agent text is gathered into agent.delta events over a short time/size window;
// any other event first flushes the pending text, so the stored order is the order of the call.
class CallEventWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallEventWriter)

public:
    // `store` is not owned; events continue from the call's last stored seq.
    CallEventWriter(CallStore *store, const QString &callId, int batchMs, int batchChars,
                    QObject *parent = nullptr);
    ~CallEventWriter() override;

    // Stores one event (after any pending delta text) and announces it. Returns the event as
    // stored.
    CallEvent append(const QString &actor, const QString &kind, const QJsonObject &payload = {});
    // Gathers streamed text for the current agent turn; stored as agent.delta within the window.
    void appendDelta(const QString &text);
    // Stores the pending delta text now (before a turn ends, on cancel, at the end of the call).
    void flush();

    QList<CallEvent> events() const { return m_events; }
    // Whether every event so far reached the store.
    bool isDurable() const { return m_failures == 0; }
    QString lastError() const { return m_lastError; }

signals:
    // After the event is in the store (or, if the store failed, after the failure was logged).
    void appended(const CallEvent &event);
    // The text of a stored agent.delta event, for live views.
    void deltaStored(const QString &text);

private:
    CallEvent store(const QString &actor, const QString &kind, const QJsonObject &payload);

    CallStore *m_store;
    QString m_callId;
    qint64 m_nextSeq = 1;
    int m_batchChars;
    QTimer m_flushTimer;
    QString m_pendingDelta;
    int m_deltaIndex = 0; // agent.delta events of the current turn
    QList<CallEvent> m_events;
    int m_failures = 0;
    QString m_lastError;
};
