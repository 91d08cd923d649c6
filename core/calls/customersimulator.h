#pragma once

#include "calls/scenario.h"
#include "calls/utterancesource.h"
#include "openai/modelconfig.h"

#include <QPointer>
#include <QTimer>

class ChatCall;
class OpenAIClient;
class UsageStore;

// The simulated customer of a test or demo call: either a persona (goal, mood, facts, pushback)
// played by the cheaper model through the same OpenAIClient, or a scripted list of lines said
// one per turn. The persona's model sees the conversation from the customer's side (agent lines
// as user messages, its own lines as assistant messages); whispers never reach it.
class CustomerSimulator final : public UtteranceSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerSimulator)

public:
    // Persona mode when scenario.persona is set, else scripted mode over scenario.scriptedLines.
    // `client` and `usage` are not owned; `usage` may be null (no usage records).
    CustomerSimulator(const Scenario &scenario, OpenAIClient *client, ModelConfig model,
                      UsageStore *usage, const QString &callId, QObject *parent = nullptr);
    ~CustomerSimulator() override;

    void respond(const QList<HeardLine> &heard) override;
    void cancel() override;

    // The system prompt the persona is played with (starts "You are role-playing the customer").
    static QString personaPrompt(const CustomerPersona &persona, const CallContext &context);
    bool isScripted() const { return !m_scenario.persona.has_value(); }
    int linesSaid() const { return m_linesSaid; }

private:
    void respondScripted();
    void respondWithPersona(const QList<HeardLine> &heard);

    Scenario m_scenario;
    OpenAIClient *m_client;
    ModelConfig m_model;
    UsageStore *m_usage;
    QString m_callId;
    QPointer<ChatCall> m_pending;
    QTimer m_delay;
    QList<HeardLine> m_heard;
    int m_linesSaid = 0;
};
