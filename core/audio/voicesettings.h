#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Who speaks: each has a voice of their own.
enum class VoiceRole { Agent, Customer, Supervisor };

// The "voice" section of the configuration: which engines speak and listen, with which models
// and voices, and which devices play and record. Defaults are offline (espeak-ng, pocketsphinx).
//   {"synthesis_engine": "espeak" | "openai", "recognition_engine": "pocketsphinx" | "openai",
//    "speech_model": "gpt-4o-mini-tts", "transcription_model": "gpt-4o-mini-transcribe",
//    "speed": 1.0, "voices": {"espeak": {"agent", "customer", "supervisor"}, "openai": {...}},
//    "output_device": "", "input_device": "", "volume": 0.8,
//    "espeak_data_path": "", "pocketsphinx_model_dir": "", "recording_format": "flac"}
struct VoiceSettings
{
    struct Voices
    {
        QString agent;
        QString customer;
        QString supervisor;
    };

    QString synthesisEngine = QStringLiteral("espeak");
    QString recognitionEngine = QStringLiteral("pocketsphinx");
    QString speechModel = QStringLiteral("gpt-4o-mini-tts");
    QString transcriptionModel = QStringLiteral("gpt-4o-mini-transcribe");
    double speed = 1.0;
    // Klatt variants: pocketsphinx recognises them far better than espeak's default voices.
    Voices espeakVoices{QStringLiteral("en-us+klatt2"), QStringLiteral("en-us+klatt4"),
                        QStringLiteral("en-us+klatt3")};
    Voices openaiVoices{QStringLiteral("alloy"), QStringLiteral("echo"), QStringLiteral("onyx")};
    QByteArray outputDevice; // QAudioDevice id; empty = the system default
    QByteArray inputDevice;
    double volume = 0.8;
    QString espeakDataPath;       // empty = the library's default
    QString pocketsphinxModelDir; // empty = what pocketsphinx-en-us installs
    QString recordingFormat = QStringLiteral("flac");

    // The voice of `role` for the synthesis engine in use.
    QString voiceFor(VoiceRole role) const;

    QJsonObject toJson() const;
    // Fields present in `json` override `base`; a bad or unknown field is an error naming it
    // ("voice.speed: expected a number from 0.25 to 4").
    static std::optional<VoiceSettings> fromJson(const QJsonObject &json, const VoiceSettings &base,
                                                 QString *error,
                                                 const QString &path = QStringLiteral("voice"));
};
