// The audio devices of a call on the PulseAudio null sink of the test services (a scenario test
// across ListenerOutput and MicrophoneCapture): what the listener plays reaches the sink (its
// monitor is recorded and measured), the microphone captures, a device that disappears and an
// audio server that is not there at all are survived with a typed status.
#include "audio/audiomixer.h"
#include "audio/audiotimeline.h"
#include "audio/listeneroutput.h"
#include "audio/microphonecapture.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <numbers>

namespace {

constexpr char ProbeVariable[] = "VOICEAI_AUDIO_PROBE";

// Child without an audio server: starts both devices and reports their statuses as JSON.
int runProbe()
{
    ListenerOutput output;
    MicrophoneCapture microphone;
    output.start();
    microphone.start();
    output.write(QList<qint16>(4800, 1000)); // dropped, never a crash
    QTest::qWait(200);
    const QJsonObject report{{QStringLiteral("output"), output.status().stateName()},
                             {QStringLiteral("outputMessage"), output.status().message},
                             {QStringLiteral("microphone"), microphone.status().stateName()},
                             {QStringLiteral("microphoneMessage"), microphone.status().message},
                             {QStringLiteral("outputs"), int(ListenerOutput::outputs().size())}};
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

double rmsOfTail(const QByteArray &s16le, qsizetype samples)
{
    const qsizetype count = qMin<qsizetype>(s16le.size() / 2, samples);
    if (count == 0)
        return 0;
    const auto *data =
        reinterpret_cast<const qint16 *>(s16le.constData()) + s16le.size() / 2 - count;
    double sum = 0;
    for (qsizetype i = 0; i < count; ++i)
        sum += double(data[i]) * data[i];
    return std::sqrt(sum / double(count)) / 32768.0;
}

bool haveNullSink()
{
    for (const QAudioDevice &device : ListenerOutput::outputs()) {
        if (device.id() == "nullsink")
            return true;
    }
    return false;
}

QString pactl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("pactl"), arguments);
    process.waitForFinished(10000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

// Feeds a listener with a call's audio at real-time pace: a timeline with an agent tone,
// mixed into the device's format every 20 ms.
class TonePlayer : public QObject
{
public:
    explicit TonePlayer(ListenerOutput *output)
        : m_output(output)
        , m_timeline(16000)
    {
        PcmAudio tone{16000, QList<qint16>(16000 * 30)};
        for (qsizetype i = 0; i < tone.samples.size(); ++i)
            tone.samples[i] =
                qint16(12000 * std::sin(2 * std::numbers::pi * 440.0 * double(i) / 16000));
        m_timeline.append(AudioSide::Agent, tone);
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { feed(); });
        m_timer.start();
        m_clock.start();
    }

private:
    void feed()
    {
        if (!m_mixer || m_mixer->outputRate() != m_output->sampleRate() ||
            m_mixer->outputChannels() != m_output->channels()) {
            if (m_output->sampleRate() <= 0)
                return;
            m_mixer = std::make_unique<AudioMixer>(m_output->sampleRate(), m_output->channels());
            m_mixer->seek(m_timeline.toSamples(m_clock.elapsed()));
        }
        // 100 ms ahead of the clock keeps the device fed through timer jitter.
        m_output->write(m_mixer->pull(m_timeline, m_timeline.toSamples(m_clock.elapsed() + 100)));
    }

    ListenerOutput *m_output;
    AudioTimeline m_timeline;
    std::unique_ptr<AudioMixer> m_mixer;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace

class TestAudioDevices : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listenerReachesTheSink();
    void microphoneCaptures();
    void missingDevicesAreReported();
    void deviceLostIsSurvived();
    void noAudioServer();

private:
    bool m_pulse = false;
};

void TestAudioDevices::initTestCase()
{
    qRegisterMetaType<AudioDeviceStatus>();
    m_pulse = haveNullSink() && !QStandardPaths::findExecutable(QStringLiteral("pactl")).isEmpty();
}

void TestAudioDevices::listenerReachesTheSink()
{
    if (!m_pulse || QStandardPaths::findExecutable(QStringLiteral("parec")).isEmpty())
        QSKIP("needs the PulseAudio null sink of scripts/with-test-services.sh and parec");
    ListenerOutput output;
    output.setDeviceId("nullsink");
    output.start();
    QTRY_VERIFY_WITH_TIMEOUT(output.status().isActive(), 10000);
    QCOMPARE(output.status().deviceId, QByteArray("nullsink"));
    QVERIFY(output.sampleRate() > 0);

    QProcess recorder;
    recorder.start(QStringLiteral("parec"),
                   {QStringLiteral("--device=nullsink.monitor"), QStringLiteral("--raw"),
                    QStringLiteral("--format=s16le"), QStringLiteral("--rate=16000"),
                    QStringLiteral("--channels=1")});
    QVERIFY(recorder.waitForStarted(5000));
    QByteArray recorded;
    connect(&recorder, &QProcess::readyReadStandardOutput, this,
            [&] { recorded += recorder.readAllStandardOutput(); });
    // Silence first: nothing is played yet.
    QTRY_VERIFY_WITH_TIMEOUT(recorded.size() > 16000, 10000);
    QVERIFY(rmsOfTail(recorded, 8000) < 0.01);

    TonePlayer player(&output);
    // The tone (amplitude 0.37, RMS 0.26) arrives on the sink's monitor. No timing is asserted:
    // the null sink consumes at its own pace.
    QTRY_VERIFY_WITH_TIMEOUT(rmsOfTail(recorded, 8000) > 0.1, 15000);
    QVERIFY(output.playedBytes() > 0);

    // The volume applies to what the device plays.
    output.setVolume(0.0);
    QTRY_VERIFY_WITH_TIMEOUT(rmsOfTail(recorded, 8000) < 0.01, 15000);
    recorder.kill();
    recorder.waitForFinished(5000);
    output.stop();
    QCOMPARE(output.status().state, AudioDeviceStatus::State::Stopped);
}

void TestAudioDevices::microphoneCaptures()
{
    if (!m_pulse)
        QSKIP("needs the PulseAudio null sink of scripts/with-test-services.sh");
    // Qt lists no monitor sources, so a remapped source on the null sink's monitor stands in
    // for a microphone: it hears what the listener plays.
    const QString source = QStringLiteral("voiceai_mic_%1").arg(QCoreApplication::applicationPid());
    const QString module =
        pactl({QStringLiteral("load-module"), QStringLiteral("module-remap-source"),
               QStringLiteral("master=nullsink.monitor"), QStringLiteral("source_name=") + source});
    QVERIFY2(!module.isEmpty(), "pactl load-module module-remap-source failed");
    auto cleanup = qScopeGuard([&] { pactl({QStringLiteral("unload-module"), module}); });
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(MicrophoneCapture::inputs().cbegin(), MicrophoneCapture::inputs().cend(),
                    [&](const QAudioDevice &device) { return device.id() == source.toUtf8(); }),
        10000);
    ListenerOutput output;
    output.setDeviceId("nullsink");
    output.start();
    QTRY_VERIFY_WITH_TIMEOUT(output.status().isActive(), 10000);
    TonePlayer player(&output);

