#include "calls/customersimulator.h"

#include "calls/callslog.h"
#include "openai/chatcall.h"
#include "openai/openaiclient.h"
#include "store/usagerecord.h"
#include "store/usagestore.h"

CustomerSimulator::CustomerSimulator(const Scenario &scenario, OpenAIClient *client,
                                     ModelConfig model, UsageStore *usage, const QString &callId,
                                     QObject *parent)
    : UtteranceSource(parent)
    , m_scenario(scenario)
    , m_client(client)
    , m_model(std::move(model))
    , m_usage(usage)
    , m_callId(callId)
{
    m_delay.setSingleShot(true);
    connect(&m_delay, &QTimer::timeout, this, [this] {
        if (isScripted())
            respondScripted();
        else
            respondWithPersona(m_heard);
    });
}

CustomerSimulator::~CustomerSimulator()
{
    cancel();
}

QString CustomerSimulator::personaPrompt(const CustomerPersona &persona, const CallContext &context)
{
    const QString name = persona.name.isEmpty() ? context.customerName : persona.name;
    QStringList lines;
    lines << QStringLiteral("You are role-playing the customer in a phone call that an AI voice "
                            "agent is making to you. Stay in character; never say you are an AI "
                            "or a language model.");
    if (!name.isEmpty())
        lines << QStringLiteral("Name: %1").arg(name);
    lines << QStringLiteral("Goal: %1").arg(persona.goal);
    lines << QStringLiteral("Mood: %1").arg(persona.mood);
    if (!persona.facts.isEmpty())
        lines << QStringLiteral("Facts: %1").arg(persona.facts.join(QStringLiteral("; ")));
    lines << QStringLiteral("Pushback: %1").arg(persona.pushback);
    lines << QStringLiteral("Turns: %1").arg(persona.maxTurns);
    lines << QStringLiteral("Speak as a person on the phone: one to three short sentences per "
                            "turn, in %1. Push back on offers as your pushback level says. "
                            "After about the number of turns above, wrap up and say goodbye.")
                 .arg(context.language.isEmpty() ? QStringLiteral("en") : context.language);
    return lines.join(QLatin1Char('\n'));
}

void CustomerSimulator::respond(const QList<HeardLine> &heard)
{
    cancel();
    m_heard = heard;
    // Always answer from the event loop, never from inside the session's own call stack.
    m_delay.start(
        static_cast<int>(qBound(qint64(0), m_scenario.limits.customerDelayMs, qint64(600000))));
}

void CustomerSimulator::cancel()
{
    m_delay.stop();
    if (m_pending) {
        ChatCall *call = m_pending;
        m_pending = nullptr;
        call->cancel();
        call->deleteLater();
    }
}

void CustomerSimulator::respondScripted()
{
    if (m_linesSaid < m_scenario.scriptedLines.size()) {
        emit utterance(m_scenario.scriptedLines.at(m_linesSaid++));
        return;
    }
    if (m_scenario.hangUpAfterScript)
        emit hungUp(QStringLiteral("script-finished"));
    // Otherwise the customer stays silent; the session's silence timeout ends the call.
}

void CustomerSimulator::respondWithPersona(const QList<HeardLine> &heard)
{
    if (!m_client) {
        emit failed(QStringLiteral("no client for the simulated customer"));
        return;
    }
    ChatRequest request;
    request.messages.append(
        ChatMessage::system(personaPrompt(*m_scenario.persona, m_scenario.context)));
    for (const HeardLine &line : heard) {
        request.messages.append(line.fromCustomer ? ChatMessage::assistant(line.text)
                                                  : ChatMessage::user(line.text));
    }
    if (heard.isEmpty() || heard.constLast().fromCustomer) // the customer speaks first
        request.messages.append(
            ChatMessage::user(QStringLiteral("(The phone rings and you answer.)")));
    request.primary = m_model;
    if (!request.primary.maxTokens || *request.primary.maxTokens > 200)
        request.primary.maxTokens = 200;
    request.stream = false;
    request.maxRetries = 2;
    request.feature = QStringLiteral("customer-sim");
    request.callId = m_callId;

    ChatCall *call = m_client->chat(request);
    m_pending = call;
    connect(call, &ChatCall::finished, this, [this, call](const ChatResult &result) {
        if (m_pending == call)
            m_pending = nullptr;
        call->deleteLater();
        if (m_usage) {
            UsageRecord record;
            record.time = QDateTime::currentDateTimeUtc();
            record.callId = m_callId;
            record.model = result.model;
            record.promptTokens = result.usage.promptTokens;
            record.completionTokens = result.usage.completionTokens;
            record.costUsd = result.costUsd;
            record.latencyMs = result.latencyMs;
            record.ttftMs = result.ttftMs;
            record.success = result.ok();
            record.errorType = result.ok() ? QString() : result.error.typeName();
            record.feature = QStringLiteral("customer-sim");
            record.attempts = int(result.attempts.size());
            record.usedFallback = result.usedFallback;
            m_usage->recordUsage(record);
        }
        if (!result.ok()) {
            qCWarning(lcCalls) << "simulated customer failed:" << result.error.message;
            emit failed(result.error.message);
            return;
        }
        ++m_linesSaid;
        emit utterance(result.content.trimmed());
    });
}
