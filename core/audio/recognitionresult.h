#pragma once

#include "openai/attemptrecord.h"
#include "openai/chaterror.h"

#include <QList>
#include <QMetaType>
#include <QString>

// One recognised word and where it lies in the utterance.
struct RecognizedWord
{
    QString text;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

// The outcome of one recognition: the text, word (or segment) timing when the engine gives it,
// and the accounting.
struct RecognitionResult
{
    bool ok() const { return error.type == ChatErrorType::None; }

    QString engine; // "pocketsphinx", "openai"
    QString model;
    QString text;
    QList<RecognizedWord> words; // may be empty (the engine gave no timing)
    qint64 audioMs = 0;          // length of the utterance: what transcription is priced by
    qint64 latencyMs = 0;        // from the request to the text, incl. retries
    double costUsd = 0;
    bool priced = true;
    QList<AttemptRecord> attempts;
    QString requestId;
    ChatError error;
};

Q_DECLARE_METATYPE(RecognitionResult)
