// The voice settings value type (every bad field named) and the engines it builds.
#include "audio/speechengines.h"
#include "audio/speechrecognizer.h"
#include "audio/speechsynthesizer.h"
#include "audio/voicesettings.h"
#include "openai/openaiclient.h"

#include <QJsonDocument>
#include <QTest>

class TestVoiceSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreOffline();
    void overrides();
    void roundTrip();
    void badFields_data();
    void badFields();
    void voicesPerRole();
    void engines();
};

void TestVoiceSettings::defaultsAreOffline()
{
    const VoiceSettings settings;
    QCOMPARE(settings.synthesisEngine, QStringLiteral("espeak"));
    QCOMPARE(settings.recognitionEngine, QStringLiteral("pocketsphinx"));
    QCOMPARE(settings.recordingFormat, QStringLiteral("flac"));
    QVERIFY(settings.outputDevice.isEmpty());
}

void TestVoiceSettings::overrides()
{
    const QJsonObject json = QJsonDocument::fromJson(R"({
        "synthesis_engine": "openai", "recognition_engine": "openai",
        "speech_model": "tts-1-hd", "transcription_model": "whisper-1", "speed": 1.25,
        "voices": {"openai": {"agent": "nova", "customer": "ash", "supervisor": "sage"}},
        "output_device": "alsa_output.usb", "volume": 0.5, "recording_format": "wav"
    })")
                                 .object();
    QString error;
    const auto settings = VoiceSettings::fromJson(json, VoiceSettings(), &error);
    QVERIFY2(settings, qPrintable(error));
    QCOMPARE(settings->synthesisEngine, QStringLiteral("openai"));
    QCOMPARE(settings->speechModel, QStringLiteral("tts-1-hd"));
    QCOMPARE(settings->transcriptionModel, QStringLiteral("whisper-1"));
    QCOMPARE(settings->speed, 1.25);
    QCOMPARE(settings->openaiVoices.customer, QStringLiteral("ash"));
    QCOMPARE(settings->espeakVoices.agent, VoiceSettings().espeakVoices.agent); // untouched
    QCOMPARE(settings->outputDevice, QByteArray("alsa_output.usb"));
    QCOMPARE(settings->volume, 0.5);
    QCOMPARE(settings->recordingFormat, QStringLiteral("wav"));
}

void TestVoiceSettings::roundTrip()
{
    VoiceSettings settings;
    settings.synthesisEngine = QStringLiteral("openai");
    settings.espeakVoices.customer = QStringLiteral("en-us+klatt6");
    settings.inputDevice = "mic-1";
    settings.speed = 0.75;
    QString error;
    const auto back = VoiceSettings::fromJson(settings.toJson(), VoiceSettings(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), settings.toJson());
}

void TestVoiceSettings::badFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown field") << QByteArray(R"({"sped": 1})") << QStringLiteral("voice.sped");
    QTest::newRow("engine name") << QByteArray(R"({"synthesis_engine": "festival"})")
                                 << QStringLiteral("voice.synthesis_engine");
    QTest::newRow("recogniser name")
        << QByteArray(R"({"recognition_engine": 3})") << QStringLiteral("voice.recognition_engine");
    QTest::newRow("speed range") << QByteArray(R"({"speed": 9})") << QStringLiteral("voice.speed");
    QTest::newRow("speed type") << QByteArray(R"({"speed": "fast"})")
                                << QStringLiteral("voice.speed");
    QTest::newRow("volume range") << QByteArray(R"({"volume": -0.1})")
                                  << QStringLiteral("voice.volume");
    QTest::newRow("empty model") << QByteArray(R"({"speech_model": " "})")
                                 << QStringLiteral("voice.speech_model");
    QTest::newRow("voices type") << QByteArray(R"({"voices": []})")
                                 << QStringLiteral("voice.voices");
    QTest::newRow("voices engine")
        << QByteArray(R"({"voices": {"piper": {}}})") << QStringLiteral("voice.voices.piper");
    QTest::newRow("voice role") << QByteArray(R"({"voices": {"espeak": {"caller": "en"}}})")
                                << QStringLiteral("voice.voices.espeak.caller");
    QTest::newRow("voice empty") << QByteArray(R"({"voices": {"openai": {"agent": ""}}})")
                                 << QStringLiteral("voice.voices.openai");
    QTest::newRow("recording format")
        << QByteArray(R"({"recording_format": "mp3"})") << QStringLiteral("voice.recording_format");
    QTest::newRow("device type") << QByteArray(R"({"output_device": 1})")
                                 << QStringLiteral("voice.output_device");
}

void TestVoiceSettings::badFields()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QString error;
    const VoiceSettings base;
    QVERIFY(!VoiceSettings::fromJson(QJsonDocument::fromJson(json).object(), base, &error));
    QVERIFY2(error.startsWith(field + QLatin1Char(':')), qPrintable(error));
}

void TestVoiceSettings::voicesPerRole()
{
    VoiceSettings settings;
    QCOMPARE(settings.voiceFor(VoiceRole::Agent), QStringLiteral("en-us+klatt2"));
    QCOMPARE(settings.voiceFor(VoiceRole::Customer), QStringLiteral("en-us+klatt4"));
    QCOMPARE(settings.voiceFor(VoiceRole::Supervisor), QStringLiteral("en-us+klatt3"));
    settings.synthesisEngine = QStringLiteral("openai");
    QCOMPARE(settings.voiceFor(VoiceRole::Agent), QStringLiteral("alloy"));
    QCOMPARE(settings.voiceFor(VoiceRole::Customer), QStringLiteral("echo"));
    QCOMPARE(settings.voiceFor(VoiceRole::Supervisor), QStringLiteral("onyx"));
}

void TestVoiceSettings::engines()
{
    VoiceSettings settings;
    QCOMPARE(SpeechEngines::synthesizer(settings, nullptr)->engineName(), QStringLiteral("espeak"));
    QCOMPARE(SpeechEngines::recognizer(settings, nullptr)->engineName(),
             QStringLiteral("pocketsphinx"));
    settings.synthesisEngine = QStringLiteral("openai");
    settings.recognitionEngine = QStringLiteral("openai");
    OpenAIClient client(ClientSettings(), nullptr, PriceTable::defaults(), nullptr);
    QCOMPARE(SpeechEngines::synthesizer(settings, &client)->engineName(), QStringLiteral("openai"));
    QCOMPARE(SpeechEngines::recognizer(settings, &client)->engineName(), QStringLiteral("openai"));
    // No client: the offline engine, and a note saying so.
    QString note;
    QCOMPARE(SpeechEngines::synthesizer(settings, nullptr, &note)->engineName(),
             QStringLiteral("espeak"));
    QVERIFY(note.contains(QLatin1String("voice.synthesis_engine")));
}

QTEST_GUILESS_MAIN(TestVoiceSettings)
#include "tst_voicesettings.moc"
