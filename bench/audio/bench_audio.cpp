// Prints the audio figures of docs/voice.md:
//  1. offline text to speech (espeak-ng): real-time factor, time to the first chunk;
//  2. offline speech to text (pocketsphinx) on that speech resampled to 16 kHz: real-time
//     factor and word error rate, per voice of the settings;
//  3. CPU for timelines, level meters and mixing of 100 calls with one monitored;
//  4. listen-in latency from a synthesised chunk to the device taking it (needs an output).
// Usage: bench_audio [--sentences N] [--calls N] [--seconds S]
#include "audio/audiomixer.h"
#include "audio/audiotimeline.h"
#include "audio/espeaksynthesizer.h"
#include "audio/listeneroutput.h"
#include "audio/pocketsphinxrecognizer.h"
#include "audio/recognitioncall.h"
#include "audio/synthesiscall.h"
#include "audio/voicesettings.h"
#include "audio/worderrorrate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>
#include <numbers>

namespace {

QTextStream out(stdout);

// Lines of the kind the demo's agent and customers say.
const QStringList Sentences{
    QStringLiteral("Hello, this is VoiceAI calling about your internet plan."),
    QStringLiteral("Is now a good time to talk?"),
    QStringLiteral("I would like to cancel my subscription."),
    QStringLiteral("Can you tell me the price of the new plan?"),
    QStringLiteral("Thank you for your time, goodbye."),
    QStringLiteral("Please stop calling me."),
    QStringLiteral("I can offer you a lower monthly price."),
    QStringLiteral("The first three months are free."),
    QStringLiteral("I need to speak to a real person."),
    QStringLiteral("Your bill is due at the end of the month."),
    QStringLiteral("We can move your appointment to next week."),
    QStringLiteral("What is your account number?"),
    QStringLiteral("That sounds too expensive for me."),
    QStringLiteral("Let me check that for you."),
    QStringLiteral("Would you like to upgrade your phone?"),
    QStringLiteral("I am not interested, thank you."),
    QStringLiteral("Your new router will arrive on Monday."),
    QStringLiteral("Can you call me back tomorrow morning?"),
    QStringLiteral("The payment did not go through."),
    QStringLiteral("Is there anything else I can help you with?"),
};

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

// All threads of the process: the engines work in their own threads.
double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(std::ceil(p * double(values.size()))) - 1;
    return values.at(qBound<qsizetype>(0, index, values.size() - 1));
}

struct Spoken
{
    PcmAudio audio;
    double wallMs = 0;
    double cpuMs = 0;
    double firstChunkMs = -1;
    bool ok = false;
};

