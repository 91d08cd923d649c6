#pragma once

#include "calls/callservices.h"
#include "calls/scenario.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class CallSession;

// Owns the live call sessions. The shared client, stores and metrics come in through the
// constructor; on construction it marks calls left "active" by an earlier process as interrupted.
class CallManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallManager)

public:
    explicit CallManager(const CallServices &services, QObject *parent = nullptr);
    ~CallManager() override;

    // Starts a call for the scenario: a simulated customer (persona or scripted lines) or, when
    // the scenario has neither, a typed call driven through CallSession::customerUtterance().
    // Returns null (and lastError()) if the call could not be started.
    CallSession *startCall(const Scenario &scenario);
    QList<CallSession *> sessions() const;
    CallSession *session(const QString &id) const;
    // Ended sessions stay listed until removed (the monitor may still show them).
    void removeSession(const QString &id);
    int interruptedAtStartup() const { return m_interruptedAtStartup; }
    QString lastError() const { return m_lastError; }

signals:
    void callStarted(CallSession *session);
    void callEnded(CallSession *session);

private:
    CallServices m_services;
    QList<CallSession *> m_sessions;
    int m_interruptedAtStartup = 0;
    QString m_lastError;
};
