#pragma once

#include <QList>
#include <QString>

// Why a live call may need a supervisor: one reason found by RiskAssessor.
enum class RiskKind {
    HumanRequested,
    NegativeSentiment,
    LongSilence,
    AgentLooping,
    BudgetNearCap,
    FallbackInUse,
    ComplianceFlag,
    SlowTurns,
};

// One risk found on a call: what kind, a sentence that says why, and how much it weighs
// in the call's score (0..100; the score is the capped sum of the weights).
struct RiskFlag
{
    RiskKind kind = RiskKind::HumanRequested;
    QString reason;
    int weight = 0;

    // A stable machine name for logs, events and the CLI ("human_requested", ...).
    QString code() const;
    static QString codeFor(RiskKind kind);
};

// The capped sum of the flags' weights: 0 (calm) .. 100 (needs a person now).
int riskScore(const QList<RiskFlag> &flags);
