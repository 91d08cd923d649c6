// CallSession's supervisor API: the intervention ladder (listen, whisper, say, take over,
// supervisor turns, hand back, end). Each action is a call event and an audit record.

#include "calls/callsession.h"
#include "calls/callsessionprivate.h"
#include "calls/callslog.h"
#include "openai/chatcall.h"
#include "store/eventkinds.h"

void CallSession::listen(const QString &supervisor, bool on)
{
    if (!d->requireActive("listen") || d->listening == on)
        return;
    const QString actor = CallSessionPrivate::actorFor(supervisor);
    d->listening = on;
    if (on && d->supervisor.isEmpty())
        d->supervisor = actor.mid(11);
    d->emitEvent(actor, QString(EventKind::SupervisorListen), {{QStringLiteral("on"), on}});
    d->audit(actor, QStringLiteral("call.listen"), {{QStringLiteral("on"), on}});
    if (on && d->mode == SupervisionMode::None)
        d->setMode(SupervisionMode::Listening);
    else if (!on && d->mode == SupervisionMode::Listening) {
        d->supervisor.clear();
        d->setMode(SupervisionMode::None);
    }
}

void CallSession::whisper(const QString &supervisor, const QString &guidance)
{
    const QString text = guidance.trimmed();
    if (!d->requireActive("whisper") || text.isEmpty())
        return;
    const QString actor = CallSessionPrivate::actorFor(supervisor);
    const QString name = actor.mid(11);
    d->supervisor = name;
    d->emitEvent(actor, QString(EventKind::SupervisorWhisper), {{QStringLiteral("text"), text}});
    d->audit(actor, QStringLiteral("call.whisper"), {{QStringLiteral("text"), text}});
    // From the next agent turn on the model sees it as an instruction; the customer never does.
    d->history->append(HistoryTurn::instruction(d->redactor.redact(text), name));
    if (d->mode != SupervisionMode::TakenOver)
        d->setMode(SupervisionMode::Whispering);
}

void CallSession::say(const QString &supervisor, const QString &line)
{
    const QString text = line.trimmed();
    if (!d->requireActive("say") || text.isEmpty())
        return;
    const QString actor = CallSessionPrivate::actorFor(supervisor);
    d->supervisor = actor.mid(11);
    d->emitEvent(actor, QString(EventKind::SupervisorSay), {{QStringLiteral("text"), text}});
    d->audit(actor, QStringLiteral("call.say"), {{QStringLiteral("text"), text}});
    d->pendingSays.append({actor.mid(11), text});
    // The line is the agent's next turn: now, if the customer is waiting for the agent.
    if (!d->agentCall && (d->mode == SupervisionMode::TakenOver || d->customerIsWaiting()))
        d->requestAgentTurn();
}

void CallSession::takeOver(const QString &supervisor)
{
    if (!d->requireActive("takeOver") || d->mode == SupervisionMode::TakenOver)
        return;
    const QString actor = CallSessionPrivate::actorFor(supervisor);
    d->supervisor = actor.mid(11);
    QJsonObject payload;
    if (d->agentCall) {
        // The AI stops at once: the pending stream is cancelled and its partial text dropped.
        payload.insert(QStringLiteral("cancelledStream"), true);
        payload.insert(QStringLiteral("partialText"),
                       d->redactor.restore(d->agentCall->contentSoFar()));
        d->cancelAgentCall();
    } else {
        payload.insert(QStringLiteral("cancelledStream"), false);
    }
    d->closingReason.clear();
    d->emitEvent(actor, QString(EventKind::SupervisorTakeover), payload);
    d->audit(actor, QStringLiteral("call.takeover"), payload);
    d->setMode(SupervisionMode::TakenOver);
}

void CallSession::supervisorUtterance(const QString &supervisor, const QString &text)
{
    const QString line = text.trimmed();
    if (!d->requireActive("supervisorUtterance") || line.isEmpty())
        return;
    if (d->mode != SupervisionMode::TakenOver) {
        d->lastError = QStringLiteral("supervisorUtterance: take the call over first");
        return;
    }
    const QString actor = CallSessionPrivate::actorFor(supervisor);
    d->emitEvent(actor, QString(EventKind::SupervisorTurn), {{QStringLiteral("text"), line}});
    d->audit(actor, QStringLiteral("call.supervisor-turn"), {{QStringLiteral("text"), line}});
    HistoryTurn turn = HistoryTurn::agent(d->redactor.redact(line));
    turn.author = actor.mid(11);
    d->history->append(turn);
    d->heard.append({false, line});
    d->lastSpeakerCustomer = false;
    d->askCustomer();
}

void CallSession::handBack(const QString &supervisor)
{
    if (!d->requireActive("handBack") || d->mode != SupervisionMode::TakenOver)
        return;
    const QString actor = CallSessionPrivate::actorFor(supervisor);
    const QString name = actor.mid(11);
    // A plain instruction (not "guidance"): the AI resumes knowing it already greeted the customer.
    const QString note =
        QStringLiteral(
            "Your human colleague %1 spoke with the customer and now hands the call back to "
            "you. Do not greet the customer again and do not introduce yourself again: they "
            "already know who you are. Your colleague's words are in the conversation above; "
            "continue the task from where it stands.")
            .arg(name);
    d->history->append(HistoryTurn{HistoryTurn::Role::Instruction, note, false, name});
    d->emitEvent(actor, QString(EventKind::SupervisorHandback),
                 {{QStringLiteral("instruction"), note}});
    d->audit(actor, QStringLiteral("call.handback"), {});
    d->setMode(SupervisionMode::HandedBack);
    // If the customer spoke last, the AI answers now; otherwise their next words start its turn.
    if (d->customerIsWaiting() || !d->pendingSays.isEmpty())
        d->requestAgentTurn();
}

void CallSession::end(const QString &actor, const QString &reason)
{
    if (d->state == CallState::Ended)
        return;
    static const QStringList plainActors = {QStringLiteral("agent"), QStringLiteral("customer"),
                                            QStringLiteral("system")};
    const QString who = plainActors.contains(actor) ? actor : CallSessionPrivate::actorFor(actor);
    const QString why =
        reason.trimmed().isEmpty() ? QStringLiteral("ended-by-supervisor") : reason.trimmed();
    if (who.startsWith(QLatin1String("supervisor:")))
        d->audit(who, QStringLiteral("call.end"), {{QStringLiteral("reason"), why}});
    d->finish(who, why);
}

void CallSession::customerUtterance(const QString &text)
{
    if (d->state != CallState::Active || text.trimmed().isEmpty())
        return;
    d->handleCustomer(text.trimmed());
}

void CallSession::customerHangUp()
{
    d->finish(QStringLiteral("customer"), QStringLiteral("customer-hung-up"));
}
