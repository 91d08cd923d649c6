#include "calls/callsession.h"

#include "calls/utterancesource.h"

// Placeholder implementation: the state machine and turn loop land in the following commits.
class CallSessionPrivate
{
public:
    QString id;
    Scenario scenario;
    CallServices services;
    UtteranceSource *source = nullptr;
    CallState state = CallState::Dialing;
    SupervisionMode supervision = SupervisionMode::None;
    bool listening = false;
    QString supervisor;
    CallStats stats;
    QList<CallEvent> events;
    QString endReason;
    QString lastError;
    QString summary;
};

CallSession::CallSession(const QString &id, const Scenario &scenario, const CallServices &services,
                         UtteranceSource *source, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<CallSessionPrivate>())
{
    d->id = id;
    d->scenario = scenario;
    d->services = services;
    d->source = source;
    if (source)
        source->setParent(this);
}

CallSession::~CallSession() = default;

bool CallSession::start()
{
    return false;
}

QString CallSession::id() const
{
    return d->id;
}
CallContext CallSession::context() const
{
    return d->scenario.context;
}
const Scenario &CallSession::scenario() const
{
    return d->scenario;
}
CallState CallSession::state() const
{
    return d->state;
}
SupervisionMode CallSession::supervision() const
{
    return d->supervision;
}
bool CallSession::isListening() const
{
    return d->listening;
}
QString CallSession::supervisor() const
{
    return d->supervisor;
}
CallStats CallSession::stats() const
{
    return d->stats;
}
QList<CallEvent> CallSession::events() const
{
    return d->events;
}
QString CallSession::endReason() const
{
    return d->endReason;
}
QString CallSession::promptName() const
{
    return d->scenario.promptName;
}
int CallSession::promptVersion() const
{
    return d->scenario.promptVersion;
}
bool CallSession::isAgentGenerating() const
{
    return false;
}
QString CallSession::lastError() const
{
    return d->lastError;
}
QString CallSession::summary() const
{
    return d->summary;
}
QList<RiskFlag> CallSession::riskFlags() const
{
    return {};
}

void CallSession::listen(const QString &, bool) {}
void CallSession::whisper(const QString &, const QString &) {}
void CallSession::say(const QString &, const QString &) {}
void CallSession::takeOver(const QString &) {}
void CallSession::supervisorUtterance(const QString &, const QString &) {}
void CallSession::handBack(const QString &) {}
void CallSession::end(const QString &, const QString &) {}
void CallSession::customerUtterance(const QString &) {}
void CallSession::customerHangUp() {}
