#pragma once

#include <QList>
#include <QWidget>

class QBarSet;
class QBarCategoryAxis;
class QChartView;
class QLabel;
class QValueAxis;

// Per-turn latency of a call: time to first token and total, one pair of bars per agent turn
// (the latest 30), with p50/p90 of the whole call above the chart.
class LatencyStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyStrip)

public:
    struct Turn
    {
        qint64 ttftMs = -1;
        qint64 totalMs = 0;
    };

    explicit LatencyStrip(QWidget *parent = nullptr);

    void setTurns(const QList<Turn> &turns);
    void addTurn(const Turn &turn);
    QString summary() const;
    int turnCount() const { return int(m_turns.size()); }

    // The p-th percentile (0..100) by nearest rank; -1 for an empty list.
    static qint64 percentile(QList<qint64> values, int p);

private:
    void ensureChart();
    void refresh();

    QList<Turn> m_turns;
    QLabel *m_summary;
    QChartView *m_view = nullptr;
    QBarSet *m_ttft = nullptr;
    QBarSet *m_total = nullptr;
    QBarCategoryAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
};
