#pragma once

#include "calls/callcontext.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// The simulated customer's character, played by the cheaper model.
struct CustomerPersona
{
    QString name;      // how the customer introduces themself; defaults to the context's name
    QString goal;      // what they want from the call
    QString mood;      // e.g. "friendly", "impatient", "angry", "confused"
    QStringList facts; // things they know and may say (account details, dates, ...)
    QString pushback = QStringLiteral("medium"); // "low", "medium" or "high"
    int maxTurns = 6; // after this many of their own turns they wrap up and say goodbye
};

// Limits of one call. Token and cost fields left at 0 take the configured budget
// (resources/config/budgets.json; the seed's 2000 per turn, 15000 per call, 500 reserved).
struct ScenarioLimits
{
    int maxTurns = 20;               // agent turns before the call is closed
    qint64 maxDurationMs = 600000;   // wall-clock limit
    qint64 silenceTimeoutMs = 60000; // no customer utterance for this long ends the call
    int tokensPerTurn = 0;           // max_tokens of one reply
    int tokensPerCall = 0;           // prompt + completion tokens over the call
    int reserveTokens = -1;          // kept back for a graceful closing line (-1 = configured)
    double costCapUsd = 0;           // USD per call (0 = configured, usually none)
    int historyTokens = 0;           // prompt size of a turn before older turns are summarised
    qint64 customerDelayMs = 0;      // pause before the simulated customer answers (demo pacing)
};

// A call to run: context, the customer side (persona or scripted lines or typed by a person),
// limits. Loaded from the JSON files in resources/scenarios/ (format in docs/calls.md).
struct Scenario
{
    QString name;
    QString description;
    CallContext context;
    std::optional<CustomerPersona> persona; // simulated customer
    QStringList scriptedLines;     // used when there is no persona; empty = typed by a person
    bool hangUpAfterScript = true; // scripted customer hangs up after the last line
    QString firstSpeaker = QStringLiteral("agent"); // "agent" greets first, or "customer"
    QString promptName = QStringLiteral("voiceai-agent");
    int promptVersion = 0; // 0 = latest stored version
    ScenarioLimits limits;

    bool isTyped() const { return !persona && scriptedLines.isEmpty(); }

    QJsonObject toJson() const;
    // On failure returns nullopt; `error` names the field, e.g. "scenario.customer.persona.mood:
    // expected a string".
    static std::optional<Scenario> fromJson(const QJsonObject &object, QString *error);
    static std::optional<Scenario> fromJsonBytes(const QByteArray &json, QString *error);
    static std::optional<Scenario> load(const QString &filePath, QString *error);
};
