#pragma once

// Token counts reported by the API for one request.
struct TokenUsage
{
    int promptTokens = 0;
    int completionTokens = 0;
    int totalTokens = 0;
    int cachedPromptTokens = 0;
};
