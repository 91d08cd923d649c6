// The call's audio path in process: AudioTimeline (positions, silence, truncation, retention,
// level meters) and AudioMixer (sum, gains, saturation, rate and channel conversion).
#include "audio/audiomixer.h"
#include "audio/audiotimeline.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <numbers>

namespace {

PcmAudio constant(qint16 value, int count, int rate = 16000)
{
    return PcmAudio{rate, QList<qint16>(count, value)};
}

PcmAudio sine(double frequency, int count, double amplitude, int rate = 16000)
{
    PcmAudio audio{rate, QList<qint16>(count)};
    for (int i = 0; i < count; ++i)
        audio.samples[i] =
            qint16(std::lround(amplitude * std::sin(2 * std::numbers::pi * frequency * i / rate)));
    return audio;
}

} // namespace

class TestAudioMixer : public QObject
{
    Q_OBJECT

private slots:
    void placeKeepsTheClock();
    void truncateDropsTheRest();
    void readOutsideIsSilence();
    void otherRatesConverted();
    void levels_data();
    void levels();
    void levelFollowsTruncation();
    void retentionReleasesOldAudio();

    void mix_data();
    void mix();
    void shorterSideIsSilent();
    void pullsAreSeamless();
    void outputFormat_data();
    void outputFormat();
    void seekJumps();
};

void TestAudioMixer::placeKeepsTheClock()
{
    AudioTimeline timeline(16000);
    QSignalSpy appended(&timeline, &AudioTimeline::appended);
    QCOMPARE(timeline.append(AudioSide::Agent, constant(100, 1600)), 0);
    // The customer speaks one second into the call: silence before it.
    QCOMPARE(timeline.place(AudioSide::Customer, 16000, constant(200, 800)), 16000);
    QCOMPARE(timeline.length(AudioSide::Customer), 16800);
    QCOMPARE(timeline.read(AudioSide::Customer, 15999, 16001), (QList<qint16>{0, 200}));
    // Audio never goes back in time: a late position is moved to the side's end.
    QCOMPARE(timeline.place(AudioSide::Agent, 10, constant(300, 10)), 1600);
    QCOMPARE(timeline.length(AudioSide::Agent), 1610);
    QCOMPARE(timeline.length(), 16800);
    QCOMPARE(timeline.toMs(timeline.length()), 1050);
    QCOMPARE(appended.size(), 3);
    QCOMPARE(appended.at(1).at(0).value<AudioSide>(), AudioSide::Customer);
    QCOMPARE(appended.at(1).at(1).toLongLong(), 16000);
    QCOMPARE(appended.at(1).at(2).toLongLong(), 800);
}

void TestAudioMixer::truncateDropsTheRest()
{
    AudioTimeline timeline(16000);
    timeline.append(AudioSide::Agent, constant(100, 16000));
    QSignalSpy truncated(&timeline, &AudioTimeline::truncated);
    timeline.truncate(AudioSide::Agent, 4000);
    QCOMPARE(timeline.length(AudioSide::Agent), 4000);
    QCOMPARE(truncated.size(), 1);
    timeline.truncate(AudioSide::Agent, 5000); // beyond the end: nothing to drop
    QCOMPARE(truncated.size(), 1);
    QCOMPARE(timeline.append(AudioSide::Agent, constant(7, 1)), 4000);
}

void TestAudioMixer::readOutsideIsSilence()
{
    AudioTimeline timeline(8000);
    timeline.append(AudioSide::Agent, PcmAudio{8000, {1, 2, 3}});
    QCOMPARE(timeline.read(AudioSide::Agent, -2, 5), (QList<qint16>{0, 0, 1, 2, 3, 0, 0}));
    QCOMPARE(timeline.read(AudioSide::Customer, 0, 3), (QList<qint16>{0, 0, 0}));
    QVERIFY(timeline.read(AudioSide::Agent, 3, 1).isEmpty());
}

void TestAudioMixer::otherRatesConverted()
{
    AudioTimeline timeline(16000);
    timeline.append(AudioSide::Agent, constant(500, 22050, 22050));     // espeak's rate, one second
    timeline.append(AudioSide::Customer, constant(-500, 24000, 24000)); // OpenAI's
    QVERIFY(std::abs(timeline.length(AudioSide::Agent) - 16000) <= 1);
    QVERIFY(std::abs(timeline.length(AudioSide::Customer) - 16000) <= 1);
    QCOMPARE(timeline.read(AudioSide::Customer, 100, 101), (QList<qint16>{-500}));
}

