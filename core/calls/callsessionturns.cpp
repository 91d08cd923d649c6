// CallSession's turn loop: customer utterance -> redaction and compliance -> history window
// within the budget -> streamed agent reply -> disclosure check -> next turn or the end.

#include "calls/callsessionprivate.h"
#include "calls/callslog.h"
#include "calls/responsecache.h"
#include "metrics/metricsregistry.h"
#include "openai/chatcall.h"
#include "openai/openaiclient.h"
#include "store/eventkinds.h"
#include "store/optoutstore.h"
#include "store/usagerecord.h"
#include "store/usagestore.h"

#include <QJsonArray>

namespace {

// How many agent turns in a row may fail (each after the client's own retries and fallback)
// before the call ends with an apology.
constexpr int MaxFailedTurns = 2;

const QString EndMarker = QStringLiteral("[END_CALL]");

bool isClosingLine(const QString &text)
{
    return text.contains(EndMarker) || text.contains(QLatin1String("goodbye"), Qt::CaseInsensitive);
}

QJsonArray attemptsJson(const QList<AttemptRecord> &attempts)
{
    QJsonArray array;
    for (const AttemptRecord &attempt : attempts) {
        QJsonObject object{{QStringLiteral("model"), attempt.model},
                           {QStringLiteral("httpStatus"), attempt.httpStatus},
                           {QStringLiteral("delayMs"), attempt.delayMs},
                           {QStringLiteral("latencyMs"), attempt.latencyMs}};
        if (!attempt.error.isEmpty())
            object.insert(QStringLiteral("error"), attempt.error);
        array.append(object);
    }
    return array;
}

} // namespace

QString CallSessionPrivate::budgetEndReason(int promptTokens) const
{
    // The token budget alone would still allow a reply: it is the cost cap that closes the call.
    const int tokenRoom =
        budget->remainingTokens() - budget->config().reservedTokens - promptTokens;
    const bool costBound = budget->config().maxCostUsd > 0 && tokenRoom > 0;
    return costBound ? QStringLiteral("cost-cap") : QStringLiteral("token-cap");
}

bool CallSessionPrivate::customerIsWaiting() const
{
    return state == CallState::Active && !agentCall && closingReason.isEmpty() &&
           (lastSpeakerCustomer ||
            (heard.isEmpty() && scenario.firstSpeaker == QLatin1String("agent")));
}

void CallSessionPrivate::handleCustomer(const QString &text)
{
    stats.lastCustomerActivity = QDateTime::currentDateTimeUtc();
    silenceTimer.stop();
    if (agentCall || !closingReason.isEmpty()) {
        // The agent is still speaking: the utterance is taken when its turn is over.
        queuedUtterances.append(text);
        return;
    }
    QList<RedactionMatch> matches;
    const QString redacted = redactor.redact(text, &matches);
    QJsonObject payload{{QStringLiteral("text"), text}};
    if (!matches.isEmpty()) {
        payload.insert(QStringLiteral("redacted"), redacted);
        payload.insert(QStringLiteral("piiCount"), int(matches.size()));
    }
    emitEvent(QStringLiteral("customer"), QString(EventKind::CustomerUtterance), payload);
    history->append(HistoryTurn::customer(redacted));
    heard.append({true, text});
    lastSpeakerCustomer = true;
    emit q->statsChanged();

    bool optOut = false;
    for (const ComplianceFinding &finding : compliance.checkCustomerUtterance(text)) {
        switch (finding.type) {
        case ComplianceFindingType::OptOut:
            optOut = true;
            break;
        case ComplianceFindingType::HumanRequested:
            emitEvent(QStringLiteral("system"), QString(EventKind::HumanRequested),
                      finding.toJson());
            break;
        case ComplianceFindingType::NegativeSentiment:
            emitEvent(QStringLiteral("system"), QString(EventKind::RiskFlag), finding.toJson());
            break;
        default:
            flagged = true;
            emitEvent(QStringLiteral("system"), QString(EventKind::ComplianceFlag),
                      finding.toJson());
            break;
        }
    }
    if (optOut) {
        const CallContext &context = scenario.context;
        const QString customerId =
            context.customerId.isEmpty() ? context.customerName : context.customerId;
        const bool stored =
            services.optOuts && services.optOuts->recordOptOut(customerId, context.customerName, id,
                                                               QDateTime::currentDateTimeUtc());
        emitEvent(QStringLiteral("system"), QString(EventKind::OptOutRecorded),
                  {{QStringLiteral("customerId"), customerId}, {QStringLiteral("stored"), stored}});
        if (!stored) {
            flagged = true;
            emitEvent(QStringLiteral("system"), QString(EventKind::ComplianceFlag),
                      {{QStringLiteral("code"), QStringLiteral("opt-out-not-stored")},
                       {QStringLiteral("detail"),
                        QStringLiteral("the opt-out could not be stored; record it by hand")}});
        }
        closeWithLine(
            QStringLiteral("opt-out"),
            QStringLiteral("I understand, and I'm sorry for the disturbance. I've added you to our "
                           "do-not-call list, so you won't be called again. Thank you for your "
                           "time, goodbye."),
            QStringLiteral("agent"));
        return;
    }
    if (mode == SupervisionMode::TakenOver)
        return; // the supervisor answers
    requestAgentTurn();
}

