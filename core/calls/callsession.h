#pragma once

#include "calls/callcontext.h"
#include "calls/callservices.h"
#include "calls/callstate.h"
#include "calls/callstats.h"
#include "calls/riskflag.h"
#include "calls/scenario.h"
#include "store/callevent.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class UtteranceSource;
class CallSessionPrivate;

// One call: the state machine (dialing -> active -> ended), the supervisor layer and the turn loop
// (customer utterance -> redaction -> window within the budget -> streamed agent reply ->
// compliance). Everything that happens is a CallEvent, stored first and signalled second.
class CallSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallSession)

public:
    // `source` (may be null for a typed test call) is adopted: the session becomes its parent.
    CallSession(const QString &id, const Scenario &scenario, const CallServices &services,
                UtteranceSource *source, QObject *parent = nullptr);
    ~CallSession() override;

    // Stores the call record and goes dialing -> active; the first speaker begins. False (and
    // lastError()) if the call could not be stored or the prompt could not be prepared.
    bool start();

    QString id() const;
    CallContext context() const;
    const Scenario &scenario() const;
    CallState state() const;
    SupervisionMode supervision() const;
    bool isListening() const;   // a supervisor follows the call (independent of steering)
    QString supervisor() const; // who supervises right now, empty if nobody
    CallStats stats() const;
    QList<CallEvent> events() const; // every event of this call so far, in order
    QString endReason() const;
    QString promptName() const;
    int promptVersion() const;
    bool isAgentGenerating() const; // a model request for the agent is in flight
    QString lastError() const;
    // The running summary of older turns (empty until the window first overflows).
    QString summary() const;
    // The call's risk flags right now (RiskAssessor over the events and stats).
    QList<RiskFlag> riskFlags() const;

    // Supervisor API: each becomes an event and an audit record.
    void listen(const QString &supervisor, bool on);
    void whisper(const QString &supervisor, const QString &guidance);
    void say(const QString &supervisor, const QString &line);
    void takeOver(const QString &supervisor);
    void supervisorUtterance(const QString &supervisor, const QString &text);
    void handBack(const QString &supervisor);
    void end(const QString &actor, const QString &reason);

    // Customer side: a typed test call (or any source outside the UtteranceSource).
    void customerUtterance(const QString &text);
    void customerHangUp();

signals:
    void eventAppended(const CallEvent &event); // after it is stored
    void
    agentDelta(const QString &text); // live streamed text (also stored in batches as agent.delta)
    void stateChanged(CallState state);
    void supervisionChanged(SupervisionMode mode);
    void statsChanged();
    void ended(const QString &reason);

private:
    friend class CallSessionPrivate;
    std::unique_ptr<CallSessionPrivate> d;
};
