#pragma once

#include <QDateTime>
#include <QString>

// Live figures of one call: turns, tokens and cost against the caps, last-turn timings, model in
// use.
struct CallStats
{
    int turns = 0; // finished agent turns
    int promptTokens = 0;
    int completionTokens = 0;
    int totalTokens = 0;
    double costUsd = 0;
    int tokenCap = 0;   // tokens per call (0 = none)
    double costCap = 0; // USD per call (0 = none)
    qint64 lastTtftMs = -1;
    qint64 lastLatencyMs = 0;
    QString modelInUse;
    bool usingFallback = false;
    QDateTime startedAt;
    qint64 durationMs = 0;
    QDateTime lastCustomerActivity;
    int requests = 0;    // model requests of the call (agent turns, summaries)
    int failedTurns = 0; // agent turns where both models failed
};