void TestAudioMixer::levels_data()
{
    QTest::addColumn<PcmAudio>("audio");
    QTest::addColumn<double>("rms");
    QTest::addColumn<double>("peak");
    QTest::newRow("silence") << constant(0, 8000) << 0.0 << 0.0;
    QTest::newRow("full-scale sine") << sine(500, 8000, 32767) << 1 / std::sqrt(2.0) << 1.0;
    QTest::newRow("half-scale sine") << sine(1000, 8000, 16384) << 0.5 / std::sqrt(2.0) << 0.5;
    QTest::newRow("constant quarter") << constant(8192, 8000) << 0.25 << 0.25;
}

void TestAudioMixer::levels()
{
    QFETCH(PcmAudio, audio);
    QFETCH(double, rms);
    QFETCH(double, peak);
    AudioTimeline timeline(16000);
    timeline.append(AudioSide::Agent, constant(32767, 16000)); // loud, then the window's signal
    timeline.append(AudioSide::Agent, audio);
    const AudioLevel level = timeline.level(AudioSide::Agent);
    QVERIFY2(std::abs(level.rms - rms) < 0.01, qPrintable(QString::number(level.rms)));
    QVERIFY2(std::abs(level.peak - peak) < 0.01, qPrintable(QString::number(level.peak)));
    QCOMPARE(timeline.level(AudioSide::Customer).rms, 0.0);
}

void TestAudioMixer::levelFollowsTruncation()
{
    AudioTimeline timeline(16000);
    timeline.append(AudioSide::Agent, constant(0, 16000));
    timeline.append(AudioSide::Agent, constant(16384, 16000));
    QVERIFY(timeline.level(AudioSide::Agent).rms > 0.49);
    timeline.truncate(AudioSide::Agent, 16000); // the loud part was never heard
    QCOMPARE(timeline.level(AudioSide::Agent).rms, 0.0);
    // Placing after a gap meters the gap's silence too.
    timeline.append(AudioSide::Customer, constant(16384, 16000));
    timeline.place(AudioSide::Customer, 48000, constant(16384, 16));
    QVERIFY(timeline.level(AudioSide::Customer).rms < 0.05);
}

void TestAudioMixer::retentionReleasesOldAudio()
{
    AudioTimeline timeline(1000);
    timeline.setRetainedMs(1000); // 1000 samples
    for (int i = 0; i < 10; ++i)
        timeline.append(AudioSide::Agent, constant(qint16(i + 1), 1000, 1000));
    QCOMPARE(timeline.length(AudioSide::Agent), 10000);
    QVERIFY(timeline.retainedFrom(AudioSide::Agent) >= 8000);
    QVERIFY(timeline.retainedFrom(AudioSide::Agent) <= 9000);
    QCOMPARE(timeline.read(AudioSide::Agent, 9999, 10000), (QList<qint16>{10}));
    QCOMPARE(timeline.read(AudioSide::Agent, 0, 1), (QList<qint16>{0})); // released
}

void TestAudioMixer::mix_data()
{
    QTest::addColumn<qint16>("agent");
    QTest::addColumn<qint16>("customer");
    QTest::addColumn<double>("agentGain");
    QTest::addColumn<double>("customerGain");
    QTest::addColumn<double>("volume");
    QTest::addColumn<qint16>("expected");
    QTest::newRow("sum") << qint16(1000) << qint16(2000) << 1.0 << 1.0 << 1.0 << qint16(3000);
    QTest::newRow("cancel") << qint16(1000) << qint16(-1000) << 1.0 << 1.0 << 1.0 << qint16(0);
    QTest::newRow("saturate up") << qint16(30000) << qint16(30000) << 1.0 << 1.0 << 1.0
                                 << qint16(32767);
    QTest::newRow("saturate down")
        << qint16(-30000) << qint16(-30000) << 1.0 << 1.0 << 1.0 << qint16(-32768);
    QTest::newRow("gains") << qint16(1000) << qint16(2000) << 0.5 << 0.25 << 1.0 << qint16(1000);
    QTest::newRow("volume") << qint16(1000) << qint16(2000) << 1.0 << 1.0 << 0.5 << qint16(1500);
    QTest::newRow("muted customer")
        << qint16(1000) << qint16(2000) << 1.0 << 0.0 << 1.0 << qint16(1000);
    QTest::newRow("volume above 1 clamps")
        << qint16(1000) << qint16(0) << 1.0 << 1.0 << 7.0 << qint16(1000);
}

