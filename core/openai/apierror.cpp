#include "openai/apierror.h"

#include "common/secretmasker.h"

#include <QJsonDocument>
#include <QJsonObject>

ChatErrorType ApiError::typeFor(int httpStatus, const QString &code, const QString &type)
{
    // insufficient_quota comes as a 429 but is a billing problem: retrying cannot help.
    if (code == QLatin1String("insufficient_quota") || type == QLatin1String("insufficient_quota"))
        return ChatErrorType::Quota;
    switch (httpStatus) {
    case 400:
    case 413:
    case 415:
    case 422:
        return ChatErrorType::InvalidRequest;
    case 401:
        return ChatErrorType::Authentication;
    case 403:
        return ChatErrorType::PermissionDenied;
    case 404:
        return ChatErrorType::NotFound;
    case 408:
        return ChatErrorType::Timeout;
    case 429:
        return ChatErrorType::RateLimit;
    default:
        break;
    }
    if (httpStatus >= 500 || httpStatus == 409)
        return ChatErrorType::Server;
    if (httpStatus >= 400)
        return ChatErrorType::InvalidRequest;
    // An error object inside a 200 stream: classify by its type/code.
    if (type.contains(QLatin1String("rate_limit")) || code.contains(QLatin1String("rate_limit")))
        return ChatErrorType::RateLimit;
    if (type.contains(QLatin1String("authentication")) || code == QLatin1String("invalid_api_key"))
        return ChatErrorType::Authentication;
    if (type.contains(QLatin1String("invalid_request")))
        return ChatErrorType::InvalidRequest;
    return ChatErrorType::Server;
}

ChatError ApiError::fromBody(int httpStatus, const QByteArray &body)
{
    ChatError error;
    error.httpStatus = httpStatus;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QJsonObject object = document.object();
    if (object.value(QLatin1String("error")).isObject())
        object = object.value(QLatin1String("error")).toObject();
    QString type = object.value(QLatin1String("type")).toString();
    const QJsonValue codeValue = object.value(QLatin1String("code"));
    error.code = codeValue.isDouble() ? QString::number(codeValue.toInt()) : codeValue.toString();
    error.message = object.value(QLatin1String("message")).toString();
    if (error.message.isEmpty()) {
        const QByteArray trimmed = body.trimmed().left(300);
        error.message = trimmed.isEmpty()
                            ? QStringLiteral("HTTP %1 with an empty body").arg(httpStatus)
                            : QString::fromUtf8(trimmed);
    }
    // Servers sometimes echo the request's headers or a key fragment into error text.
    error.message = SecretMasker::mask(error.message);
    error.type = typeFor(httpStatus, error.code, type);
    return error;
}

ChatError ApiError::fromNetwork(QNetworkReply::NetworkError networkError, const QString &text)
{
    ChatError error;
    // The client aborts replies only after disconnecting from them, so a cancelled reply that is
    // still reported here was cancelled by QNAM's transfer timeout.
    error.type = networkError == QNetworkReply::TimeoutError ||
                         networkError == QNetworkReply::OperationCanceledError
                     ? ChatErrorType::Timeout
                     : ChatErrorType::Network;
    error.message = SecretMasker::mask(text);
    return error;
}
