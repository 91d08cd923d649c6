#pragma once

#include "openai/attemptrecord.h"
#include "openai/chaterror.h"

#include <QList>
#include <QMetaType>
#include <QString>

// The outcome of one synthesis, success or not. The audio itself went out in chunks.
struct SynthesisResult
{
    bool ok() const { return error.type == ChatErrorType::None; }
    qint64 durationMs() const { return sampleRate > 0 ? samples * 1000 / sampleRate : 0; }

    QString engine; // "espeak", "openai"
    QString model;  // the OpenAI model; empty for offline engines
    QString voice;
    int sampleRate = 0;
    qint64 samples = 0;       // delivered, whole request
    int characters = 0;       // of the input text: what speech is priced by
    qint64 firstAudioMs = -1; // from the request to its first chunk
    qint64 latencyMs = 0;     // the whole request, incl. retries
    double costUsd = 0;
    bool priced = true; // false: the price table has no entry for the model (cost shows 0)
    QList<AttemptRecord> attempts;
    QString requestId;
    ChatError error;
    bool incomplete = false; // audio had started when the failure came
};

Q_DECLARE_METATYPE(SynthesisResult)