void CallSessionPrivate::requestAgentTurn()
{
    if (state != CallState::Active || agentCall)
        return;
    if (!pendingSays.isEmpty()) {
        deliverSay(pendingSays.takeFirst());
        return;
    }
    if (mode == SupervisionMode::TakenOver)
        return;
    startModelTurn({});
}

void CallSessionPrivate::startModelTurn(const QString &closing)
{
    closingReason = closing;
    HistoryWindow::Build build = history->build();
    if (!closing.isEmpty()) {
        build.messages.append(ChatMessage::system(QStringLiteral(
            "The call has to end now. Say one short, polite closing sentence that thanks "
            "the customer and says goodbye. Do not ask anything.")));
        build.promptTokens = Budget::countPrompt(primary.model, build.messages);
    } else if (budget->shouldCloseBefore(build.promptTokens, primary.model)) {
        closeGracefully(budgetEndReason(build.promptTokens));
        return;
    }
    const int maxTokens = closing.isEmpty()
                              ? budget->maxTokensForNextTurn(build.promptTokens, primary.model)
                              : budget->closingMaxTokens();
    if (maxTokens <= 0) {
        closeWithLine(closing.isEmpty() ? QStringLiteral("token-cap") : closing,
                      QStringLiteral("Thank you for your time today. Goodbye."),
                      QStringLiteral("agent"));
        return;
    }
    ChatRequest request;
    request.messages = build.messages;
    request.primary = primary;
    request.primary.maxTokens = qMin(maxTokens, primary.maxTokens.value_or(maxTokens));
    if (fallback) {
        request.fallback = *fallback;
        request.fallback->maxTokens = qMin(maxTokens, fallback->maxTokens.value_or(maxTokens));
    }
    request.stream = true;
    // A caller is waiting: few retries, then the fallback model.
    request.maxRetries = services.turnPolicy.maxRetries;
    request.firstByteTimeoutMs = services.turnPolicy.firstByteTimeoutMs;
    request.totalTimeoutMs = services.turnPolicy.totalTimeoutMs;
    request.feature = QStringLiteral("call");
    request.callId = id;

    if (services.cache && closing.isEmpty()) {
        if (auto cached = services.cache->lookup(request, contextIdentity)) {
            writer->appendDelta(cached->content);
            cached->attempts.clear();
            onAgentFinished(nullptr, *cached);
            return;
        }
    }

    ChatCall *call = services.client->chat(request);
    agentCall = call;
    QObject::connect(call, &ChatCall::contentDelta, q, [this, call](const QString &text) {
        if (agentCall == call)
            writer->appendDelta(text);
    });
    QObject::connect(call, &ChatCall::fallbackStarted, q,
                     [this, call](const QString &from, const QString &to, const ChatError &reason) {
                         if (agentCall != call)
                             return;
                         stats.usingFallback = true;
                         stats.modelInUse = to;
                         emitEvent(QStringLiteral("system"), QString(EventKind::ModelFallback),
                                   {{QStringLiteral("from"), from},
                                    {QStringLiteral("to"), to},
                                    {QStringLiteral("reason"), reason.typeName()},
                                    {QStringLiteral("message"), reason.message},
                                    {QStringLiteral("httpStatus"), reason.httpStatus}});
                         emit q->statsChanged();
                     });
    QObject::connect(call, &ChatCall::finished, q, [this, call, request](const ChatResult &result) {
        if (agentCall != call)
            return;
        agentCall = nullptr;
        call->deleteLater();
        if (services.cache && result.ok() && closingReason.isEmpty())
            services.cache->insert(request, contextIdentity, result);
        onAgentFinished(call, result);
    });
}

