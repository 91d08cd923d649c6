#include "calls/callmanager.h"

#include "calls/callsession.h"
#include "calls/callslog.h"
#include "calls/customersimulator.h"
#include "openai/modelprofiles.h"
#include "store/callstore.h"

#include <QUuid>

CallManager::CallManager(const CallServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    // Calls an earlier process left "active" died with it: say so before showing anything live.
    if (m_services.calls) {
        m_interruptedAtStartup = m_services.calls->markInterruptedCalls();
        if (m_interruptedAtStartup > 0)
            qCInfo(lcCalls) << m_interruptedAtStartup
                            << "call(s) of an earlier run marked interrupted";
    }
}

CallManager::~CallManager()
{
    // Calls still running when the application quits end cleanly instead of being "interrupted".
    const QList<CallSession *> live = m_sessions;
    for (CallSession *session : live) {
        if (session->state() != CallState::Ended)
            session->end(QStringLiteral("system"), QStringLiteral("application-closed"));
    }
}

CallSession *CallManager::startCall(const Scenario &scenario)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    UtteranceSource *source = nullptr;
    if (!scenario.isTyped()) {
        const ModelProfiles profiles =
            m_services.models ? *m_services.models : ModelProfiles::defaults();
        const ModelConfig cheaper = profiles.fallback() ? *profiles.fallback() : profiles.primary();
        source = new CustomerSimulator(scenario, m_services.client, cheaper, m_services.usage, id);
    }
    auto *session = new CallSession(id, scenario, m_services, source, this);
    if (!session->start()) {
        m_lastError = session->lastError();
        delete session;
        return nullptr;
    }
    m_sessions.append(session);
    // Connected only now, so that callEnded never comes before callStarted.
    connect(session, &CallSession::ended, this, [this, session] { emit callEnded(session); });
    // Events of the start (call.started, call.state) are already in session->events().
    emit callStarted(session);
    if (session->state() == CallState::Ended) // e.g. a customer on the do-not-call list
        emit callEnded(session);
    return session;
}

QList<CallSession *> CallManager::sessions() const
{
    return m_sessions;
}

CallSession *CallManager::session(const QString &id) const
{
    for (CallSession *session : m_sessions) {
        if (session->id() == id)
            return session;
    }
    return nullptr;
}

void CallManager::removeSession(const QString &id)
{
    CallSession *found = session(id);
    if (!found)
        return;
    m_sessions.removeOne(found);
    found->deleteLater();
}
