// The OpenAI speech and transcription endpoints end to end against the real simulator: the
// client's calls (SpeechCall, TranscriptionCall) and the engines on top of them
// (OpenAISpeechSynthesizer, OpenAITranscriber): streaming, retries honouring Retry-After,
// typed errors, usage records and cost.
#include "audio/openaispeechsynthesizer.h"
#include "audio/openaitranscriber.h"
#include "common/wavcodec.h"
#include "openai/credentialprovider.h"
#include "openai/openaiclient.h"
#include "openai/speechcall.h"
#include "openai/transcriptioncall.h"
#include "sim/simspeech.h"
#include "sim/simulatorserver.h"
#include "speechfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

namespace {

class FixedKey final : public CredentialProvider
{
public:
    Credential credential(const QString &feature) override
    {
        features.append(feature);
        return {"sk-test-audio-0123456789", QStringLiteral("test")};
    }
    QStringList features;
};

} // namespace

class TestOpenAIAudio : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void speechStreamsPcm();
    void speechRetriesHonourRetryAfter();
    void speechServerWaitTooLong();
    void speechStatusRules_data();
    void speechStatusRules();
    void speechBrokenMidStreamIsNotRepeated();
    void speechRefusesBadInput_data();
    void speechRefusesBadInput();
    void speechUnpricedModelIsFlagged();
    void transcriptionReturnsWhatWasSpoken_data();
    void transcriptionReturnsWhatWasSpoken();
    void transcriptionRetriesHonourRetryAfter();
    void transcriptionOfUnknownAudio();
    void transcriptionErrors_data();
    void transcriptionErrors();
    void clientDestroyedMidRequest();

private:
    SpeechRequest speechRequest(const QString &text) const;
    TranscriptionRequest transcriptionRequest(const QString &model = QStringLiteral("whisper-1"),
                                              const QString &format = QStringLiteral("json")) const;
    PcmAudio simulatedSpeech(const QString &text);

    std::unique_ptr<SimulatorServer> m_sim;
    std::unique_ptr<FixedKey> m_key;
    std::unique_ptr<OpenAIClient> m_client;
};

void TestOpenAIAudio::initTestCase()
{
    // For QSignalSpy on the client's usage signals.
    qRegisterMetaType<SpeechResult>();
    qRegisterMetaType<SpeechRequest>();
    qRegisterMetaType<TranscriptionResult>();
    qRegisterMetaType<TranscriptionRequest>();
}

void TestOpenAIAudio::init()
{
    m_sim = std::make_unique<SimulatorServer>();
    m_sim->setTiming(SimTiming{20, 40.0}); // streamed in several pieces, quickly
    QVERIFY(m_sim->listen());
    m_key = std::make_unique<FixedKey>();
    ClientSettings settings;
    settings.baseUrl = m_sim->baseUrl();
    m_client =
        std::make_unique<OpenAIClient>(settings, m_key.get(), PriceTable::defaults(), nullptr);
}

void TestOpenAIAudio::cleanup()
{
    m_client.reset();
    m_sim.reset();
    m_key.reset();
}

SpeechRequest TestOpenAIAudio::speechRequest(const QString &text) const
{
    SpeechRequest request;
    request.model = QStringLiteral("tts-1");
    request.voice = QStringLiteral("nova");
    request.input = text;
    request.feature = QStringLiteral("test-speech");
    request.callId = QStringLiteral("call-7");
    request.firstByteTimeoutMs = 5000;
    request.totalTimeoutMs = 10000;
    return request;
}

TranscriptionRequest TestOpenAIAudio::transcriptionRequest(const QString &model,
                                                           const QString &format) const
{
    TranscriptionRequest request;
    request.model = model;
    request.responseFormat = format;
    request.feature = QStringLiteral("test-transcription");
    request.firstByteTimeoutMs = 5000;
    request.totalTimeoutMs = 10000;
    return request;
}

