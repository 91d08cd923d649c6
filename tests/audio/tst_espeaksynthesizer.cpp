// The offline text-to-speech engine on libespeak-ng: real synthesis, no fakes.
#include "audio/espeaksynthesizer.h"
#include "speechfixture.h"

#include <QTest>

class TestEspeakSynthesizer : public QObject
{
    Q_OBJECT

private slots:
    void plausibleDuration_data();
    void plausibleDuration();
    void fasterIsShorter();
    void streamsInChunks();
    void voicesDiffer();
    void badInput_data();
    void badInput();
    void cancelStopsEverything();
    void destroyedWhileSpeaking();
};

void TestEspeakSynthesizer::plausibleDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("voice");
    QTest::newRow("greeting") << QStringLiteral("Hello, this is VoiceAI calling.") << QString();
    QTest::newRow("question") << QStringLiteral("Is now a good time to talk about your plan?")
                              << QStringLiteral("en-us+klatt2");
    QTest::newRow("long")
        << QStringLiteral("I can offer you the fibre upgrade at a lower monthly price, and the "
                          "first three months are free if you switch this week.")
        << QStringLiteral("en-gb");
}

void TestEspeakSynthesizer::plausibleDuration()
{
    QFETCH(QString, text);
    QFETCH(QString, voice);
    EspeakSynthesizer engine;
    const SpokenText spoken = speak(engine, text, voice);
    QVERIFY2(spoken.result.ok(), qPrintable(spoken.result.error.message));
    QCOMPARE(spoken.finishedCount, 1);
    QCOMPARE(spoken.audio.sampleRate, 22050);
    QCOMPARE(spoken.result.sampleRate, 22050);
    QCOMPARE(spoken.result.samples, spoken.audio.sampleCount());
    QCOMPARE(spoken.result.engine, QStringLiteral("espeak"));
    QCOMPARE(spoken.result.characters, text.size());
    // About 175 words a minute: 0.34 s a word. Allow a wide range around that, but nothing
    // like silence or a runaway.
    const int words = int(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
    const qint64 ms = spoken.audio.durationMs();
    QVERIFY2(ms > words * 180 && ms < words * 700 + 500,
             qPrintable(QStringLiteral("%1 ms for %2 words").arg(ms).arg(words)));
    QVERIFY(spoken.audio.rms() > 0.01); // not silence
}

void TestEspeakSynthesizer::fasterIsShorter()
{
    EspeakSynthesizer engine;
    const QString text = QStringLiteral("Thank you for your time today, goodbye.");
    const SpokenText normal = speak(engine, text, {}, 1.0);
    const SpokenText fast = speak(engine, text, {}, 2.0);
    QVERIFY(normal.result.ok() && fast.result.ok());
    QVERIFY2(fast.audio.durationMs() < normal.audio.durationMs() * 3 / 4,
             qPrintable(QStringLiteral("%1 vs %2 ms")
                            .arg(fast.audio.durationMs())
                            .arg(normal.audio.durationMs())));
}

void TestEspeakSynthesizer::streamsInChunks()
{
    EspeakSynthesizer engine;
    SynthesisRequest request;
    request.text = QStringLiteral("This sentence is long enough to arrive in several pieces, so "
                                  "that playback can begin before the synthesis has ended.");
    std::unique_ptr<SynthesisCall> call(engine.synthesize(request));
    int chunksBeforeFinished = 0;
    bool finished = false;
    connect(call.get(), &SynthesisCall::audio, this, [&] {
        if (!finished)
            ++chunksBeforeFinished;
    });
    connect(call.get(), &SynthesisCall::finished, this, [&] { finished = true; });
    // Nothing arrives synchronously: the work happens in the engine's thread.
    QCOMPARE(call->result().samples, 0);
    QTRY_VERIFY_WITH_TIMEOUT(finished, 60000);
    QVERIFY(chunksBeforeFinished > 3);
    QVERIFY(call->result().firstAudioMs >= 0);
    QVERIFY(call->result().firstAudioMs <= call->result().latencyMs);
}

void TestEspeakSynthesizer::voicesDiffer()
{
    EspeakSynthesizer engine;
    const QString text = QStringLiteral("Good morning.");
    const SpokenText agent = speak(engine, text, QStringLiteral("en-us+klatt2"));
    const SpokenText customer = speak(engine, text, QStringLiteral("en-us+klatt4"));
    const SpokenText supervisor = speak(engine, text, QStringLiteral("en-gb+klatt3"));
    QVERIFY(agent.result.ok() && customer.result.ok() && supervisor.result.ok());
    QCOMPARE(agent.result.voice, QStringLiteral("en-us+klatt2"));
    // The Klatt voices add a little noise, so compare how much differs, not exact samples.
    auto differs = [](const PcmAudio &a, const PcmAudio &b) {
        const qsizetype common = qMin(a.sampleCount(), b.sampleCount());
        qsizetype different = std::abs(a.sampleCount() - b.sampleCount());
        for (qsizetype i = 0; i < common; ++i)
            different += std::abs(a.samples[i] - b.samples[i]) > 256 ? 1 : 0;
        return different > qMax(a.sampleCount(), b.sampleCount()) / 4;
    };
    QVERIFY(differs(agent.audio, customer.audio));
    QVERIFY(differs(agent.audio, supervisor.audio));
    QVERIFY(differs(customer.audio, supervisor.audio));
}

void TestEspeakSynthesizer::badInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("voice");
    QTest::addColumn<double>("speed");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty text") << QStringLiteral("  ") << QString() << 1.0
                                << QStringLiteral("'text'");
    QTest::newRow("speed too low")
        << QStringLiteral("Hi.") << QString() << 0.1 << QStringLiteral("'speed'");
    QTest::newRow("speed NaN") << QStringLiteral("Hi.") << QString() << qQNaN()
                               << QStringLiteral("'speed'");
    QTest::newRow("unknown voice") << QStringLiteral("Hi.") << QStringLiteral("xx-nowhere") << 1.0
                                   << QStringLiteral("xx-nowhere");
}

