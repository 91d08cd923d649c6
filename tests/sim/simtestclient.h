#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QUrl>

// Test-side HTTP helpers for the simulator: a raw QTcpSocket client that sees
// the exact bytes (chunking, resets) and a QNetworkAccessManager client.
struct RawResponse
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;                      // de-chunked
    int httpChunks = 0;
    bool complete = false; // Content-Length reached or the terminal chunk seen
    bool closed = false;   // the server closed or reset the connection
    QAbstractSocket::SocketError error = QAbstractSocket::UnknownSocketError;
    qint64 firstByteMs = -1;
};

class RawHttpClient
{
public:
    explicit RawHttpClient(quint16 port);
    bool isConnected() const;
    // Sends bytes as they are and reads one response (up to timeoutMs of silence).
    RawResponse exchange(const QByteArray &raw, int timeoutMs = 5000);
    RawResponse post(const QByteArray &path, const QByteArray &body, int timeoutMs = 5000);
    RawResponse get(const QByteArray &path, int timeoutMs = 5000);
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_pending;
};

// "data: ..." payloads of an SSE body, in order.
QList<QByteArray> sseData(const QByteArray &body);

QByteArray chatBody(const QString &model, bool stream, bool includeUsage = true,
                    const QString &user = QStringLiteral("Hello"), const QJsonObject &extra = {});

struct NamResult
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QMap<QByteArray, QByteArray> headers;
    qint64 elapsedMs = 0;
};

NamResult namRequest(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &body = {},
                     int timeoutMs = 10000);
