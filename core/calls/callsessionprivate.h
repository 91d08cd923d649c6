#pragma once

// Internal to CallSession (callsession.cpp, callsessionturns.cpp): not a public header.

#include "calls/budget.h"
#include "calls/calleventwriter.h"
#include "calls/callsession.h"
#include "calls/complianceguard.h"
#include "calls/historywindow.h"
#include "calls/redactor.h"
#include "calls/utterancesource.h"
#include "openai/chatresult.h"
#include "openai/modelconfig.h"
#include "store/promptversion.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <optional>

class ChatCall;
struct ChatRequest;

class CallSessionPrivate
{
public:
    struct PendingSay
    {
        QString supervisor;
        QString line;
    };

    explicit CallSessionPrivate(CallSession *session);

    // Set-up (callsession.cpp)
    bool prepare(QString *error);
    static QString actorFor(const QString &supervisor);

    // Events, state and audit (callsession.cpp)
    CallEvent emitEvent(const QString &actor, const QString &kind, const QJsonObject &payload = {});
    void setState(CallState next, const QString &actor);
    void setMode(SupervisionMode next);
    void audit(const QString &actor, const QString &action, const QJsonObject &details);
    bool requireActive(const char *action);
    void finish(const QString &actor, const QString &reason, const QJsonObject &extra = {});

    // The turn loop (callsessionturns.cpp)
    void handleCustomer(const QString &text);
    void requestAgentTurn();
    void startModelTurn(const QString &closingReason);
    void onAgentFinished(ChatCall *call, const ChatResult &result);
    void onAgentFailed(const ChatResult &result);
    void deliverFixedLine(const QString &text, const QJsonObject &extra);
    void deliverSay(const PendingSay &say);
    void afterAgentTurn(const QString &text, bool closing);
    void askCustomer();
    void closeGracefully(const QString &reason);
    void closeWithLine(const QString &reason, const QString &line, const QString &actor);
    void cancelAgentCall();
    void recordUsage(const ChatResult &result, const QString &feature);
    void accountUsage(const ChatResult &result);
    QJsonObject usagePayload(const ChatResult &result) const;
    bool customerIsWaiting() const;
    QString budgetEndReason(int promptTokens) const;

    CallSession *q;
    QString id;
    Scenario scenario;
    CallServices services;
    UtteranceSource *source = nullptr;

    CallState state = CallState::Dialing;
    SupervisionMode mode = SupervisionMode::None;
    bool listening = false;
    QString supervisor;
    CallStats stats;
    QString endReason;
    QString lastError;

    CallEventWriter *writer = nullptr;
    HistoryWindow *history = nullptr;
    Redactor redactor;
    ComplianceGuard compliance;
    std::optional<Budget> budget;
    PromptVersion prompt;
    ModelConfig primary;
    std::optional<ModelConfig> fallback;
    ModelConfig cheaper;
    QString contextIdentity;

    QPointer<ChatCall> agentCall;
    QString closingReason;  // set while the closing line is being generated
    QList<HeardLine> heard; // the conversation as the customer hears it
    QList<PendingSay> pendingSays;
    QStringList queuedUtterances; // customer spoke while the agent was generating
    bool lastSpeakerCustomer = false;
    int aiTurns = 0;
    int consecutiveFailures = 0;
    bool flagged = false;

    QElapsedTimer clock;
    QTimer durationTimer;
    QTimer silenceTimer;
};
