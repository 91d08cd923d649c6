#include "metrics/metricsregistry.h"
#include "metrics/prometheuswriter.h"

#include <QSignalSpy>
#include <QtTest>

// Counters, gauges, histograms and their Prometheus rendering.
class TestMetricsRegistry : public QObject
{
    Q_OBJECT

private slots:
    void counters();
    void gauges();
    void histogramBuckets_data();
    void histogramBuckets();
    void changedIsEmitted();
    void prometheusText();
    void metricNames_data();
    void metricNames();
};

void TestMetricsRegistry::counters()
{
    MetricsRegistry registry;
    registry.increment("openai.request.success", 1, "gpt-4o");
    registry.increment("openai.request.success", 2, "gpt-4o");
    registry.increment("openai.request.success", 1, "gpt-3.5-turbo");
    registry.increment("openai.cost", 0.25);
    QCOMPARE(registry.counter("openai.request.success", "gpt-4o"), 3.0);
    QCOMPARE(registry.counter("openai.request.success", "gpt-3.5-turbo"), 1.0);
    QCOMPARE(registry.counterTotal("openai.request.success"), 4.0);
    QCOMPARE(registry.counter("openai.cost"), 0.25);
    QCOMPARE(registry.counter("missing"), 0.0);
}

void TestMetricsRegistry::gauges()
{
    MetricsRegistry registry;
    registry.set("calls.active", 3);
    registry.set("calls.active", 1);
    QCOMPARE(registry.gauge("calls.active"), 1.0);
    QCOMPARE(registry.counter("calls.active"), 0.0); // a gauge is not a counter
}

void TestMetricsRegistry::histogramBuckets_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QList<quint64>>("counts");
    QTest::newRow("spread") << QList<double>{1, 5, 6, 10, 100} << QList<quint64>{2, 2, 1};
    QTest::newRow("overflow only in +Inf") << QList<double>{1000} << QList<quint64>{0, 0, 0};
    QTest::newRow("on the bounds") << QList<double>{5, 10, 100} << QList<quint64>{1, 1, 1};
}

void TestMetricsRegistry::histogramBuckets()
{
    QFETCH(QList<double>, values);
    QFETCH(QList<quint64>, counts);
    MetricsRegistry registry;
    registry.setHistogramBounds("latency", {100, 5, 10});
    double sum = 0;
    for (double value : values) {
        registry.observe("latency", value);
        sum += value;
    }
    const MetricsRegistry::Sample sample = registry.histogram("latency");
    QCOMPARE(sample.bounds, (QList<double>{5, 10, 100}));
    QCOMPARE(sample.counts, counts);
    QCOMPARE(sample.count, quint64(values.size()));
    QCOMPARE(sample.value, sum);
    QCOMPARE(sample.min, *std::min_element(values.cbegin(), values.cend()));
    QCOMPARE(sample.max, *std::max_element(values.cbegin(), values.cend()));
}

void TestMetricsRegistry::changedIsEmitted()
{
    MetricsRegistry registry;
    QSignalSpy changed(&registry, &MetricsRegistry::changed);
    registry.increment("a");
    registry.observe("b", 1);
    registry.set("c", 2);
    QCOMPARE(changed.size(), 3);
}

void TestMetricsRegistry::prometheusText()
{
    MetricsRegistry registry;
    registry.setHistogramBounds("openai.request.latency", {100, 1000});
    registry.increment("openai.request.success", 2, "gpt-4o");
    registry.increment("openai.tokens.total", 7, "model=gpt-4o,feature=call");
    registry.set("calls.active", 3);
    registry.observe("openai.request.latency", 50, "gpt-4o");
    registry.observe("openai.request.latency", 500, "gpt-4o");
    registry.observe("openai.request.latency", 5000, "gpt-4o");
    const QByteArray text = PrometheusWriter::render(registry);
    const QByteArray expected = "# TYPE calls_active gauge\n"
                                "calls_active 3\n"
                                "# TYPE openai_request_latency histogram\n"
                                "openai_request_latency_bucket{label=\"gpt-4o\",le=\"100\"} 1\n"
                                "openai_request_latency_bucket{label=\"gpt-4o\",le=\"1000\"} 2\n"
                                "openai_request_latency_bucket{label=\"gpt-4o\",le=\"+Inf\"} 3\n"
                                "openai_request_latency_sum{label=\"gpt-4o\"} 5550\n"
                                "openai_request_latency_count{label=\"gpt-4o\"} 3\n"
                                "# TYPE openai_request_success_total counter\n"
                                "openai_request_success_total{label=\"gpt-4o\"} 2\n"
                                // Already ends in _total: no second suffix.
                                "# TYPE openai_tokens_total counter\n"
                                "openai_tokens_total{model=\"gpt-4o\",feature=\"call\"} 7\n";
    QCOMPARE(text, expected);
}

void TestMetricsRegistry::metricNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("dots") << "openai.request.latency"
                          << "openai_request_latency";
    QTest::newRow("dashes") << "cache-hit.rate"
                            << "cache_hit_rate";
    QTest::newRow("leading digit") << "5xx"
                                   << "_5xx";
}

void TestMetricsRegistry::metricNames()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(PrometheusWriter::metricName(name), expected);
}

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
