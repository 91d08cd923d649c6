#include "openai/chaterror.h"

QString ChatError::typeName() const
{
    return typeName(type);
}

QString ChatError::typeName(ChatErrorType type)
{
    switch (type) {
    case ChatErrorType::None:
        return QStringLiteral("none");
    case ChatErrorType::Authentication:
        return QStringLiteral("authentication");
    case ChatErrorType::PermissionDenied:
        return QStringLiteral("permission_denied");
    case ChatErrorType::RateLimit:
        return QStringLiteral("rate_limit");
    case ChatErrorType::Quota:
        return QStringLiteral("quota");
    case ChatErrorType::InvalidRequest:
        return QStringLiteral("invalid_request");
    case ChatErrorType::NotFound:
        return QStringLiteral("not_found");
    case ChatErrorType::Server:
        return QStringLiteral("server");
    case ChatErrorType::Network:
        return QStringLiteral("network");
    case ChatErrorType::Timeout:
        return QStringLiteral("timeout");
    case ChatErrorType::Cancelled:
        return QStringLiteral("cancelled");
    case ChatErrorType::IncompleteStream:
        return QStringLiteral("incomplete_stream");
    case ChatErrorType::BadResponse:
        return QStringLiteral("bad_response");
    }
    return QStringLiteral("unknown");
}

bool ChatError::isApiError() const
{
    switch (type) {
    case ChatErrorType::Authentication:
    case ChatErrorType::PermissionDenied:
    case ChatErrorType::RateLimit:
    case ChatErrorType::Quota:
    case ChatErrorType::InvalidRequest:
    case ChatErrorType::NotFound:
    case ChatErrorType::Server:
    case ChatErrorType::BadResponse:
        return true;
    default:
        return false;
    }
}
