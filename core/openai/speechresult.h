#pragma once

#include "openai/attemptrecord.h"
#include "openai/chaterror.h"

#include <QList>
#include <QMetaType>
#include <QString>

// The outcome of one speech request; the audio itself went out as it arrived.
struct SpeechResult
{
    bool ok() const { return error.type == ChatErrorType::None; }
    double audioSeconds() const { return double(bytes / 2) / sampleRate; }

    QString model;
    QString voice;
    int characters = 0; // of the input: what tts-1 is priced by
    qint64 bytes = 0;   // of PCM delivered
    int sampleRate = 24000;
    qint64 firstAudioMs = -1; // from the request to the first audio bytes
    qint64 latencyMs = 0;     // the whole request incl. retries
    double costUsd = 0;
    bool priced = true; // false: no price for the model in the price table (cost shows 0)
    QList<AttemptRecord> attempts;
    QString requestId;
    ChatError error;
    bool incomplete = false; // audio had started when the failure came
};

Q_DECLARE_METATYPE(SpeechResult)
