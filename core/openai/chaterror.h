#pragma once

#include <QString>

enum class ChatErrorType {
    None,
    Authentication,
    PermissionDenied,
    RateLimit,
    Quota,
    InvalidRequest,
    NotFound,
    Server,
    Network,
    Timeout,
    Cancelled,
    IncompleteStream,
    BadResponse,
};

// A typed failure that keeps the server's own message and code.
struct ChatError
{
    ChatErrorType type = ChatErrorType::None;
    QString message;
    int httpStatus = 0;
    QString code; // the API's error.code, e.g. "insufficient_quota", "model_not_found"

    bool isError() const { return type != ChatErrorType::None; }
    // "authentication", "rate_limit", "quota", "invalid_request", "not_found", "server",
    // "network", "timeout", "cancelled", "incomplete_stream", "bad_response", ...
    QString typeName() const;
    static QString typeName(ChatErrorType type);
    // True for errors the API answered (as opposed to network/timeout/incomplete/cancel).
    bool isApiError() const;
};
