#include "calls/callsession.h"

#include "calls/callsessionprivate.h"
#include "calls/callslog.h"
#include "calls/responsecache.h"
#include "calls/riskassessor.h"
#include "openai/chatcall.h"
#include "openai/modelprofiles.h"
#include "openai/openaiclient.h"
#include "prompts/promptrepository.h"
#include "store/auditlog.h"
#include "store/callstore.h"
#include "store/eventkinds.h"
#include "store/optoutstore.h"

#include <QJsonArray>

CallSessionPrivate::CallSessionPrivate(CallSession *session)
    : q(session)
{}

QString CallSessionPrivate::actorFor(const QString &supervisor)
{
    static const QString prefix = QStringLiteral("supervisor:");
    const QString name = supervisor.trimmed();
    if (name.startsWith(prefix))
        return name;
    return prefix + (name.isEmpty() ? QStringLiteral("unknown") : name);
}

bool CallSessionPrivate::prepare(QString *error)
{
    if (!services.client || !services.calls) {
        *error = QStringLiteral("a call needs an OpenAI client and a call store");
        return false;
    }
    const ModelProfiles profiles = services.models ? *services.models : ModelProfiles::defaults();
    primary = profiles.primary();
    fallback = profiles.fallback();
    cheaper = fallback ? *fallback : primary;

    // The prompt is data: a stored, versioned prompt (version 1 seeded from resources).
    if (services.prompts) {
        PromptRepository repository(services.prompts);
        if (scenario.promptName == PromptRepository::agentPromptName() &&
            !repository.ensureSeeded(error))
            return false;
        const auto resolved =
            repository.resolve(scenario.promptName, scenario.promptVersion, error);
        if (!resolved)
            return false;
        prompt = *resolved;
    } else {
        prompt.name = PromptRepository::agentPromptName();
        prompt.version = 1;
        prompt.body = PromptRepository::builtInSystemPrompt();
        prompt.contextTemplate = PromptRepository::builtInContextTemplate();
    }
    const auto rendered = PromptRepository::renderContext(prompt, scenario.context.toJson(), error);
    if (!rendered)
        return false;

    BudgetConfig config = BudgetConfig::defaults();
    const ScenarioLimits &limits = scenario.limits;
    if (limits.tokensPerTurn > 0)
        config.maxTokensPerTurn = limits.tokensPerTurn;
    if (limits.tokensPerCall > 0)
        config.maxTokensPerCall = limits.tokensPerCall;
    if (limits.reserveTokens >= 0)
        config.reservedTokens = limits.reserveTokens;
    if (limits.costCapUsd > 0)
        config.maxCostUsd = limits.costCapUsd;
    if (config.reservedTokens >= config.maxTokensPerCall) {
        *error = QStringLiteral("scenario.limits.reserveTokens: must be less than tokensPerCall");
        return false;
    }
    budget.emplace(config, services.client->prices());
    stats.tokenCap = config.maxTokensPerCall;
    stats.costCap = config.maxCostUsd;
    stats.modelInUse = primary.model;

    history = new HistoryWindow(services.client, cheaper, primary.model, q);
    history->setCallId(id);
    QObject::connect(history, &HistoryWindow::summaryUpdated, q,
                     [this](const QString &summary, int covered) {
                         if (state == CallState::Active)
                             emitEvent(QStringLiteral("system"), QString(EventKind::SummaryUpdated),
                                       {{QStringLiteral("summary"), redactor.restore(summary)},
                                        {QStringLiteral("coveredTurns"), covered}});
                     });
    QObject::connect(history, &HistoryWindow::summaryFailed, q, [this](const QString &message) {
        if (state == CallState::Active)
            emitEvent(QStringLiteral("system"), QString(EventKind::Error),
                      {{QStringLiteral("source"), QStringLiteral("summary")},
                       {QStringLiteral("message"), message}});
    });
    history->setSystemPrompt(prompt.body);
    // Nothing leaves the machine unredacted, the context included.
    history->setContextMessage(redactor.redact(*rendered));
    if (limits.historyTokens > 0)
        history->setTokenLimit(limits.historyTokens);
    contextIdentity =
        ResponseCache::contextIdentity(scenario.context.customerId, scenario.context.toJson());
    return true;
}

CallEvent CallSessionPrivate::emitEvent(const QString &actor, const QString &kind,
                                        const QJsonObject &payload)
{
    return writer->append(actor, kind, payload);
}

void CallSessionPrivate::setState(CallState next, const QString &actor)
{
    if (state == next)
        return;
    const CallState previous = state;
    state = next;
    emitEvent(actor, QString(EventKind::CallState),
              {{QStringLiteral("from"), callStateName(previous)},
               {QStringLiteral("to"), callStateName(next)}});
    emit q->stateChanged(next);
}

void CallSessionPrivate::setMode(SupervisionMode next)
{
    if (mode == next)
        return;
    mode = next;
    emit q->supervisionChanged(next);
}

