#include "calls/riskflag.h"

#include <algorithm>

QString RiskFlag::code() const
{
    return codeFor(kind);
}

QString RiskFlag::codeFor(RiskKind kind)
{
    switch (kind) {
    case RiskKind::HumanRequested:
        return QStringLiteral("human_requested");
    case RiskKind::NegativeSentiment:
        return QStringLiteral("negative_sentiment");
    case RiskKind::LongSilence:
        return QStringLiteral("long_silence");
    case RiskKind::AgentLooping:
        return QStringLiteral("agent_looping");
    case RiskKind::BudgetNearCap:
        return QStringLiteral("budget_near_cap");
    case RiskKind::FallbackInUse:
        return QStringLiteral("fallback_in_use");
    case RiskKind::ComplianceFlag:
        return QStringLiteral("compliance_flag");
    case RiskKind::SlowTurns:
        return QStringLiteral("slow_turns");
    }
    return QStringLiteral("unknown");
}

int riskScore(const QList<RiskFlag> &flags)
{
    int sum = 0;
    for (const RiskFlag &flag : flags)
        sum += std::max(0, flag.weight);
    return std::min(sum, 100);
}
