#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

// Watches requests and cost over a sliding window (one hour by default) and raises
// alert() when either crosses its threshold, a sign that a key may be used by
// someone else. One alert per crossing: it re-arms once the rate falls back.
class SpikeDetector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpikeDetector)

public:
    static QString requestsKind() { return QStringLiteral("requests-per-hour"); }
    static QString costKind() { return QStringLiteral("cost-per-hour"); }

    // A threshold of 0 switches that check off.
    SpikeDetector(int maxRequestsPerWindow, double maxCostUsdPerWindow, QObject *parent = nullptr,
                  qint64 windowMs = 3600 * 1000);

    void setThresholds(int maxRequestsPerWindow, double maxCostUsdPerWindow);
    int requestThreshold() const { return m_maxRequests; }
    double costThreshold() const { return m_maxCost; }
    qint64 windowMs() const { return m_windowMs; }

    // One finished API request at `time` costing `costUsd`. Times must not go backwards
    // by more than the window (older ones are ignored).
    void record(const QDateTime &time, double costUsd);
    // Convenience: now.
    void record(double costUsd) { record(QDateTime::currentDateTimeUtc(), costUsd); }

    int requestsInWindow() const { return static_cast<int>(m_events.size()); }
    double costInWindow() const { return m_cost; }

signals:
    void alert(const QString &kind, double value, double threshold);

private:
    struct Event
    {
        qint64 timeMs;
        double costUsd;
    };
    void expire(qint64 nowMs);
    void check();

    int m_maxRequests;
    double m_maxCost;
    qint64 m_windowMs;
    QList<Event> m_events; // oldest first
    double m_cost = 0;
    bool m_requestsAlerted = false;
    bool m_costAlerted = false;
};