void TestEspeakSynthesizer::badInput()
{
    QFETCH(QString, text);
    QFETCH(QString, voice);
    QFETCH(double, speed);
    QFETCH(QString, mentions);
    EspeakSynthesizer engine;
    const SpokenText spoken = speak(engine, text, voice, speed);
    QCOMPARE(spoken.finishedCount, 1);
    QCOMPARE(spoken.result.error.type, ChatErrorType::InvalidRequest);
    QVERIFY2(spoken.result.error.message.contains(mentions),
             qPrintable(spoken.result.error.message));
    QCOMPARE(spoken.chunks, 0);
    // The engine still works afterwards.
    QVERIFY(speak(engine, QStringLiteral("Still here.")).result.ok());
}

void TestEspeakSynthesizer::cancelStopsEverything()
{
    EspeakSynthesizer engine;
    SynthesisRequest request;
    request.text =
        QString(QStringLiteral("We will keep talking for quite a while now. ")).repeated(20);
    std::unique_ptr<SynthesisCall> call(engine.synthesize(request));
    QSignalSpy audio(call.get(), &SynthesisCall::audio);
    QSignalSpy finished(call.get(), &SynthesisCall::finished);
    QVERIFY(audio.wait(60000));
    call->cancel();
    const qsizetype chunks = audio.size();
    QTest::qWait(300);
    QCOMPARE(audio.size(), chunks);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(call->result().error.type, ChatErrorType::Cancelled);
    // The worker is free again at once: the next request is spoken.
    QVERIFY(speak(engine, QStringLiteral("Next.")).result.ok());
}

void TestEspeakSynthesizer::destroyedWhileSpeaking()
{
    auto engine = std::make_unique<EspeakSynthesizer>();
    SynthesisRequest request;
    request.text = QString(QStringLiteral("A very long announcement follows. ")).repeated(30);
    std::unique_ptr<SynthesisCall> call(engine->synthesize(request));
    QSignalSpy audio(call.get(), &SynthesisCall::audio);
    QSignalSpy finished(call.get(), &SynthesisCall::finished);
    QVERIFY(audio.wait(60000));
    engine.reset();
    QTest::qWait(100);
    QCOMPARE(finished.size(), 0);
    QVERIFY(call->isCancelled());
}

QTEST_GUILESS_MAIN(TestEspeakSynthesizer)
#include "tst_espeaksynthesizer.moc"
