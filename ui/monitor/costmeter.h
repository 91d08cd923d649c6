#pragma once

#include "calls/callstats.h"

#include <QWidget>

class QLabel;
class QProgressBar;

// Tokens and cost of a call against its budget, and the projected cost of the whole call at
// its current rate (cost per minute so far × the call's maximum duration, capped by the budget).
class CostMeter final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostMeter)

public:
    explicit CostMeter(QWidget *parent = nullptr);

    void setStats(const CallStats &stats, qint64 maxDurationMs, bool live);
    QString projectionText() const;

    // Projected cost of a call that has cost `costUsd` after `elapsedMs`, if it runs for
    // `totalMs` at the same rate.
    static double projectedCost(double costUsd, qint64 elapsedMs, qint64 totalMs);

private:
    QProgressBar *m_tokens;
    QProgressBar *m_cost;
    QLabel *m_projection;
};
