#include "metrics/spikedetector.h"

#include <QSignalSpy>
#include <QTest>

class TestSpikeDetector : public QObject
{
    Q_OBJECT

private slots:
    void requestThreshold_data();
    void requestThreshold();
    void costThreshold();
    void slidingWindowForgetsOldRequests();
    void alertsOncePerCrossingAndRearms();
    void zeroThresholdIsOff();
    void logsAWarning();
};

namespace {
const QDateTime Start(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
}

void TestSpikeDetector::requestThreshold_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("alerts");
    QTest::newRow("below") << 10 << 9 << 0;
    QTest::newRow("at") << 10 << 10 << 0;
    QTest::newRow("one over") << 10 << 11 << 1;
    QTest::newRow("far over") << 10 << 100 << 1;
}

void TestSpikeDetector::requestThreshold()
{
    QFETCH(int, threshold);
    QFETCH(int, requests);
    QFETCH(int, alerts);
    SpikeDetector detector(threshold, 0);
    QSignalSpy spy(&detector, &SpikeDetector::alert);
    for (int i = 0; i < requests; ++i)
        detector.record(Start.addSecs(i * 10), 0.01);
    QCOMPARE(spy.count(), alerts);
    if (alerts) {
        QCOMPARE(spy.first().at(0).toString(), SpikeDetector::requestsKind());
        QCOMPARE(spy.first().at(1).toDouble(), double(threshold + 1));
        QCOMPARE(spy.first().at(2).toDouble(), double(threshold));
    }
}

void TestSpikeDetector::costThreshold()
{
    SpikeDetector detector(0, 1.0);
    QSignalSpy spy(&detector, &SpikeDetector::alert);
    detector.record(Start, 0.4);
    detector.record(Start.addSecs(60), 0.5);
    QCOMPARE(spy.count(), 0);
    detector.record(Start.addSecs(120), 0.2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toString(), SpikeDetector::costKind());
    QVERIFY(qAbs(spy.first().at(1).toDouble() - 1.1) < 1e-9);
    QCOMPARE(spy.first().at(2).toDouble(), 1.0);
}

void TestSpikeDetector::slidingWindowForgetsOldRequests()
{
    SpikeDetector detector(3, 0);
    QSignalSpy spy(&detector, &SpikeDetector::alert);
    // Four requests, but never more than three inside any hour.
    detector.record(Start, 0);
    detector.record(Start.addSecs(1200), 0);
    detector.record(Start.addSecs(2400), 0);
    detector.record(Start.addSecs(3600), 0); // the first one has just left the window
    QCOMPARE(detector.requestsInWindow(), 3);
    QCOMPARE(spy.count(), 0);
    detector.record(Start.addSecs(3700), 0);
    QCOMPARE(spy.count(), 1);
}

void TestSpikeDetector::alertsOncePerCrossingAndRearms()
{
    SpikeDetector detector(2, 0, nullptr, 60 * 1000);
    QSignalSpy spy(&detector, &SpikeDetector::alert);
    for (int i = 0; i < 6; ++i)
        detector.record(Start.addSecs(i), 0);
    QCOMPARE(spy.count(), 1);
    // Quiet for longer than the window: the rate falls back, the alarm re-arms.
    detector.record(Start.addSecs(200), 0);
    QCOMPARE(detector.requestsInWindow(), 1);
    detector.record(Start.addSecs(201), 0);
    detector.record(Start.addSecs(202), 0);
    QCOMPARE(spy.count(), 2);
}

void TestSpikeDetector::zeroThresholdIsOff()
{
    SpikeDetector detector(0, 0);
    QSignalSpy spy(&detector, &SpikeDetector::alert);
    for (int i = 0; i < 1000; ++i)
        detector.record(Start.addSecs(i), 5.0);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(detector.requestsInWindow(), 1000);
}

void TestSpikeDetector::logsAWarning()
{
    SpikeDetector detector(1, 0);
    detector.record(Start, 0);
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("usage spike: 2 requests.*threshold 1")));
    detector.record(Start.addSecs(1), 0);
}

QTEST_GUILESS_MAIN(TestSpikeDetector)
#include "tst_spikedetector.moc"
