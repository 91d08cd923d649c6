// Resampler correctness: known signals in, known signals out.
#include "audio/resampler.h"

#include <QTest>

#include <cmath>
#include <numbers>

namespace {

QList<qint16> tone(double frequency, int rate, int count, double amplitude = 16000)
{
    QList<qint16> samples(count);
    for (int i = 0; i < count; ++i)
        samples[i] =
            qint16(std::lround(amplitude * std::sin(2 * std::numbers::pi * frequency * i / rate)));
    return samples;
}

double rms(const QList<qint16> &samples, qsizetype skip = 0)
{
    double sum = 0;
    for (qsizetype i = skip; i < samples.size(); ++i)
        sum += double(samples[i]) * samples[i];
    return std::sqrt(sum / double(qMax<qsizetype>(1, samples.size() - skip)));
}

int zeroCrossings(const QList<qint16> &samples)
{
    int crossings = 0;
    for (qsizetype i = 1; i < samples.size(); ++i)
        crossings += (samples[i - 1] < 0) != (samples[i] < 0) ? 1 : 0;
    return crossings;
}

} // namespace

class TestResampler : public QObject
{
    Q_OBJECT

private slots:
    void identity();
    void constantStaysConstant_data();
    void constantStaysConstant();
    void lengthFollowsRatio_data();
    void lengthFollowsRatio();
    void rampUpsampledExactly();
    void toneKeepsFrequencyAndLevel_data();
    void toneKeepsFrequencyAndLevel();
    void aliasesAttenuated_data();
    void aliasesAttenuated();
    void chunksEqualWhole_data();
    void chunksEqualWhole();
};

void TestResampler::identity()
{
    const QList<qint16> input{1, -2, 3, 32767, -32768, 0};
    QCOMPARE(Resampler::convert(input, 16000, 16000), input);
}

void TestResampler::constantStaysConstant_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::newRow("22050 -> 16000") << 22050 << 16000;
    QTest::newRow("24000 -> 16000") << 24000 << 16000;
    QTest::newRow("16000 -> 48000") << 16000 << 48000;
    QTest::newRow("16000 -> 44100") << 16000 << 44100;
    QTest::newRow("48000 -> 8000") << 48000 << 8000;
}

void TestResampler::constantStaysConstant()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const QList<qint16> output = Resampler::convert(QList<qint16>(from / 10, 1234), from, to);
    QVERIFY(!output.isEmpty());
    for (const qint16 sample : output)
        QCOMPARE(sample, qint16(1234));
}

void TestResampler::lengthFollowsRatio_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<int>("count");
    QTest::newRow("22050 -> 16000, 1 s") << 22050 << 16000 << 22050;
    QTest::newRow("24000 -> 16000, 0.5 s") << 24000 << 16000 << 12000;
    QTest::newRow("16000 -> 48000, 0.1 s") << 16000 << 48000 << 1600;
    QTest::newRow("44100 -> 48000, 1 s") << 44100 << 48000 << 44100;
    QTest::newRow("one sample") << 16000 << 48000 << 1;
}

void TestResampler::lengthFollowsRatio()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(int, count);
    const qsizetype got = Resampler::convert(QList<qint16>(count, 0), from, to).size();
    // Output j lies at input time j * from / to, and needs the samples around it.
    const double expected = double(count - 1) * to / from + 1;
    QVERIFY2(std::abs(double(got) - expected) <= 1.0,
             qPrintable(QStringLiteral("%1 samples, expected about %2").arg(got).arg(expected)));
}

void TestResampler::rampUpsampledExactly()
{
    // A straight line stays a straight line under linear interpolation: 0, 100, 200 at 1 kHz
    // becomes 0, 50, 100, ... at 2 kHz.
    QList<qint16> ramp;
    for (int i = 0; i < 50; ++i)
        ramp.append(qint16(i * 100));
    const QList<qint16> output = Resampler::convert(ramp, 1000, 2000);
    QCOMPARE(output.size(), 99);
    for (int j = 0; j < output.size(); ++j)
        QCOMPARE(output[j], qint16(j * 50));
}

void TestResampler::toneKeepsFrequencyAndLevel_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<double>("frequency");
    QTest::newRow("espeak 440 Hz -> 16 kHz") << 22050 << 16000 << 440.0;
    QTest::newRow("openai 1 kHz -> 16 kHz") << 24000 << 16000 << 1000.0;
    QTest::newRow("16 kHz 300 Hz -> device 48 kHz") << 16000 << 48000 << 300.0;
    QTest::newRow("16 kHz 1 kHz -> device 44.1 kHz") << 16000 << 44100 << 1000.0;
}

void TestResampler::toneKeepsFrequencyAndLevel()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(double, frequency);
    const QList<qint16> input = tone(frequency, from, from); // one second
    const QList<qint16> output = Resampler::convert(input, from, to);
    // Two zero crossings per period, over one second.
    QVERIFY(std::abs(zeroCrossings(output) - 2 * frequency) <= 2);
    const double ratio = rms(output, to / 10) / rms(input, from / 10);
    QVERIFY2(ratio > 0.95 && ratio < 1.02, qPrintable(QString::number(ratio)));
}

void TestResampler::aliasesAttenuated_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<double>("frequency");
    QTest::newRow("11 kHz at 48 -> 16 kHz") << 48000 << 16000 << 11000.0;
    QTest::newRow("10 kHz at 22.05 -> 16 kHz") << 22050 << 16000 << 10000.0;
    QTest::newRow("14 kHz at 44.1 -> 16 kHz") << 44100 << 16000 << 14000.0;
}

void TestResampler::aliasesAttenuated()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(double, frequency);
    // A tone above the output's Nyquist frequency cannot be represented: without the low-pass
    // it would fold back at full level.
    const QList<qint16> input = tone(frequency, from, from);
    const QList<qint16> output = Resampler::convert(input, from, to);
    const double ratio = rms(output, to / 10) / rms(input, from / 10);
    QVERIFY2(ratio < 0.1, qPrintable(QString::number(ratio)));
}

void TestResampler::chunksEqualWhole_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::newRow("down") << 22050 << 16000;
    QTest::newRow("up") << 16000 << 48000;
    QTest::newRow("odd ratio") << 44100 << 48000;
}

void TestResampler::chunksEqualWhole()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const QList<qint16> input = tone(523.25, from, from / 2, 12000);
    const QList<qint16> whole = Resampler::convert(input, from, to);
    Resampler streaming(from, to);
    QList<qint16> pieces;
    const int sizes[] = {1, 2, 3, 160, 441, 7, 1000, 1};
    qsizetype offset = 0;
    for (int i = 0; offset < input.size(); ++i) {
        const qsizetype size = qMin<qsizetype>(sizes[i % 8], input.size() - offset);
        pieces.append(streaming.process(input.constData() + offset, size));
        offset += size;
    }
    QCOMPARE(pieces, whole);
}

QTEST_GUILESS_MAIN(TestResampler)
#include "tst_resampler.moc"
