#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

// One POST /audio/transcriptions (multipart/form-data): an audio file in, text out.
struct TranscriptionRequest
{
    QByteArray file;                                // the audio file's bytes (WAV here)
    QString fileName = QStringLiteral("audio.wav"); // the extension tells the API the format
    QString mimeType = QStringLiteral("audio/wav");
    double audioSeconds = 0; // length of the audio: the cost when the answer gives no duration
    QString model = QStringLiteral("gpt-4o-mini-transcribe");
    QString language; // ISO-639-1, optional
    QString prompt;   // optional
    // "json" (text only) or "verbose_json" (segments and words with timing; whisper-1).
    QString responseFormat = QStringLiteral("json");

    int maxRetries = 3;
    int firstByteTimeoutMs = 60000;
    int totalTimeoutMs = 120000;
    qint64 maxServerDelayMs = 60000;

    QString feature;
    QString callId;
};

Q_DECLARE_METATYPE(TranscriptionRequest)