PcmAudio TestOpenAIAudio::simulatedSpeech(const QString &text)
{
    OpenAISpeechSynthesizer tts(m_client.get(), speechRequest({}));
    const SpokenText spoken = speak(tts, text, QStringLiteral("nova"));
    return spoken.audio;
}

void TestOpenAIAudio::speechStreamsPcm()
{
    const QString text = QStringLiteral("Hello Dana, this is VoiceAI calling about your plan.");
    std::unique_ptr<SpeechCall> call(m_client->speech(speechRequest(text)));
    QByteArray pcm;
    int chunks = 0;
    bool finishedSeen = false;
    int chunksBeforeFinished = 0;
    connect(call.get(), &SpeechCall::audio, this, [&](const QByteArray &data) {
        QCOMPARE(data.size() % 2, 0);
        pcm += data;
        ++chunks;
    });
    QSignalSpy completed(m_client.get(), &OpenAIClient::speechCompleted);
    connect(call.get(), &SpeechCall::finished, this, [&] {
        finishedSeen = true;
        chunksBeforeFinished = chunks;
    });
    QTRY_VERIFY_WITH_TIMEOUT(finishedSeen, 15000);
    const SpeechResult &result = call->result();
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QVERIFY(chunksBeforeFinished > 2); // playback can start before synthesis ends
    QCOMPARE(result.bytes, pcm.size());
    QCOMPARE(result.sampleRate, 24000);
    // The simulator says words at about 0.065 s a letter: plausible speech length.
    QVERIFY(result.audioSeconds() > 2.0 && result.audioSeconds() < 8.0);
    QCOMPARE(result.characters, text.size());
    QCOMPARE(result.attempts.size(), 1);
    QVERIFY(result.requestId.startsWith(QLatin1String("req_")));
    QVERIFY(result.priced);
    QCOMPARE(result.costUsd, text.size() * 15.0 / 1e6); // tts-1: $15 per 1M characters
    QVERIFY(result.firstAudioMs >= 0 && result.firstAudioMs <= result.latencyMs);
    // The request the API saw.
    const QJsonObject body =
        QJsonDocument::fromJson(m_sim->receivedRequests().constLast().body).object();
    QCOMPARE(m_sim->receivedRequests().constLast().path, QByteArray("/v1/audio/speech"));
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("tts-1"));
    QCOMPARE(body.value(QLatin1String("voice")).toString(), QStringLiteral("nova"));
    QCOMPARE(body.value(QLatin1String("input")).toString(), text);
    QCOMPARE(body.value(QLatin1String("response_format")).toString(), QStringLiteral("pcm"));
    QCOMPARE(m_key->features, QStringList{QStringLiteral("test-speech")});
    // One usage record, for the store.
    QCOMPARE(completed.size(), 1);
    const auto recorded = completed.at(0).at(0).value<SpeechResult>();
    QCOMPARE(recorded.costUsd, result.costUsd);
    QCOMPARE(completed.at(0).at(1).value<SpeechRequest>().callId, QStringLiteral("call-7"));
}

void TestOpenAIAudio::speechRetriesHonourRetryAfter()
{
    SimFault fault = SimFault::httpError(429);
    fault.retryAfterMs = 400;
    m_sim->queueFault(fault);
    OpenAISpeechSynthesizer tts(m_client.get(), speechRequest({}));
    const SpokenText spoken = speak(tts, QStringLiteral("Is now a good time?"));
    QVERIFY2(spoken.result.ok(), qPrintable(spoken.result.error.message));
    QCOMPARE(spoken.result.engine, QStringLiteral("openai"));
    QCOMPARE(spoken.result.attempts.size(), 2);
    QCOMPARE(spoken.result.attempts.at(0).httpStatus, 429);
    QVERIFY(spoken.result.attempts.at(0).error.startsWith(QLatin1String("rate_limit")));
    // The second attempt waited what the server asked for, not the default back-off.
    QCOMPARE(spoken.result.attempts.at(1).delayMs, 400);
    QVERIFY(spoken.result.latencyMs >= 400);
    QCOMPARE(m_sim->requestCount(), 2);
    QCOMPARE(spoken.audio.sampleRate, 24000);
    QVERIFY(spoken.audio.rms() > 0.01);
}