    MicrophoneCapture microphone;
    microphone.setDeviceId(source.toUtf8());
    PcmAudio captured;
    connect(&microphone, &MicrophoneCapture::audio, this, [&](const PcmAudio &block) {
        captured.sampleRate = block.sampleRate;
        captured.samples.append(block.samples);
    });
    microphone.start();
    QTRY_VERIFY_WITH_TIMEOUT(microphone.status().isActive(), 10000);
    auto tailRms = [&captured] {
        PcmAudio tail = captured;
        tail.samples = tail.samples.mid(qMax<qsizetype>(0, tail.samples.size() - 8000));
        return tail.rms();
    };
    QTRY_VERIFY_WITH_TIMEOUT(tailRms() > 0.1, 15000);
    QVERIFY(captured.sampleRate > 0);
    microphone.stop();
    const qsizetype after = captured.samples.size();
    QTest::qWait(200);
    QCOMPARE(captured.samples.size(), after); // nothing after stop()
}

void TestAudioDevices::missingDevicesAreReported()
{
    ListenerOutput output;
    output.setDeviceId("voiceai-no-such-sink");
    output.start();
    QVERIFY(!output.status().isActive());
    QVERIFY2(output.status().state == AudioDeviceStatus::State::NoDevice ||
                 output.status().state == AudioDeviceStatus::State::NoAudioSystem,
             qPrintable(output.status().stateName()));
    if (output.status().state == AudioDeviceStatus::State::NoDevice)
        QVERIFY2(output.status().message.contains(QLatin1String("voiceai-no-such-sink")),
                 qPrintable(output.status().message));
    output.write(QList<qint16>(960, 500)); // dropped
    QCOMPARE(output.writtenBytes(), 0);

    MicrophoneCapture microphone;
    microphone.setDeviceId("voiceai-no-such-source");
    microphone.start();
    QVERIFY(microphone.status().state == AudioDeviceStatus::State::NoDevice ||
            microphone.status().state == AudioDeviceStatus::State::NoAudioSystem);
    QVERIFY(!microphone.status().message.isEmpty());
}

