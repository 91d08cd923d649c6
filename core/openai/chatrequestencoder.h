#pragma once

#include "openai/chatrequest.h"

#include <QByteArray>
#include <QJsonObject>

// The JSON body of POST /chat/completions for one attempt (CreateChatCompletionRequest).
class ChatRequestEncoder
{
public:
    static QJsonObject toJson(const ChatRequest &request, const ModelConfig &model);
    static QByteArray encode(const ChatRequest &request, const ModelConfig &model);
    // A rough token estimate (prompt characters / 4 + max_tokens) for the client-side TPM limit.
    static int estimateTokens(const ChatRequest &request, const ModelConfig &model);
};
