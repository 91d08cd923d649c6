#include "metrics/metricsregistry.h"

#include <QMutexLocker>

#include <algorithm>

namespace {

QString keyOf(const QString &name, const QString &label)
{
    return name + QChar(0x1f) + label;
}

// Latency-shaped defaults (ms); other histograms may set their own bounds.
const QList<double> &defaultBounds()
{
    static const QList<double> bounds = {5,    10,   25,   50,    100,   250,   500,
                                         1000, 2500, 5000, 10000, 30000, 60000, 120000};
    return bounds;
}

} // namespace

MetricsRegistry::MetricsRegistry(QObject *parent)
    : QObject(parent)
{}

MetricsRegistry::~MetricsRegistry() = default;

MetricsRegistry::Sample &MetricsRegistry::series(Kind kind, const QString &name,
                                                 const QString &label)
{
    const QString key = keyOf(name, label);
    auto it = m_series.find(key);
    if (it == m_series.end()) {
        Sample sample;
        sample.kind = kind;
        sample.name = name;
        sample.label = label;
        if (kind == Kind::Histogram) {
            sample.bounds = m_bounds.value(name, defaultBounds());
            sample.counts = QList<quint64>(sample.bounds.size(), 0);
        }
        it = m_series.insert(key, sample);
    }
    return it.value();
}

void MetricsRegistry::increment(const QString &name, double by, const QString &label)
{
    {
        QMutexLocker locker(&m_mutex);
        series(Kind::Counter, name, label).value += by;
    }
    emit changed();
}

void MetricsRegistry::observe(const QString &name, double value, const QString &label)
{
    {
        QMutexLocker locker(&m_mutex);
        Sample &sample = series(Kind::Histogram, name, label);
        if (sample.count == 0 || value < sample.min)
            sample.min = value;
        if (sample.count == 0 || value > sample.max)
            sample.max = value;
        ++sample.count;
        sample.value += value;
        const auto bucket = std::lower_bound(sample.bounds.cbegin(), sample.bounds.cend(), value);
        if (bucket != sample.bounds.cend())
            ++sample.counts[bucket - sample.bounds.cbegin()];
    }
    emit changed();
}

void MetricsRegistry::set(const QString &name, double value, const QString &label)
{
    {
        QMutexLocker locker(&m_mutex);
        series(Kind::Gauge, name, label).value = value;
    }
    emit changed();
}

void MetricsRegistry::setHistogramBounds(const QString &name, const QList<double> &bounds)
{
    QList<double> sorted = bounds;
    std::sort(sorted.begin(), sorted.end());
    QMutexLocker locker(&m_mutex);
    m_bounds.insert(name, sorted);
}

double MetricsRegistry::counter(const QString &name, const QString &label) const
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_series.constFind(keyOf(name, label));
    return it != m_series.constEnd() && it->kind == Kind::Counter ? it->value : 0;
}

double MetricsRegistry::gauge(const QString &name, const QString &label) const
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_series.constFind(keyOf(name, label));
    return it != m_series.constEnd() && it->kind == Kind::Gauge ? it->value : 0;
}

MetricsRegistry::Sample MetricsRegistry::histogram(const QString &name, const QString &label) const
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_series.constFind(keyOf(name, label));
    if (it != m_series.constEnd() && it->kind == Kind::Histogram)
        return *it;
    Sample empty;
    empty.kind = Kind::Histogram;
    empty.name = name;
    empty.label = label;
    return empty;
}

double MetricsRegistry::counterTotal(const QString &name) const
{
    QMutexLocker locker(&m_mutex);
    double total = 0;
    for (const Sample &sample : m_series) {
        if (sample.kind == Kind::Counter && sample.name == name)
            total += sample.value;
    }
    return total;
}

QList<MetricsRegistry::Sample> MetricsRegistry::snapshot() const
{
    QList<Sample> samples;
    {
        QMutexLocker locker(&m_mutex);
        samples = m_series.values();
    }
    std::sort(samples.begin(), samples.end(), [](const Sample &a, const Sample &b) {
        return a.name != b.name ? a.name < b.name : a.label < b.label;
    });
    return samples;
}

void MetricsRegistry::clear()
{
    {
        QMutexLocker locker(&m_mutex);
        m_series.clear();
    }
    emit changed();
}
