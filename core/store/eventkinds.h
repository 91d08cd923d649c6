#pragma once

#include <QLatin1String>

// The kinds of CallEvent. Events whose payload carries "text" (customer.utterance,
// agent.turn and the supervisor.* kinds) are indexed for full-text search.
struct EventKind
{
    static constexpr QLatin1String CallStarted{"call.started"};
    static constexpr QLatin1String CallState{"call.state"};
    static constexpr QLatin1String CustomerUtterance{"customer.utterance"};
    static constexpr QLatin1String AgentDelta{"agent.delta"};
    static constexpr QLatin1String AgentTurn{"agent.turn"};
    static constexpr QLatin1String SupervisorWhisper{"supervisor.whisper"};
    static constexpr QLatin1String SupervisorSay{"supervisor.say"};
    static constexpr QLatin1String SupervisorTurn{"supervisor.turn"};
    static constexpr QLatin1String SupervisorListen{"supervisor.listen"};
    static constexpr QLatin1String SupervisorTakeover{"supervisor.takeover"};
    static constexpr QLatin1String SupervisorHandback{"supervisor.handback"};
    static constexpr QLatin1String BudgetWarning{"budget.warning"};
    static constexpr QLatin1String ModelFallback{"model.fallback"};
    static constexpr QLatin1String ComplianceFlag{"compliance.flag"};
    static constexpr QLatin1String RiskFlag{"risk.flag"};
    static constexpr QLatin1String SummaryUpdated{"summary.updated"};
    static constexpr QLatin1String OptOutRecorded{"optout.recorded"};
    static constexpr QLatin1String HumanRequested{"human.requested"};
    static constexpr QLatin1String CallEnded{"call.ended"};
    static constexpr QLatin1String CallInterrupted{"call.interrupted"};
    static constexpr QLatin1String Error{"error"};

    // Whether events of this kind carry transcript text (payload "text") worth indexing.
    static bool isTranscriptText(const QString &kind)
    {
        return kind == CustomerUtterance || kind == AgentTurn ||
               kind.startsWith(QLatin1String("supervisor."));
    }
};