void CallSessionPrivate::audit(const QString &actor, const QString &action,
                               const QJsonObject &details)
{
    if (!services.audit)
        return;
    AuditRecord record;
    record.time = QDateTime::currentDateTimeUtc();
    record.actor = actor;
    record.action = action;
    record.target = id;
    record.details = details;
    if (!services.audit->append(record))
        qCWarning(lcCalls) << "call" << id << "could not write audit record" << action << ':'
                           << services.audit->lastError();
}

bool CallSessionPrivate::requireActive(const char *action)
{
    if (state == CallState::Active)
        return true;
    lastError =
        QStringLiteral("%1: the call is %2").arg(QLatin1String(action), callStateName(state));
    qCInfo(lcCalls) << "call" << id << lastError;
    return false;
}

void CallSessionPrivate::finish(const QString &actor, const QString &reason,
                                const QJsonObject &extra)
{
    if (state == CallState::Ended)
        return;
    cancelAgentCall();
    if (source)
        source->cancel();
    durationTimer.stop();
    silenceTimer.stop();
    writer->flush();
    endReason = reason;
    stats.durationMs = clock.isValid() ? clock.elapsed() : 0;
    setState(CallState::Ended, actor);

    QJsonObject payload = extra;
    payload.insert(QStringLiteral("reason"), reason);
    payload.insert(QStringLiteral("turns"), stats.turns);
    payload.insert(QStringLiteral("promptTokens"), stats.promptTokens);
    payload.insert(QStringLiteral("completionTokens"), stats.completionTokens);
    payload.insert(QStringLiteral("costUsd"), stats.costUsd);
    payload.insert(QStringLiteral("durationMs"), stats.durationMs);
    payload.insert(QStringLiteral("flagged"), flagged);
    emitEvent(actor, QString(EventKind::CallEnded), payload);

    CallTotals totals;
    totals.turns = stats.turns;
    totals.promptTokens = stats.promptTokens;
    totals.completionTokens = stats.completionTokens;
    totals.costUsd = stats.costUsd;
    if (!services.calls->finishCall(id, reason, totals))
        qCWarning(lcCalls) << "call" << id
                           << "could not be finished in the store:" << services.calls->lastError();
    qCInfo(lcCalls) << "call" << id << "ended:" << reason;
    emit q->statsChanged();
    emit q->ended(reason);
}

CallSession::CallSession(const QString &id, const Scenario &scenario, const CallServices &services,
                         UtteranceSource *source, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<CallSessionPrivate>(this))
{
    d->id = id;
    d->scenario = scenario;
    d->services = services;
    d->source = source;
    d->writer = new CallEventWriter(services.calls, id, services.deltaBatchMs,
                                    services.deltaBatchChars, this);
    connect(d->writer, &CallEventWriter::appended, this, &CallSession::eventAppended);
    connect(d->writer, &CallEventWriter::deltaStored, this, &CallSession::agentDelta);
    if (source) {
        source->setParent(this);
        connect(source, &UtteranceSource::utterance, this, &CallSession::customerUtterance);
        connect(source, &UtteranceSource::hungUp, this, [this](const QString &reason) {
            d->finish(QStringLiteral("customer"), QStringLiteral("customer-hung-up"),
                      {{QStringLiteral("detail"), reason}});
        });
        connect(source, &UtteranceSource::failed, this, [this](const QString &message) {
            d->emitEvent(QStringLiteral("system"), QString(EventKind::Error),
                         {{QStringLiteral("source"), QStringLiteral("customer")},
                          {QStringLiteral("message"), message}});
            d->finish(QStringLiteral("system"), QStringLiteral("customer-failed"));
        });
    }
    d->durationTimer.setSingleShot(true);
    d->silenceTimer.setSingleShot(true);
    d->durationTimer.setTimerType(Qt::PreciseTimer);
    d->silenceTimer.setTimerType(Qt::PreciseTimer);
    connect(&d->durationTimer, &QTimer::timeout, this, [this] {
        d->closeWithLine(
            QStringLiteral("max-duration"),
            QStringLiteral("I'm sorry, we've reached the time limit for this call. Thank you "
                           "for your time, and goodbye."),
            QStringLiteral("system"));
    });
    connect(&d->silenceTimer, &QTimer::timeout, this, [this] {
        d->closeWithLine(
            QStringLiteral("silence-timeout"),
            QStringLiteral("I haven't heard from you, so I'll end the call for now. Thank "
                           "you, and goodbye."),
            QStringLiteral("system"));
    });
    if (services.client) {
        // Summaries are made by the history window; their usage belongs to this call too.
        connect(services.client, &OpenAIClient::requestCompleted, this,
                [this](const ChatResult &result, const ChatRequest &request) {
                    if (request.callId != d->id || request.feature != QLatin1String("summary"))
                        return;
                    d->recordUsage(result, request.feature);
                    d->accountUsage(result);
                });
    }
}

