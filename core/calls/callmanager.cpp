#include "calls/callmanager.h"

#include "calls/callsession.h"

CallManager::CallManager(const CallServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{}

CallManager::~CallManager() = default;

CallSession *CallManager::startCall(const Scenario &)
{
    m_lastError = QStringLiteral("not implemented yet");
    return nullptr;
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