Spoken speak(EspeakSynthesizer &tts, const QString &text, const QString &voice)
{
    Spoken spoken;
    QElapsedTimer clock;
    clock.start();
    const double cpu = processCpuMs();
    std::unique_ptr<SynthesisCall> call(tts.synthesize({text, voice, 1.0, {}, {}}));
    QEventLoop loop;
    QObject::connect(call.get(), &SynthesisCall::audio, &loop, [&](const PcmAudio &chunk) {
        if (spoken.firstChunkMs < 0)
            spoken.firstChunkMs = double(clock.nsecsElapsed()) / 1e6;
        spoken.audio.sampleRate = chunk.sampleRate;
        spoken.audio.samples.append(chunk.samples);
    });
    QObject::connect(call.get(), &SynthesisCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    spoken.wallMs = double(clock.nsecsElapsed()) / 1e6;
    spoken.cpuMs = processCpuMs() - cpu;
    spoken.ok = call->result().ok();
    return spoken;
}

RecognitionResult recognize(PocketSphinxRecognizer &stt, const PcmAudio &audio, double *wallMs,
                            double *cpuMs = nullptr)
{
    QElapsedTimer clock;
    clock.start();
    const double cpu = processCpuMs();
    std::unique_ptr<RecognitionCall> call(stt.recognize({audio, {}, {}, {}, {}}));
    QEventLoop loop;
    QObject::connect(call.get(), &RecognitionCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *wallMs = double(clock.nsecsElapsed()) / 1e6;
    if (cpuMs)
        *cpuMs = processCpuMs() - cpu;
    return call->result();
}

void offlineEngines(int sentences)
{
    const VoiceSettings settings;
    EspeakSynthesizer tts;
    PocketSphinxRecognizer stt;
    // Load the model first: it is paid once per process, not per utterance.
    {
        double ignored = 0;
        recognize(stt, PcmAudio{16000, QList<qint16>(1600, 0)}, &ignored);
    }
    const QList<std::pair<QString, QString>> voices{
        {QStringLiteral("agent"), settings.espeakVoices.agent},
        {QStringLiteral("customer"), settings.espeakVoices.customer},
        {QStringLiteral("supervisor"), settings.espeakVoices.supervisor},
        {QStringLiteral("british klatt3"), QStringLiteral("en-gb+klatt3")},
        {QStringLiteral("espeak default"), QStringLiteral("en-us")}};
    out << "== offline speech (" << sentences << " sentences per voice)\n";
    out << "real-time factors: processing time / audio time, as CPU time of the process and as "
           "wall time (the wall figure grows with the machine's load)\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
               .arg(QStringLiteral("voice"), -28)
               .arg(QStringLiteral("audio s"), 8)
               .arg(QStringLiteral("TTS cpu"), 8)
               .arg(QStringLiteral("TTS wall"), 8)
               .arg(QStringLiteral("1st chunk ms"), 12)
               .arg(QStringLiteral("STT cpu"), 8)
               .arg(QStringLiteral("STT wall"), 8)
               .arg(QStringLiteral("WER"), 6);
    WordErrorRate settingsTotal;
    for (const auto &[role, voice] : voices) {
        double audioMs = 0, ttsMs = 0, sttMs = 0, ttsCpu = 0, sttCpu = 0;
        QList<double> firstChunks;
        WordErrorRate total;
        for (int i = 0; i < sentences; ++i) {
            const QString &sentence = Sentences.at(i % Sentences.size());
            const Spoken spoken = speak(tts, sentence, voice);
            if (!spoken.ok)
                continue;
            audioMs += double(spoken.audio.durationMs());
            ttsMs += spoken.wallMs;
            ttsCpu += spoken.cpuMs;
            firstChunks.append(spoken.firstChunkMs);
            double wall = 0, cpu = 0;
            const RecognitionResult result = recognize(stt, spoken.audio, &wall, &cpu);
            sttMs += wall;
            sttCpu += cpu;
            total += WordErrorRate::measure(sentence, result.text);
        }
        if (role == QLatin1String("agent") || role == QLatin1String("customer") ||
            role == QLatin1String("supervisor"))
            settingsTotal += total;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                   .arg(role + QStringLiteral(" (") + voice + QLatin1Char(')'), -28)
                   .arg(audioMs / 1000.0, 8, 'f', 1)
                   .arg(ttsCpu / qMax(1.0, audioMs), 8, 'f', 3)
                   .arg(ttsMs / qMax(1.0, audioMs), 8, 'f', 3)
                   .arg(percentile(firstChunks, 0.5), 12, 'f', 1)
                   .arg(sttCpu / qMax(1.0, audioMs), 8, 'f', 3)
                   .arg(sttMs / qMax(1.0, audioMs), 8, 'f', 3)
                   .arg(QString::number(total.rate() * 100, 'f', 1) + QLatin1Char('%'), 6);
        out.flush();
    }
    out << "word error rate over the three voices of the settings: "
        << QString::number(settingsTotal.rate() * 100, 'f', 1) << "% (" << settingsTotal.errors
        << " errors in " << settingsTotal.referenceWords << " words)\n\n";
}

void mixing(int calls, int seconds)
{
    out << "== " << calls << " calls, " << seconds
        << " s of two-sided audio in 20 ms chunks, meters read every 100 ms, one call mixed to "
           "48 kHz stereo\n";
    constexpr int Rate = 16000;
    constexpr int ChunkSamples = Rate / 50;
    std::vector<std::unique_ptr<AudioTimeline>> timelines;
    for (int i = 0; i < calls; ++i) {
        timelines.push_back(std::make_unique<AudioTimeline>(Rate));
        timelines.back()->setRetainedMs(10000); // a recorder would drain older audio
    }
    // One chunk of "speech" and one of quiet line noise, reused.
    PcmAudio speech{Rate, QList<qint16>(ChunkSamples)};
    PcmAudio quiet{Rate, QList<qint16>(ChunkSamples)};
    for (int i = 0; i < ChunkSamples; ++i) {
        speech.samples[i] = qint16(9000 * std::sin(2 * std::numbers::pi * 180 * i / Rate));
        quiet.samples[i] = qint16((i * 7919) % 61 - 30);
    }
    AudioMixer mixer(48000, 2);
    double appendMs = 0, meterMs = 0, mixMs = 0;
    qint64 mixedSamples = 0;
    volatile double sink = 0;
    const int ticks = seconds * 50;
    for (int tick = 0; tick < ticks; ++tick) {
        double start = threadCpuMs();
        for (int c = 0; c < calls; ++c) {
            // Turns of 3 s, alternating, offset per call.
            const bool agentSpeaks = ((tick + c * 13) / 150) % 2 == 0;
            timelines[c]->append(AudioSide::Agent, agentSpeaks ? speech : quiet);
            timelines[c]->append(AudioSide::Customer, agentSpeaks ? quiet : speech);
        }
        double now = threadCpuMs();
        appendMs += now - start;
        start = now;
        if (tick % 5 == 0) {
            for (int c = 0; c < calls; ++c)
                sink = sink + timelines[c]->level(AudioSide::Agent).rms +
                       timelines[c]->level(AudioSide::Customer).peak;
        }
        now = threadCpuMs();
        meterMs += now - start;
        start = now;
        mixedSamples += mixer.pull(*timelines[0]).size();
        mixMs += threadCpuMs() - start;
    }
    const double total = appendMs + meterMs + mixMs;
    out << QStringLiteral("appending %1 ms, meters %2 ms, mixing the monitored call %3 ms of CPU "
                          "for %4 s of audio\n")
               .arg(appendMs, 0, 'f', 1)
               .arg(meterMs, 0, 'f', 1)
               .arg(mixMs, 0, 'f', 1)
               .arg(seconds);
    out << QStringLiteral("total: %1 ms of CPU per second of call time = %2% of one core "
                          "(mixed %3 output samples)\n\n")
               .arg(total / seconds, 0, 'f', 2)
               .arg(total / seconds / 10.0, 0, 'f', 2)
               .arg(mixedSamples);
}

void listenLatency(int utterances)
{
    out << "== listen-in latency: synthesised chunk -> timeline -> mixer -> output -> device\n";
    ListenerOutput output;
    output.start();
    QElapsedTimer wait;
    wait.start();
    while (!output.status().isActive() && wait.elapsed() < 5000 &&
           output.status().state == AudioDeviceStatus::State::Stopped)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    while (!output.status().isActive() && wait.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!output.status().isActive()) {
        out << "skipped: " << output.status().stateName() << " (" << output.status().message
            << "); run under scripts/with-test-services.sh\n";
        return;
    }
    out << "device: " << output.status().deviceName << ", " << output.sampleRate() << " Hz, "
        << output.channels() << " channel(s), sink buffer 60 ms\n";
    EspeakSynthesizer tts;
    QList<double> processing, toDevice;
    // Utterance 0 warms the device's stream up and is not counted.
    for (int u = 0; u <= utterances; ++u) {
        if (u == 1) {
            processing.clear();
            toDevice.clear();
        }
        AudioTimeline timeline(16000);
        AudioMixer mixer(output.sampleRate(), output.channels());
        QElapsedTimer clock;
        qint64 firstTarget = -1;
        double firstArrival = -1;
        std::unique_ptr<SynthesisCall> call(tts.synthesize(
            {Sentences.at(u % Sentences.size()), VoiceSettings().espeakVoices.agent, 1.0, {}, {}}));
        bool finished = false;
        // The listen-in path is event-driven: each chunk is mixed and written when it arrives.
        QObject::connect(call.get(), &SynthesisCall::audio, call.get(), [&](const PcmAudio &chunk) {
            const double arrival = double(clock.nsecsElapsed()) / 1e6;
            const qint64 before = output.writtenBytes();
            timeline.append(AudioSide::Agent, chunk);
            output.write(mixer.pull(timeline));
            if (firstTarget < 0) {
                firstTarget = before;
                firstArrival = arrival;
                processing.append(double(clock.nsecsElapsed()) / 1e6 - arrival);
            }
        });
        QObject::connect(call.get(), &SynthesisCall::finished, call.get(),
                         [&finished] { finished = true; });
        clock.start();
        // Watch, about every millisecond, for the device taking the first chunk's bytes.
        while (!finished || output.bufferedMs() > 0) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            if (firstTarget >= 0 && toDevice.size() < processing.size() &&
                output.playedBytes() > firstTarget)
                toDevice.append(double(clock.nsecsElapsed()) / 1e6 - firstArrival);
            if (clock.elapsed() > 20000)
                break;
        }
    }
    out << QStringLiteral("chunk to sink write (timeline, mixer, queue): median %1 ms, max %2 ms\n")
               .arg(percentile(processing, 0.5), 0, 'f', 2)
               .arg(percentile(processing, 1.0), 0, 'f', 2);
    out << QStringLiteral("chunk to the device taking it: median %1 ms, p90 %2 ms, max %3 ms "
                          "over %4 utterances (target < 100 ms)\n")
               .arg(percentile(toDevice, 0.5), 0, 'f', 1)
               .arg(percentile(toDevice, 0.9), 0, 'f', 1)
               .arg(percentile(toDevice, 1.0), 0, 'f', 1)
               .arg(toDevice.size());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sentences(QStringLiteral("sentences"),
                                       QStringLiteral("Sentences per voice (default 10)."),
                                       QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption calls(QStringLiteral("calls"),
                                   QStringLiteral("Calls to mix and meter (default 100)."),
                                   QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Seconds of call audio (default 60)."),
                                     QStringLiteral("S"), QStringLiteral("60"));
    parser.addOptions({sentences, calls, seconds});
    parser.process(app);
    offlineEngines(qMax(1, parser.value(sentences).toInt()));
    mixing(qMax(1, parser.value(calls).toInt()), qMax(1, parser.value(seconds).toInt()));
    listenLatency(10);
    return 0;
}