void CallSessionPrivate::onAgentFinished(ChatCall *call, const ChatResult &result)
{
    writer->flush();
    if (call) // cache hits cost nothing and are no request
        recordUsage(result, QStringLiteral("call"));
    accountUsage(result);
    if (!result.ok()) {
        onAgentFailed(result);
        return;
    }
    consecutiveFailures = 0;
    QString sent = result.content.trimmed();
    const bool closing = !closingReason.isEmpty();
    QJsonObject payload = usagePayload(result);
    payload.insert(QStringLiteral("cached"), call == nullptr);
    if (aiTurns == 0) {
        // The first AI turn must say it is an AI; a missing disclosure is corrected and flagged.
        const DisclosureCheck check = compliance.checkFirstAgentTurn(sent);
        if (check.finding) {
            flagged = true;
            emitEvent(QStringLiteral("system"), QString(EventKind::ComplianceFlag),
                      check.finding->toJson());
            payload.insert(QStringLiteral("corrected"), true);
            payload.insert(QStringLiteral("generated"), redactor.restore(sent));
            sent = check.textToSend;
        }
    }
    ++aiTurns;
    QString spoken = sent;
    spoken.remove(EndMarker);
    spoken = spoken.trimmed();
    const QString restored = redactor.restore(spoken);
    payload.insert(QStringLiteral("text"), restored);
    if (restored != spoken)
        payload.insert(QStringLiteral("redacted"), spoken);
    if (closing)
        payload.insert(QStringLiteral("closing"), closingReason);
    emitEvent(QStringLiteral("agent"), QString(EventKind::AgentTurn), payload);
    history->append(HistoryTurn::agent(spoken));
    heard.append({false, restored});
    lastSpeakerCustomer = false;
    ++stats.turns;
    stats.lastTtftMs = result.ttftMs;
    stats.lastLatencyMs = result.latencyMs;
    stats.modelInUse = result.model;
    stats.usingFallback = result.usedFallback;
    if (services.metrics) {
        services.metrics->observe(QStringLiteral("voiceai_call_turn_latency_ms"),
                                  double(result.latencyMs));
        services.metrics->increment(QStringLiteral("voiceai_call_turns_total"));
    }
    emit q->statsChanged();
    afterAgentTurn(sent, closing);
}