void TestOpenAIAudio::speechServerWaitTooLong()
{
    SimFault fault = SimFault::httpError(429);
    fault.retryAfter = QStringLiteral("120");
    m_sim->queueFault(fault);
    SpeechRequest request = speechRequest(QStringLiteral("Hello."));
    request.maxServerDelayMs = 60000;
    std::unique_ptr<SpeechCall> call(m_client->speech(request));
    QSignalSpy finished(call.get(), &SpeechCall::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(call->result().error.type, ChatErrorType::RateLimit);
    QVERIFY2(call->result().error.message.contains(QLatin1String("120")),
             qPrintable(call->result().error.message));
    QCOMPARE(call->result().attempts.size(), 1);
    QCOMPARE(call->result().attempts.at(0).delayMs, 120000); // what was asked, for the record
    QCOMPARE(m_sim->requestCount(), 1);
    QCOMPARE(call->result().costUsd, 0.0);
}

void TestOpenAIAudio::speechStatusRules_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("times");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<ChatErrorType>("type");
    QTest::newRow("500 once, then fine") << 500 << 1 << true << 2 << ChatErrorType::None;
    QTest::newRow("503 always: gives up") << 503 << 9 << false << 3 << ChatErrorType::Server;
    QTest::newRow("400 is not retried") << 400 << 1 << false << 1 << ChatErrorType::InvalidRequest;
    QTest::newRow("401 is not retried") << 401 << 1 << false << 1 << ChatErrorType::Authentication;
}

void TestOpenAIAudio::speechStatusRules()
{
    QFETCH(int, status);
    QFETCH(int, times);
    QFETCH(bool, ok);
    QFETCH(int, attempts);
    QFETCH(ChatErrorType, type);
    SimFault fault = SimFault::httpError(status);
    fault.times = times;
    fault.retryAfterMs = 10; // keep the test fast
    m_sim->queueFault(fault);
    SpeechRequest request = speechRequest(QStringLiteral("Thank you."));
    request.maxRetries = 2;
    std::unique_ptr<SpeechCall> call(m_client->speech(request));
    QSignalSpy finished(call.get(), &SpeechCall::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(call->result().ok(), ok);
    QCOMPARE(call->result().error.type, type);
    QCOMPARE(call->result().attempts.size(), attempts);
    QCOMPARE(m_sim->requestCount(), attempts);
}

void TestOpenAIAudio::speechBrokenMidStreamIsNotRepeated()
{
    m_sim->queueFault(SimFault::ofKind(SimFault::Kind::ResetConnection, 3));
    std::unique_ptr<SpeechCall> call(m_client->speech(
        speechRequest(QStringLiteral("This answer breaks off after a few pieces of audio."))));
    QSignalSpy finished(call.get(), &SpeechCall::finished);
    QVERIFY(finished.wait(10000));
    const SpeechResult &result = call->result();
    QVERIFY(!result.ok());
    QVERIFY(result.incomplete);
    QVERIFY(result.bytes > 0);
    // Audio that may already be playing is never said twice.
    QCOMPARE(m_sim->requestCount(), 1);
    QCOMPARE(result.attempts.size(), 1);
}

void TestOpenAIAudio::speechRefusesBadInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<double>("speed");
    QTest::addColumn<QString>("field");
    QTest::newRow("empty input") << QString() << 1.0 << QStringLiteral("'input'");
    QTest::newRow("too long") << QString(4097, QLatin1Char('a')) << 1.0
                              << QStringLiteral("'input'");
    QTest::newRow("speed") << QStringLiteral("Hi.") << 5.0 << QStringLiteral("'speed'");
}

