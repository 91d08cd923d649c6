#pragma once

#include "calls/riskflag.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

struct CallEvent;
struct CallStats;

// Limits above which RiskAssessor raises a flag. Data, so that the GUI's settings can tune them.
struct RiskThresholds
{
    int silenceMs = 20000;       // no customer activity for this long while the call is active
    int slowTurnMs = 4000;       // an agent turn's total latency above this is slow
    int slowTurnsToFlag = 2;     // ... this many of the last three turns
    double budgetFraction = 0.8; // tokens or cost at this share of the cap
    int negativeTurnsToFlag = 2; // negative customer turns among the last `negativeWindow`
    int negativeWindow = 4;
    double loopSimilarity = 0.8; // word-set similarity of two agent turns counted as a repeat
    int loopWindow = 4;          // agent turns compared with each other
};

// One assessment of a call: the flags found and their score.
struct RiskAssessment
{
    QList<RiskFlag> flags;
    int score = 0;
    bool has(RiskKind kind) const;
    // All reasons, one per line, for a tooltip or a log line.
    QString summary() const;
};

// Ranks calls for the supervisor: pure logic over a call's events and stats, so the same
// triage runs in the GUI, the CLI and tests.
class RiskAssessor
{
public:
    explicit RiskAssessor(RiskThresholds thresholds = {});

    RiskAssessment assess(const QList<CallEvent> &events, const CallStats &stats,
                          const QDateTime &now) const;

    const RiskThresholds &thresholds() const { return m_thresholds; }

    // Building blocks, public for tests and for other rooms.
    static bool isNegative(const QString &customerText);
    static bool asksForHuman(const QString &customerText);
    // Jaccard similarity of the two texts' word sets (0..1).
    static double similarity(const QString &a, const QString &b);

private:
    RiskThresholds m_thresholds;
};
