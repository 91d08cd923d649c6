#pragma once

#include <QByteArray>
#include <QList>
#include <QUrlQuery>

// One parsed HTTP/1.1 request, and the incremental parser that fills it.
struct SimHttpRequest
{
    enum class Parse { Incomplete, Complete, Error };

    QByteArray method;
    QByteArray path; // without the query
    QUrlQuery query;
    QByteArray version;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    bool wantsClose() const;

    static constexpr qsizetype kMaxHeaderBytes = 16 * 1024;

    // Takes one request off the front of buffer. On Error, *status and *message
    // say why (400, 413, 431, 501); the connection cannot be reused then.
    static Parse take(QByteArray *buffer, qint64 maxBodyBytes, SimHttpRequest *request, int *status,
                      QByteArray *message);
};