void TestAudioDevices::deviceLostIsSurvived()
{
    if (!m_pulse)
        QSKIP("needs PulseAudio and pactl from scripts/with-test-services.sh");
    const QByteArray sink =
        "voiceai_lost_" + QByteArray::number(QCoreApplication::applicationPid());
    const QString module = pactl({QStringLiteral("load-module"), QStringLiteral("module-null-sink"),
                                  QStringLiteral("sink_name=") + QString::fromLatin1(sink)});
    QVERIFY2(!module.isEmpty(), "pactl load-module failed");
    auto listed = [&sink] {
        for (const QAudioDevice &device : ListenerOutput::outputs()) {
            if (device.id() == sink)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(listed(), 10000);

    ListenerOutput output;
    output.setDeviceId(sink);
    output.start();
    QTRY_VERIFY_WITH_TIMEOUT(output.status().isActive(), 10000);
    TonePlayer player(&output);
    QTRY_VERIFY_WITH_TIMEOUT(output.playedBytes() > 0, 10000);

    // Unplugged: the status says so, the caller keeps writing, nothing crashes.
    pactl({QStringLiteral("unload-module"), module});
    QTRY_COMPARE_WITH_TIMEOUT(output.status().state, AudioDeviceStatus::State::DeviceLost, 10000);
    QVERIFY2(output.status().message.contains(QLatin1String("without sound")) ||
                 output.status().message.contains(QLatin1String("stopped taking audio")),
             qPrintable(output.status().message));
    const qint64 written = output.writtenBytes();
    QTest::qWait(200); // the player keeps writing: all dropped
    QCOMPARE(output.writtenBytes(), written);

    // Plugged back in: playback resumes by itself.
    const QString again = pactl({QStringLiteral("load-module"), QStringLiteral("module-null-sink"),
                                 QStringLiteral("sink_name=") + QString::fromLatin1(sink)});
    QTRY_VERIFY_WITH_TIMEOUT(output.status().isActive(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(output.writtenBytes() > written, 10000);
    output.stop();
    pactl({QStringLiteral("unload-module"), again});
}

void TestAudioDevices::noAudioServer()
{
    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QFile config(runtime.filePath(QStringLiteral("client.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("autospawn = no\n");
    config.close();
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(ProbeVariable), QStringLiteral("1"));
    environment.insert(QStringLiteral("PULSE_SERVER"),
                       QStringLiteral("unix:") + runtime.filePath(QStringLiteral("no-server")));
    environment.insert(QStringLiteral("PULSE_CLIENTCONFIG"), config.fileName());
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit); // no crash
    QCOMPARE(child.exitCode(), 0);
    const QJsonObject report =
        QJsonDocument::fromJson(child.readAllStandardOutput().trimmed()).object();
    QCOMPARE(report.value(QLatin1String("outputs")).toInt(), 0);
    QCOMPARE(report.value(QLatin1String("output")).toString(), QStringLiteral("no-audio-system"));
    QCOMPARE(report.value(QLatin1String("microphone")).toString(),
             QStringLiteral("no-audio-system"));
    QVERIFY(report.value(QLatin1String("outputMessage"))
                .toString()
                .contains(QLatin1String("no audio server")));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(ProbeVariable))
        return runProbe();
    TestAudioDevices test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_audiodevices.moc"