void TestOpenAIAudio::speechRefusesBadInput()
{
    QFETCH(QString, input);
    QFETCH(double, speed);
    QFETCH(QString, field);
    SpeechRequest request = speechRequest(input);
    request.speed = speed;
    std::unique_ptr<SpeechCall> call(m_client->speech(request));
    QSignalSpy finished(call.get(), &SpeechCall::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(call->result().error.type, ChatErrorType::InvalidRequest);
    QVERIFY2(call->result().error.message.contains(field),
             qPrintable(call->result().error.message));
    QCOMPARE(m_sim->requestCount(), 0);
}

void TestOpenAIAudio::speechUnpricedModelIsFlagged()
{
    SpeechRequest request = speechRequest(QStringLiteral("Hello."));
    request.model = QStringLiteral("house-tts-2");
    std::unique_ptr<SpeechCall> call(m_client->speech(request));
    QSignalSpy finished(call.get(), &SpeechCall::finished);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("no price for speech model")));
    QVERIFY(finished.wait(10000));
    QVERIFY(call->result().ok());
    QVERIFY(!call->result().priced);
    QCOMPARE(call->result().costUsd, 0.0);
}

void TestOpenAIAudio::transcriptionReturnsWhatWasSpoken_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("format");
    QTest::addColumn<double>("perMinute");
    QTest::newRow("whisper-1, verbose_json")
        << QStringLiteral("whisper-1") << QStringLiteral("verbose_json") << 0.006;
    QTest::newRow("gpt-4o-mini-transcribe, json")
        << QStringLiteral("gpt-4o-mini-transcribe") << QStringLiteral("json") << 0.003;
}

void TestOpenAIAudio::transcriptionReturnsWhatWasSpoken()
{
    QFETCH(QString, model);
    QFETCH(QString, format);
    QFETCH(double, perMinute);
    const QString text = QStringLiteral("Please stop calling me, I am not interested.");
    const PcmAudio audio = simulatedSpeech(text);
    QVERIFY(!audio.isEmpty());
    OpenAITranscriber stt(m_client.get(), transcriptionRequest(model, format));
    QSignalSpy completed(m_client.get(), &OpenAIClient::transcriptionCompleted);
    RecognitionRequest request;
    request.audio = audio;
    request.language = QStringLiteral("en");
    request.feature = QStringLiteral("whisper");
    request.callId = QStringLiteral("call-9");
    const RecognitionResult result = recognize(stt, request);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.engine, QStringLiteral("openai"));
    QCOMPARE(result.model, model);
    QCOMPARE(result.text, text);
    QCOMPARE(result.audioMs, audio.durationMs());
    if (format == QLatin1String("verbose_json")) {
        QCOMPARE(result.words.size(), 8);
        QCOMPARE(result.words.first().text, QStringLiteral("Please"));
        QVERIFY(result.words.last().endMs <= audio.durationMs());
    } else {
        QVERIFY(result.words.isEmpty());
    }
    // Billed per second of audio as the answer's usage says (whole seconds).
    const double seconds = std::ceil(double(audio.sampleCount()) / audio.sampleRate);
    QVERIFY(result.priced);
    QVERIFY(std::abs(result.costUsd - seconds / 60.0 * perMinute) < 1e-12);
    QCOMPARE(completed.size(), 1);
    QCOMPARE(completed.at(0).at(1).value<TranscriptionRequest>().callId, QStringLiteral("call-9"));
    // The upload: multipart/form-data with a 16-bit WAV file and the fields.
    const SimulatorServer::RequestRecord upload = m_sim->receivedRequests().constLast();
    QCOMPARE(upload.path, QByteArray("/v1/audio/transcriptions"));
    QVERIFY(upload.body.contains("name=\"model\"\r\n\r\n" + model.toUtf8() + "\r\n"));
    QVERIFY(upload.body.contains("name=\"language\"\r\n\r\nen\r\n"));
    QVERIFY(upload.body.contains("filename=\"utterance.wav\"\r\nContent-Type: audio/wav"));
}

