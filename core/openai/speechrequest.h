#pragma once

#include <QMetaType>
#include <QString>

// One POST /audio/speech: text in, 16-bit mono PCM at 24 kHz out ("pcm"), streamed.
struct SpeechRequest
{
    QString model = QStringLiteral("gpt-4o-mini-tts");
    QString voice =
        QStringLiteral("alloy"); // alloy, ash, ballad, coral, echo, fable, onyx, nova...
    QString input;               // up to 4096 characters
    QString instructions;        // tone hints; not for tts-1 / tts-1-hd
    double speed = 1.0;          // 0.25..4

    int maxRetries = 3;
    int firstByteTimeoutMs = 30000;
    int totalTimeoutMs = 120000;
    qint64 maxServerDelayMs = 60000; // a longer Retry-After ends the request instead

    QString feature; // who asks, for usage records
    QString callId;

    static constexpr int PcmSampleRate = 24000;
    static constexpr int MaxInputCharacters = 4096;
};

Q_DECLARE_METATYPE(SpeechRequest)
