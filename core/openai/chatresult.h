#pragma once

#include "openai/attemptrecord.h"
#include "openai/chaterror.h"
#include "openai/tokenusage.h"
#include "openai/toolcall.h"

#include <QList>
#include <QMetaType>
#include <QString>

// The outcome of one chat request, success or not, with every attempt it took.
struct ChatResult
{
    bool ok() const { return error.type == ChatErrorType::None; }

    QString content; // on failure: the partial text received (incomplete stream)
    QString finishReason;
    QList<ToolCall> toolCalls;
    TokenUsage usage;
    QString model; // the model that answered (as reported by the server, else as requested)
    bool usedFallback = false;
    QList<AttemptRecord> attempts;
    QString requestId;    // x-request-id of the last attempt
    qint64 ttftMs = -1;   // time to first content token of the answering attempt
    qint64 latencyMs = 0; // whole request incl. retries and queueing
    double costUsd = 0;
    ChatError error;
    bool incomplete = false; // the stream broke off before finish_reason / [DONE]
};

Q_DECLARE_METATYPE(ChatResult)