void CallSessionPrivate::onAgentFailed(const ChatResult &result)
{
    ++consecutiveFailures;
    ++stats.failedTurns;
    emitEvent(QStringLiteral("system"), QString(EventKind::Error),
              {{QStringLiteral("source"), QStringLiteral("agent")},
               {QStringLiteral("type"), result.error.typeName()},
               {QStringLiteral("message"), result.error.message},
               {QStringLiteral("httpStatus"), result.error.httpStatus},
               {QStringLiteral("attempts"), attemptsJson(result.attempts)},
               {QStringLiteral("failedTurns"), consecutiveFailures}});
    emit q->statsChanged();
    const QString closing = std::exchange(closingReason, QString());
    if (!closing.isEmpty()) { // the closing line itself failed: say a fixed one
        closeWithLine(closing, QStringLiteral("Thank you for your time today. Goodbye."),
                      QStringLiteral("agent"));
        return;
    }
    if (consecutiveFailures < MaxFailedTurns) {
        startModelTurn({});
        return;
    }
    // Both models keep failing: apologise, flag for a supervisor and end rather than freeze.
    flagged = true;
    emitEvent(QStringLiteral("system"), QString(EventKind::ComplianceFlag),
              {{QStringLiteral("code"), QStringLiteral("model-failure")},
               {QStringLiteral("detail"),
                QStringLiteral("the agent's models failed %1 turns in a row: %2")
                    .arg(consecutiveFailures)
                    .arg(result.error.message)}});
    closeWithLine(
        QStringLiteral("model-failure"),
        QStringLiteral(
            "I'm very sorry, we're having technical difficulties on our side. A member of "
            "our team will get back to you. Thank you for your patience, goodbye."),
        QStringLiteral("agent"));
}

void CallSessionPrivate::afterAgentTurn(const QString &text, bool closing)
{
    if (closing) {
        const QString reason = std::exchange(closingReason, QString());
        finish(QStringLiteral("system"), reason);
        return;
    }
    if (isClosingLine(text)) {
        finish(QStringLiteral("agent"), QStringLiteral("agent-closed"));
        return;
    }
    if (budget->takeWarning()) {
        emitEvent(QStringLiteral("system"), QString(EventKind::BudgetWarning),
                  {{QStringLiteral("usedTokens"), budget->usedTokens()},
                   {QStringLiteral("tokenCap"), budget->config().maxTokensPerCall},
                   {QStringLiteral("costUsd"), budget->costUsd()},
                   {QStringLiteral("usedRatio"), budget->usedRatio()}});
    }
    if (stats.turns >= scenario.limits.maxTurns) {
        closeGracefully(QStringLiteral("max-turns"));
        return;
    }
    if (budget->shouldClose()) {
        closeGracefully(budgetEndReason(0));
        return;
    }
    if (!queuedUtterances.isEmpty()) {
        handleCustomer(queuedUtterances.takeFirst());
        return;
    }
    askCustomer();
}

void CallSessionPrivate::deliverFixedLine(const QString &text, const QJsonObject &extra)
{
    QJsonObject payload = extra;
    payload.insert(QStringLiteral("text"), text);
    payload.insert(QStringLiteral("model"), QString());
    payload.insert(QStringLiteral("promptName"), prompt.name);
    payload.insert(QStringLiteral("promptVersion"), prompt.version);
    emitEvent(QStringLiteral("agent"), QString(EventKind::AgentTurn), payload);
    history->append(HistoryTurn::agent(redactor.redact(text)));
    heard.append({false, text});
    lastSpeakerCustomer = false;
    ++stats.turns;
    emit q->statsChanged();
}

void CallSessionPrivate::deliverSay(const PendingSay &say)
{
    // Verbatim, no model call: the supervisor's line in the agent's voice.
    deliverFixedLine(
        say.line, {{QStringLiteral("said"), true}, {QStringLiteral("supervisor"), say.supervisor}});
    if (isClosingLine(say.line)) {
        finish(CallSessionPrivate::actorFor(say.supervisor), QStringLiteral("agent-closed"));
        return;
    }
    if (!queuedUtterances.isEmpty()) {
        handleCustomer(queuedUtterances.takeFirst());
        return;
    }
    askCustomer();
}