void TestOpenAIAudio::transcriptionRetriesHonourRetryAfter()
{
    const PcmAudio audio = simulatedSpeech(QStringLiteral("Wait a moment."));
    SimFault fault = SimFault::httpError(429);
    fault.retryAfter = QStringLiteral("0.3"); // seconds, fractional
    m_sim->queueFault(fault);
    const int before = m_sim->requestCount();
    OpenAITranscriber stt(m_client.get(), transcriptionRequest());
    const RecognitionResult result = recognize(stt, audio);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.text, QStringLiteral("Wait a moment."));
    QCOMPARE(result.attempts.size(), 2);
    QCOMPARE(result.attempts.at(0).httpStatus, 429);
    QCOMPARE(result.attempts.at(1).delayMs, 300);
    QCOMPARE(m_sim->requestCount() - before, 2);
}

void TestOpenAIAudio::transcriptionOfUnknownAudio()
{
    // A plain tone the simulator never spoke: it says it did not recognise it.
    PcmAudio tone{16000, QList<qint16>(24000)};
    for (qsizetype i = 0; i < tone.samples.size(); ++i)
        tone.samples[i] = qint16(8000 * std::sin(double(i) * 0.2));
    OpenAITranscriber stt(m_client.get(), transcriptionRequest());
    const RecognitionResult result = recognize(stt, tone);
    QVERIFY(result.ok());
    QCOMPARE(result.text, QStringLiteral("(unrecognised audio, 1.5 s)"));
}

void TestOpenAIAudio::transcriptionErrors_data()
{
    QTest::addColumn<int>("fault"); // -1 = none
    QTest::addColumn<bool>("emptyAudio");
    QTest::addColumn<ChatErrorType>("type");
    QTest::newRow("no audio") << -1 << true << ChatErrorType::InvalidRequest;
    QTest::newRow("malformed answer")
        << int(SimFault::Kind::MalformedJson) << false << ChatErrorType::BadResponse;
    QTest::newRow("quota") << -2 << false << ChatErrorType::Quota;
}

void TestOpenAIAudio::transcriptionErrors()
{
    QFETCH(int, fault);
    QFETCH(bool, emptyAudio);
    QFETCH(ChatErrorType, type);
    if (fault == -2)
        m_sim->queueFault(SimFault::httpError(429, QStringLiteral("insufficient_quota")));
    else if (fault >= 0)
        m_sim->queueFault(SimFault::ofKind(SimFault::Kind(fault)));
    TranscriptionRequest request = transcriptionRequest();
    if (!emptyAudio)
        request.file = WavCodec::encode(QByteArray(3200, '\0'), 16000, 1);
    request.audioSeconds = 0.1;
    std::unique_ptr<TranscriptionCall> call(m_client->transcribe(request));
    QSignalSpy finished(call.get(), &TranscriptionCall::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(call->result().error.type, type);
    QCOMPARE(call->result().costUsd, 0.0);
    QVERIFY(m_sim->requestCount() <= 1); // none of these is retried
}

void TestOpenAIAudio::clientDestroyedMidRequest()
{
    m_sim->setTiming(SimTiming{2000, 40.0}); // a slow first byte
    OpenAISpeechSynthesizer tts(m_client.get(), speechRequest({}));
    SynthesisRequest request;
    request.text = QStringLiteral("Nobody will hear this.");
    std::unique_ptr<SynthesisCall> call(tts.synthesize(request));
    QSignalSpy finished(call.get(), &SynthesisCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->requestCount(), 1, 5000);
    m_client.reset();
    QTest::qWait(100);
    QCOMPARE(finished.size(), 0); // like a chat request: cancelled, silent
    call.reset();                 // and the handler can still be deleted afterwards
    // A synthesizer whose client is gone reports that, typed.
    const SpokenText after = speak(tts, QStringLiteral("Anyone?"));
    QCOMPARE(after.finishedCount, 1);
    QCOMPARE(after.result.error.type, ChatErrorType::Cancelled);
}

QTEST_GUILESS_MAIN(TestOpenAIAudio)
#include "tst_openaiaudio.moc"
