#include "metrics/spikedetector.h"

#include <QLoggingCategory>

// The metrics room's category; a spike is also a security event, so the docs
// (docs/security.md) tell administrators to watch voiceai.metrics warnings.
Q_LOGGING_CATEGORY(lcSpike, "voiceai.metrics")

SpikeDetector::SpikeDetector(int maxRequestsPerWindow, double maxCostUsdPerWindow, QObject *parent,
                             qint64 windowMs)
    : QObject(parent)
    , m_maxRequests(qMax(0, maxRequestsPerWindow))
    , m_maxCost(qMax(0.0, maxCostUsdPerWindow))
    , m_windowMs(qMax<qint64>(1, windowMs))
{}

void SpikeDetector::setThresholds(int maxRequestsPerWindow, double maxCostUsdPerWindow)
{
    m_maxRequests = qMax(0, maxRequestsPerWindow);
    m_maxCost = qMax(0.0, maxCostUsdPerWindow);
    m_requestsAlerted = false;
    m_costAlerted = false;
}

void SpikeDetector::record(const QDateTime &time, double costUsd)
{
    const qint64 timeMs = time.toMSecsSinceEpoch();
    if (!m_events.isEmpty() && timeMs < m_events.last().timeMs - m_windowMs)
        return;
    expire(timeMs);
    m_events.append({timeMs, qMax(0.0, costUsd)});
    m_cost += qMax(0.0, costUsd);
    check();
}

void SpikeDetector::expire(qint64 nowMs)
{
    qsizetype drop = 0;
    while (drop < m_events.size() && m_events.at(drop).timeMs <= nowMs - m_windowMs) {
        m_cost -= m_events.at(drop).costUsd;
        ++drop;
    }
    if (drop > 0)
        m_events.remove(0, drop);
    if (m_events.isEmpty() || m_cost < 0)
        m_cost = m_events.isEmpty() ? 0 : qMax(0.0, m_cost);
}

void SpikeDetector::check()
{
    const int requests = requestsInWindow();
    if (m_maxRequests > 0 && requests > m_maxRequests) {
        if (!m_requestsAlerted) {
            m_requestsAlerted = true;
            qCWarning(lcSpike).noquote()
                << "usage spike:" << requests << "requests in the last" << m_windowMs / 60000
                << "minutes (threshold" << m_maxRequests << ")";
            emit alert(requestsKind(), requests, m_maxRequests);
        }
    } else {
        m_requestsAlerted = false;
    }
    if (m_maxCost > 0 && m_cost > m_maxCost) {
        if (!m_costAlerted) {
            m_costAlerted = true;
            qCWarning(lcSpike).noquote()
                << "usage spike: cost" << QString::number(m_cost, 'f', 4) << "USD in the last"
                << m_windowMs / 60000 << "minutes (threshold" << m_maxCost << "USD)";
            emit alert(costKind(), m_cost, m_maxCost);
        }
    } else {
        m_costAlerted = false;
    }
}