void CallSessionPrivate::askCustomer()
{
    if (state != CallState::Active)
        return;
    silenceTimer.start(
        static_cast<int>(qBound(qint64(1), scenario.limits.silenceTimeoutMs, qint64(INT_MAX))));
    if (source)
        source->respond(heard);
}

void CallSessionPrivate::closeGracefully(const QString &reason)
{
    if (state != CallState::Active)
        return;
    emitEvent(QStringLiteral("system"), QString(EventKind::BudgetWarning),
              {{QStringLiteral("closing"), reason},
               {QStringLiteral("usedTokens"), budget->usedTokens()},
               {QStringLiteral("tokenCap"), budget->config().maxTokensPerCall},
               {QStringLiteral("costUsd"), budget->costUsd()},
               {QStringLiteral("reserve"), budget->config().reservedTokens}});
    startModelTurn(reason);
}

void CallSessionPrivate::closeWithLine(const QString &reason, const QString &line,
                                       const QString &actor)
{
    if (state != CallState::Active)
        return;
    cancelAgentCall();
    closingReason.clear();
    deliverFixedLine(line, {{QStringLiteral("closing"), reason}, {QStringLiteral("fixed"), true}});
    finish(actor, reason);
}

void CallSessionPrivate::cancelAgentCall()
{
    if (!agentCall)
        return;
    ChatCall *call = agentCall;
    agentCall = nullptr;
    call->cancel();
    call->deleteLater();
    writer->flush();
}

void CallSessionPrivate::recordUsage(const ChatResult &result, const QString &feature)
{
    ++stats.requests;
    if (!services.usage)
        return;
    UsageRecord record;
    record.time = QDateTime::currentDateTimeUtc();
    record.callId = id;
    record.model = result.model;
    record.promptTokens = result.usage.promptTokens;
    record.completionTokens = result.usage.completionTokens;
    record.costUsd = result.costUsd;
    record.latencyMs = result.latencyMs;
    record.ttftMs = result.ttftMs;
    record.success = result.ok();
    record.errorType = result.ok() ? QString() : result.error.typeName();
    record.promptName = prompt.name;
    record.promptVersion = prompt.version;
    record.feature = feature;
    record.attempts = qMax(1, int(result.attempts.size()));
    record.usedFallback = result.usedFallback;
    if (!services.usage->recordUsage(record))
        qCWarning(lcCalls) << "call" << id
                           << "could not record usage:" << services.usage->lastError();
}

void CallSessionPrivate::accountUsage(const ChatResult &result)
{
    if (result.usage.totalTokens <= 0 && result.costUsd <= 0)
        return;
    budget->record(result.model, result.usage, result.costUsd);
    stats.promptTokens += result.usage.promptTokens;
    stats.completionTokens += result.usage.completionTokens;
    stats.totalTokens += result.usage.totalTokens;
    stats.costUsd += result.costUsd;
    emit q->statsChanged();
}

QJsonObject CallSessionPrivate::usagePayload(const ChatResult &result) const
{
    return {{QStringLiteral("model"), result.model},
            {QStringLiteral("usedFallback"), result.usedFallback},
            {QStringLiteral("promptTokens"), result.usage.promptTokens},
            {QStringLiteral("completionTokens"), result.usage.completionTokens},
            {QStringLiteral("totalTokens"), result.usage.totalTokens},
            {QStringLiteral("cachedPromptTokens"), result.usage.cachedPromptTokens},
            {QStringLiteral("costUsd"), result.costUsd},
            {QStringLiteral("latencyMs"), result.latencyMs},
            {QStringLiteral("ttftMs"), result.ttftMs},
            {QStringLiteral("attempts"), attemptsJson(result.attempts)},
            {QStringLiteral("finishReason"), result.finishReason},
            {QStringLiteral("requestId"), result.requestId},
            {QStringLiteral("promptName"), prompt.name},
            {QStringLiteral("promptVersion"), prompt.version}};
}
