#pragma once

#include "openai/chatmessage.h"
#include "openai/modelconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Everything one chat completion needs: messages, models, and the limits of the attempt loop.
struct ChatRequest
{
    QList<ChatMessage> messages;
    ModelConfig primary;
    std::optional<ModelConfig> fallback;
    bool stream = true;

    QStringList stop;
    std::optional<qint64> seed;
    QJsonArray tools;
    QJsonValue toolChoice; // undefined = not sent; "auto"/"none"/"required" or an object
    QJsonObject responseFormat;

    int maxRetries = 3;
    int firstByteTimeoutMs = 30000;
    int totalTimeoutMs = 120000;
    // Wall-clock budget for the whole request incl. retries; 0 = none. A server-requested wait
    // beyond it goes to the fallback at once.
    qint64 deadlineMs = 0;

    QString feature; // who asks: "call", "summary", "customer-sim", "chat-cli", "key-validation"...
    QString callId;  // optional, for usage records
};
