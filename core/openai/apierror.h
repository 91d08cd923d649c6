#pragma once

#include "openai/chaterror.h"

#include <QByteArray>
#include <QNetworkReply>

// Turns what the server or the network said into a typed ChatError, keeping the server's message.
class ApiError
{
public:
    // `body` may hold {"error": {"message", "type", "code", "param"}}; status 0 = sent mid-stream.
    static ChatError fromBody(int httpStatus, const QByteArray &body);
    static ChatErrorType typeFor(int httpStatus, const QString &code, const QString &type);
    static ChatError fromNetwork(QNetworkReply::NetworkError error, const QString &text);
};
