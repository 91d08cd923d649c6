// The spike detector fed by a real OpenAI client talking HTTP to the simulator.
#include "metrics/spikedetector.h"
#include "openai/chatcall.h"
#include "openai/openaiclient.h"
#include "secrets/usagespikewatch.h"
#include "sim/simfault.h"
#include "sim/simulatorserver.h"

#include <QSignalSpy>
#include <QTest>

class TestUsageSpikeWatch : public QObject
{
    Q_OBJECT

private slots:
    void requestsBeyondThresholdRaiseOneAlert();
    void failedRequestsCountToo();

private:
    static bool chatOnce(OpenAIClient &client);
};

bool TestUsageSpikeWatch::chatOnce(OpenAIClient &client)
{
    ChatRequest request;
    request.messages = {ChatMessage::user(QStringLiteral("Hello"))};
    request.primary.model = QStringLiteral("gpt-4o-mini");
    request.maxRetries = 0;
    request.feature = QStringLiteral("spike-test");
    std::unique_ptr<ChatCall> call(client.chat(request));
    QSignalSpy finished(call.get(), &ChatCall::finished);
    return finished.wait(20000);
}

void TestUsageSpikeWatch::requestsBeyondThresholdRaiseOneAlert()
{
    SimulatorServer sim;
    sim.setTiming(SimTiming::instant());
    QVERIFY(sim.listen());
    ClientSettings settings;
    settings.baseUrl = sim.baseUrl();
    QString error;
    OpenAIClient client(settings, nullptr, PriceTable::load(QString(), &error), nullptr);
    SpikeDetector detector(2, 0);
    UsageSpikeWatch watch(&client, &detector);
    QSignalSpy alerts(&detector, &SpikeDetector::alert);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("usage spike")));
    for (int i = 0; i < 4; ++i)
        QVERIFY(chatOnce(client));
    QCOMPARE(detector.requestsInWindow(), 4);
    QCOMPARE(alerts.count(), 1);
    QCOMPARE(alerts.first().at(0).toString(), SpikeDetector::requestsKind());
    QCOMPARE(alerts.first().at(1).toDouble(), 3.0);
    QVERIFY(detector.costInWindow() > 0); // the simulator reports usage, the price table prices it
}

void TestUsageSpikeWatch::failedRequestsCountToo()
{
    SimulatorServer sim;
    sim.setTiming(SimTiming::instant());
    QVERIFY(sim.listen());
    SimFault fault = SimFault::httpError(401);
    fault.times = 3;
    sim.queueFault(fault);
    ClientSettings settings;
    settings.baseUrl = sim.baseUrl();
    OpenAIClient client(settings, nullptr, PriceTable(), nullptr);
    SpikeDetector detector(0, 0);
    UsageSpikeWatch watch(&client, &detector);
    for (int i = 0; i < 3; ++i)
        QVERIFY(chatOnce(client));
    QCOMPARE(detector.requestsInWindow(), 3);
}

QTEST_GUILESS_MAIN(TestUsageSpikeWatch)
#include "tst_usagespikewatch.moc"
