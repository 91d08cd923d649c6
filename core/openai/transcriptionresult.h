#pragma once

#include "openai/attemptrecord.h"
#include "openai/chaterror.h"

#include <QList>
#include <QMetaType>
#include <QString>

// The outcome of one transcription request.
struct TranscriptionResult
{
    struct Span
    {
        QString text;
        double start = 0; // seconds
        double end = 0;
    };

    bool ok() const { return error.type == ChatErrorType::None; }

    QString text;
    QList<Span> words;    // verbose_json with word timestamps
    QList<Span> segments; // verbose_json
    QString language;
    QString model;
    double audioSeconds = 0; // billed: the answer's usage/duration, else the request's length
    qint64 latencyMs = 0;
    double costUsd = 0;
    bool priced = true;
    QList<AttemptRecord> attempts;
    QString requestId;
    ChatError error;
};

Q_DECLARE_METATYPE(TranscriptionResult)
