#include "simtestclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace {

// Waits in an event loop (not a blocking wait): the server usually runs on this thread.
bool waitForData(QTcpSocket &socket, int timeoutMs)
{
    if (socket.bytesAvailable() > 0)
        return true;
    if (socket.state() != QAbstractSocket::ConnectedState)
        return false;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return socket.bytesAvailable() > 0;
}

} // namespace

RawHttpClient::RawHttpClient(quint16 port)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.waitForConnected(5000);
}

bool RawHttpClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

RawResponse RawHttpClient::post(const QByteArray &path, const QByteArray &body, int timeoutMs)
{
    return exchange("POST " + path +
                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        "Content-Length: " +
                        QByteArray::number(body.size()) + "\r\n\r\n" + body,
                    timeoutMs);
}

RawResponse RawHttpClient::get(const QByteArray &path, int timeoutMs)
{
    return exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", timeoutMs);
}

RawResponse RawHttpClient::exchange(const QByteArray &raw, int timeoutMs)
{
    RawResponse response;
    QElapsedTimer clock;
    clock.start();
    m_socket.write(raw);
    QByteArray &buffer = m_pending;
    qsizetype bodyStart = -1;
    qint64 contentLength = -1;
    bool chunked = false;
    qsizetype chunkPos = 0;
    for (;;) {
        if (bodyStart < 0) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                const QList<QByteArray> lines = buffer.left(end).split('\n');
                response.status = lines.first().split(' ').value(1).toInt();
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines.at(i).indexOf(':');
                    response.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                            lines.at(i).mid(colon + 1).trimmed());
                }
                bodyStart = end + 4;
                chunked = response.headers.value("transfer-encoding") == "chunked";
                if (response.headers.contains("content-length"))
                    contentLength = response.headers.value("content-length").toLongLong();
                chunkPos = bodyStart;
            }
        }
        if (bodyStart >= 0 && !chunked && contentLength >= 0 &&
            buffer.size() - bodyStart >= contentLength) {
            response.body = buffer.mid(bodyStart, contentLength);
            buffer.remove(0, bodyStart + contentLength);
            response.complete = true;
            return response;
        }
        while (bodyStart >= 0 && chunked) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", chunkPos);
            if (lineEnd < 0)
                break;
            const qint64 size = buffer.mid(chunkPos, lineEnd - chunkPos).toLongLong(nullptr, 16);
            if (buffer.size() < lineEnd + 2 + size + 2)
                break;
            if (size == 0) {
                buffer.remove(0, lineEnd + 4);
                response.complete = true;
                return response;
            }
            response.body += buffer.mid(lineEnd + 2, size);
            ++response.httpChunks;
            chunkPos = lineEnd + 2 + size + 2;
        }
        if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0) {
            response.closed = true;
            response.error = m_socket.error();
            break;
        }
        if (!waitForData(m_socket, timeoutMs)) {
            response.closed = m_socket.state() != QAbstractSocket::ConnectedState;
            response.error = m_socket.error();
            if (m_socket.bytesAvailable() == 0)
                break; // closed, or silent for timeoutMs
        }
        if (response.firstByteMs < 0 && m_socket.bytesAvailable() > 0)
            response.firstByteMs = clock.elapsed();
        buffer += m_socket.readAll();
    }
    if (bodyStart >= 0 && !chunked)
        response.body = buffer.mid(bodyStart);
    return response;
}

QList<QByteArray> sseData(const QByteArray &body)
{
    QList<QByteArray> data;
    for (const QByteArray &event : body.split('\n')) {
        if (event.startsWith("data: "))
            data.append(event.mid(6));
    }
    return data;
}

QByteArray chatBody(const QString &model, bool stream, bool includeUsage, const QString &user,
                    const QJsonObject &extra)
{
    QJsonObject body{
        {QStringLiteral("model"), model},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                {QStringLiteral("content"), QStringLiteral("You are VoiceAI.")}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), user}}}},
        {QStringLiteral("stream"), stream}};
    if (stream && includeUsage)
        body.insert(QStringLiteral("stream_options"),
                    QJsonObject{{QStringLiteral("include_usage"), true}});
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

NamResult namRequest(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &body,
                     int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer sk-test-not-a-real-key");
    request.setTransferTimeout(timeoutMs);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = body.isNull() ? nam.get(request) : nam.post(request, body);
    NamResult result;
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::readyRead, reply,
                     [&] { result.body += reply->readAll(); });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    result.body += reply->readAll();
    result.elapsedMs = clock.elapsed();
    result.error = reply->error();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return result;
}
