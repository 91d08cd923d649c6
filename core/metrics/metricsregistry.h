#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

// Counters, gauges and histograms by name and optional label; thread-safe, passed in by
// constructor. A label is either a plain value ("gpt-4o", rendered as label="gpt-4o") or
// "key=value[,key=value]".
class MetricsRegistry : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsRegistry)

public:
    enum class Kind { Counter, Gauge, Histogram };

    // One series: a name plus a label. Histograms carry cumulative bucket counts.
    struct Sample
    {
        Kind kind = Kind::Counter;
        QString name;
        QString label;
        double value = 0;      // counter or gauge value; histogram: sum
        quint64 count = 0;     // histogram: number of observations
        double min = 0;        // histogram
        double max = 0;        // histogram
        QList<double> bounds;  // histogram: upper bounds of the buckets (+Inf implied)
        QList<quint64> counts; // histogram: observations <= bounds[i] (not cumulative)
    };

    explicit MetricsRegistry(QObject *parent = nullptr);
    ~MetricsRegistry() override;

    void increment(const QString &name, double by = 1, const QString &label = {});
    void observe(const QString &name, double value, const QString &label = {});
    void set(const QString &name, double value, const QString &label = {});
    // Bucket bounds for a histogram name; must be called before its first observation.
    void setHistogramBounds(const QString &name, const QList<double> &bounds);

    double counter(const QString &name, const QString &label = {}) const;
    double gauge(const QString &name, const QString &label = {}) const;
    Sample histogram(const QString &name, const QString &label = {}) const;
    // Sum of a counter over every label.
    double counterTotal(const QString &name) const;
    // Every series, sorted by name then label.
    QList<Sample> snapshot() const;
    void clear();

signals:
    void changed();

private:
    Sample &series(Kind kind, const QString &name, const QString &label);

    mutable QMutex m_mutex;
    QHash<QString, Sample> m_series; // key: name + '\x1f' + label
    QHash<QString, QList<double>> m_bounds;
};
