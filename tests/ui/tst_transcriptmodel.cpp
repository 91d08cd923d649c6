#include "monitor/transcriptmodel.h"
#include "store/eventkinds.h"

#include <QSignalSpy>
#include <QTest>

// The transcript model on its own: rows per event kind, streamed deltas batched into one row
// updated in place, the finished turn replacing the streamed text, take-over dropping it.
class TestTranscriptModel final : public QObject
{
    Q_OBJECT

private slots:
    void rowKinds_data();
    void rowKinds();
    void deltasUpdateLastRowInPlace();
    void finishedTurnReplacesStream();
    void takeOverDropsStream();
    void openingMidStreamKeepsStoredDeltas();

private:
    static CallEvent event(const QString &kind, const QString &actor, const QJsonObject &payload)
    {
        static qint64 seq = 0;
        return CallEvent{
            QStringLiteral("c1"), ++seq, QDateTime::currentDateTimeUtc(), actor, kind, payload};
    }
};

void TestTranscriptModel::rowKinds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<int>("rowKind");
    QTest::addColumn<QString>("headerPart");
    QTest::newRow("customer") << QString(EventKind::CustomerUtterance) << "customer"
                              << int(TranscriptModel::Kind::Customer) << "Customer";
    QTest::newRow("agent") << QString(EventKind::AgentTurn) << "agent"
                           << int(TranscriptModel::Kind::Agent) << "first token 120 ms";
    QTest::newRow("whisper") << QString(EventKind::SupervisorWhisper) << "supervisor:sam"
                             << int(TranscriptModel::Kind::Whisper) << "not heard by the customer";
    QTest::newRow("supervisor turn") << QString(EventKind::SupervisorTurn) << "supervisor:sam"
                                     << int(TranscriptModel::Kind::Supervisor) << "sam";
    QTest::newRow("fallback") << QString(EventKind::ModelFallback) << "system"
                              << int(TranscriptModel::Kind::System) << "";
}

void TestTranscriptModel::rowKinds()
{
    QFETCH(QString, kind);
    QFETCH(QString, actor);
    QFETCH(int, rowKind);
    QFETCH(QString, headerPart);
    TranscriptModel model;
    model.appendEvent(event(kind, actor,
                            {{QStringLiteral("text"), QStringLiteral("hello")},
                             {QStringLiteral("ttftMs"), 120},
                             {QStringLiteral("latencyMs"), 900},
                             {QStringLiteral("completionTokens"), 12},
                             {QStringLiteral("from"), QStringLiteral("gpt-4")},
                             {QStringLiteral("to"), QStringLiteral("gpt-3.5-turbo")}}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(TranscriptModel::KindRole).toInt(), rowKind);
    QVERIFY(model.index(0).data(TranscriptModel::HeaderRole).toString().contains(headerPart));
    QVERIFY(!model.index(0).data().toString().isEmpty());
}

void TestTranscriptModel::deltasUpdateLastRowInPlace()
{
    TranscriptModel model;
    model.appendEvent(event(QString(EventKind::CustomerUtterance), QStringLiteral("customer"),
                            {{QStringLiteral("text"), QStringLiteral("hi")}}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 500; ++i)
        model.appendDelta(QStringLiteral("w%1 ").arg(i));
    model.flushDeltas();
    QCOMPARE(inserted.count(), 1); // one new streaming row for 500 deltas
    QCOMPARE(model.rowCount(), 2);
    model.appendDelta(QStringLiteral("more"));
    model.flushDeltas();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1); // the same row, changed in place
    QVERIFY(model.item(1).streaming);
    QVERIFY(model.item(1).text.endsWith(QLatin1String("w499 more")));
}

void TestTranscriptModel::finishedTurnReplacesStream()
{
    TranscriptModel model;
    model.appendDelta(QStringLiteral("Hello, I am"));
    model.flushDeltas();
    model.appendEvent(event(QString(EventKind::AgentTurn), QStringLiteral("agent"),
                            {{QStringLiteral("text"), QStringLiteral("Hello, I am VoiceAI.")},
                             {QStringLiteral("latencyMs"), 800}}));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.item(0).streaming);
    QCOMPARE(model.item(0).text, QStringLiteral("Hello, I am VoiceAI."));
    QCOMPARE(model.item(0).latencyMs, 800);
}

void TestTranscriptModel::takeOverDropsStream()
{
    TranscriptModel model;
    model.appendDelta(QStringLiteral("Let me expl"));
    model.flushDeltas();
    model.appendEvent(event(QString(EventKind::SupervisorTakeover),
                            QStringLiteral("supervisor:sam"),
                            {{QStringLiteral("cancelledStream"), true}}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.item(0).kind, TranscriptModel::Kind::System);
    QVERIFY(model.item(0).text.contains(QLatin1String("cancelled")));
}

void TestTranscriptModel::openingMidStreamKeepsStoredDeltas()
{
    TranscriptModel model;
    model.setEvents({event(QString(EventKind::CustomerUtterance), QStringLiteral("customer"),
                           {{QStringLiteral("text"), QStringLiteral("hi")}}),
                     event(QString(EventKind::AgentDelta), QStringLiteral("agent"),
                           {{QStringLiteral("text"), QStringLiteral("Good ")}}),
                     event(QString(EventKind::AgentDelta), QStringLiteral("agent"),
                           {{QStringLiteral("text"), QStringLiteral("morning")}})});
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.item(1).streaming);
    QCOMPARE(model.item(1).text, QStringLiteral("Good morning"));
    model.appendDelta(QStringLiteral(", Hugo"));
    model.flushDeltas();
    QCOMPARE(model.item(1).text, QStringLiteral("Good morning, Hugo"));
}

QTEST_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