CallSession::~CallSession()
{
    // No signals from a destructor: pending delta text is stored by the writer's own destructor.
    if (d->agentCall) {
        d->agentCall->cancel();
        d->agentCall->deleteLater();
    }
}

bool CallSession::start()
{
    if (d->state != CallState::Dialing || d->clock.isValid()) {
        d->lastError = QStringLiteral("the call was already started");
        return false;
    }
    QString error;
    if (!d->prepare(&error)) {
        d->lastError = error;
        qCWarning(lcCalls) << "call" << d->id << "cannot start:" << error;
        return false;
    }
    const CallContext &context = d->scenario.context;
    CallRecord record;
    record.id = d->id;
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.customerName = context.customerName;
    record.customerId = context.customerId;
    record.campaign = context.campaign;
    record.purpose = context.purpose;
    record.language = context.language;
    record.promptName = d->prompt.name;
    record.promptVersion = d->prompt.version;
    record.contextJson = context.toJson();
    if (!d->services.calls->createCall(record)) {
        d->lastError =
            QStringLiteral("could not store the call: %1").arg(d->services.calls->lastError());
        return false;
    }
    d->clock.start();
    d->stats.startedAt = record.startedAt;
    d->stats.lastCustomerActivity = record.startedAt;

    const QString customerKind = d->scenario.persona                   ? QStringLiteral("persona")
                                 : d->scenario.scriptedLines.isEmpty() ? QStringLiteral("typed")
                                                                       : QStringLiteral("scripted");
    d->emitEvent(
        QStringLiteral("system"), QString(EventKind::CallStarted),
        {{QStringLiteral("scenario"), d->scenario.name},
         {QStringLiteral("context"), context.toJson()},
         {QStringLiteral("prompt"), QJsonObject{{QStringLiteral("name"), d->prompt.name},
                                                {QStringLiteral("version"), d->prompt.version}}},
         {QStringLiteral("models"),
          QJsonObject{{QStringLiteral("primary"), d->primary.model},
                      {QStringLiteral("fallback"), d->fallback ? d->fallback->model : QString()}}},
         {QStringLiteral("budget"), d->budget->config().toJson()},
         {QStringLiteral("customer"), customerKind},
         {QStringLiteral("maxTurns"), d->scenario.limits.maxTurns},
         {QStringLiteral("maxDurationMs"), d->scenario.limits.maxDurationMs},
         {QStringLiteral("silenceTimeoutMs"), d->scenario.limits.silenceTimeoutMs}});
    d->emitEvent(QStringLiteral("system"), QString(EventKind::CallState),
                 {{QStringLiteral("from"), QString()},
                  {QStringLiteral("to"), callStateName(CallState::Dialing)}});
    d->setState(CallState::Active, QStringLiteral("system"));
    d->durationTimer.start(
        static_cast<int>(qBound(qint64(1), d->scenario.limits.maxDurationMs, qint64(INT_MAX))));

    // Fail closed: a customer on the do-not-call list is not talked to.
    if (d->services.optOuts && !context.customerId.isEmpty() &&
        d->services.optOuts->isOptedOut(context.customerId)) {
        d->emitEvent(QStringLiteral("system"), QString(EventKind::ComplianceFlag),
                     {{QStringLiteral("code"), QStringLiteral("do-not-call")},
                      {QStringLiteral("detail"),
                       QStringLiteral("the customer is on the do-not-call list")}});
        d->flagged = true;
        d->finish(QStringLiteral("system"), QStringLiteral("do-not-call"));
        return true;
    }
    if (d->scenario.firstSpeaker == QLatin1String("customer")) {
        d->lastSpeakerCustomer = false;
        d->askCustomer();
    } else {
        d->requestAgentTurn();
    }
    return true;
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
    return d->mode;
}
bool CallSession::isListening() const
{
    return d->listening;
}
QString CallSession::supervisor() const
{
    return d->supervisor;
}
QList<CallEvent> CallSession::events() const
{
    return d->writer->events();
}
QString CallSession::endReason() const
{
    return d->endReason;
}
QString CallSession::promptName() const
{
    return d->prompt.name.isEmpty() ? d->scenario.promptName : d->prompt.name;
}
int CallSession::promptVersion() const
{
    return d->prompt.version;
}
bool CallSession::isAgentGenerating() const
{
    return !d->agentCall.isNull();
}
QString CallSession::lastError() const
{
    return d->lastError;
}
QString CallSession::summary() const
{
    return d->history ? d->history->summary() : QString();
}

CallStats CallSession::stats() const
{
    CallStats stats = d->stats;
    if (d->state == CallState::Active && d->clock.isValid())
        stats.durationMs = d->clock.elapsed();
    return stats;
}

QList<RiskFlag> CallSession::riskFlags() const
{
    return RiskAssessor().assess(events(), stats(), QDateTime::currentDateTimeUtc()).flags;
}