void TestAudioMixer::mix()
{
    QFETCH(qint16, agent);
    QFETCH(qint16, customer);
    QFETCH(double, agentGain);
    QFETCH(double, customerGain);
    QFETCH(double, volume);
    QFETCH(qint16, expected);
    AudioTimeline timeline(16000);
    timeline.append(AudioSide::Agent, constant(agent, 160));
    timeline.append(AudioSide::Customer, constant(customer, 160));
    AudioMixer mixer(16000, 1);
    mixer.setGain(AudioSide::Agent, agentGain);
    mixer.setGain(AudioSide::Customer, customerGain);
    mixer.setVolume(volume);
    const QList<qint16> out = mixer.pull(timeline);
    QCOMPARE(out, QList<qint16>(160, expected));
    QCOMPARE(mixer.position(), 160);
}

void TestAudioMixer::shorterSideIsSilent()
{
    AudioTimeline timeline(16000);
    timeline.append(AudioSide::Agent, constant(1000, 10));
    timeline.place(AudioSide::Customer, 5, constant(10, 10));
    const QList<qint16> out = AudioMixer::mixMono(timeline, 0, 15);
    QCOMPARE(out, (QList<qint16>{1000, 1000, 1000, 1000, 1000, 1010, 1010, 1010, 1010, 1010, 10, 10,
                                 10, 10, 10}));
}

void TestAudioMixer::pullsAreSeamless()
{
    AudioTimeline timeline(16000);
    timeline.append(AudioSide::Agent, sine(440, 16000, 10000));
    timeline.append(AudioSide::Customer, sine(700, 12000, 8000));
    AudioMixer whole(48000, 2);
    const QList<qint16> expected = whole.pull(timeline);
    AudioMixer pieces(48000, 2);
    QList<qint16> got;
    for (qint64 upTo = 0; upTo <= timeline.length() + 320; upTo += 320)
        got.append(pieces.pull(timeline, upTo));
    QCOMPARE(got, expected);
    QVERIFY(pieces.pull(timeline).isEmpty());
}

void TestAudioMixer::outputFormat_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    QTest::newRow("16 kHz mono") << 16000 << 1;
    QTest::newRow("48 kHz stereo") << 48000 << 2;
    QTest::newRow("44.1 kHz stereo") << 44100 << 2;
    QTest::newRow("8 kHz mono") << 8000 << 1;
}

void TestAudioMixer::outputFormat()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    AudioTimeline timeline(16000);
    timeline.append(AudioSide::Agent, constant(1200, 16000));
    timeline.append(AudioSide::Customer, constant(300, 16000));
    AudioMixer mixer(rate, channels);
    const QList<qint16> out = mixer.pull(timeline);
    const qsizetype frames = out.size() / channels;
    QCOMPARE(out.size() % channels, 0);
    // One second in; the resampler holds the last input sample back (less than one in frames).
    QVERIFY2(frames <= rate && frames > rate - rate / 16000 - 1,
             qPrintable(QString::number(frames)));
    for (const qint16 sample : out)
        QCOMPARE(sample, qint16(1500));
}

void TestAudioMixer::seekJumps()
{
    AudioTimeline timeline(16000);
    timeline.append(AudioSide::Agent, PcmAudio{16000, {1, 2, 3, 4, 5, 6}});
    AudioMixer mixer(16000, 1);
    mixer.seek(4);
    QCOMPARE(mixer.pull(timeline), (QList<qint16>{5, 6}));
    mixer.seek(1);
    QCOMPARE(mixer.pull(timeline, 3), (QList<qint16>{2, 3}));
}

QTEST_GUILESS_MAIN(TestAudioMixer)
#include "tst_audiomixer.moc"
