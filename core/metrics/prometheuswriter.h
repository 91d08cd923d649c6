#pragma once

#include <QByteArray>

class MetricsRegistry;

// Renders a MetricsRegistry in the Prometheus text exposition format (version 0.0.4).
// Dots in names become underscores; counters get a _total suffix.
class PrometheusWriter
{
public:
    static QByteArray render(const MetricsRegistry &registry);
    static QString metricName(const QString &name);
};
