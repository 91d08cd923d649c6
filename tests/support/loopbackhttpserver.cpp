#include "loopbackhttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
{
    m_default =
        json(500, R"({"error":{"message":"no scripted response left","type":"server_error"}})");
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onNewConnection);
}

LoopbackHttpServer::~LoopbackHttpServer() = default;

bool LoopbackHttpServer::listen()
{
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LoopbackHttpServer::rootUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

QUrl LoopbackHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port()));
}

void LoopbackHttpServer::enqueue(const Response &response)
{
    m_queue.append(response);
}

void LoopbackHttpServer::clear()
{
    m_queue.clear();
    m_requests.clear();
}

QByteArray LoopbackHttpServer::statusText(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

namespace {

QByteArray head(int status, const LoopbackHttpServer::Headers &headers)
{
    QByteArray text = "HTTP/1.1 " + QByteArray::number(status) + ' ' +
                      LoopbackHttpServer::statusText(status) + "\r\n";
    for (const auto &header : headers)
        text += header.first + ": " + header.second + "\r\n";
    return text;
}

} // namespace

LoopbackHttpServer::Response LoopbackHttpServer::json(int status, const QByteArray &body,
                                                      const Headers &headers)
{
    Response response;
    QByteArray text = head(status, headers);
    text += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\nConnection: close\r\n\r\n";
    response.pieces.append({text, 0});
    response.pieces.append({body, 0});
    return response;
}

LoopbackHttpServer::Response LoopbackHttpServer::eventStream(const QByteArray &stream,
                                                             const Headers &headers, int status)
{
    Response response;
    QByteArray text = head(status, headers);
    text += "Content-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n"
            "Connection: close\r\n\r\n";
    response.pieces.append({text, 0});
    response.pieces.append({stream, 0});
    return response;
}

LoopbackHttpServer::Response LoopbackHttpServer::chunkedEventStream(const QList<QByteArray> &pieces,
                                                                    const Headers &headers)
{
    Response response;
    QByteArray text = head(200, headers);
    text += "Content-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
    response.pieces.append({text, 0});
    for (const QByteArray &piece : pieces) {
        if (!piece.isEmpty())
            response.pieces.append(
                {QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n", 1});
    }
    response.pieces.append({"0\r\n\r\n", 0});
    return response;
}

LoopbackHttpServer::Response &LoopbackHttpServer::Response::splitBody(int size, int delayMs)
{
    if (pieces.size() < 2 || size <= 0)
        return *this;
    QByteArray body;
    for (qsizetype i = 1; i < pieces.size(); ++i)
        body += pieces.at(i).bytes;
    pieces.resize(1);
    for (qsizetype offset = 0; offset < body.size(); offset += size)
        pieces.append({body.mid(offset, size), offset == 0 ? 0 : delayMs});
    return *this;
}

LoopbackHttpServer::Response &LoopbackHttpServer::Response::splitBodyAt(const QList<int> &offsets,
                                                                        int delayMs)
{
    if (pieces.size() < 2)
        return *this;
    QByteArray body;
    for (qsizetype i = 1; i < pieces.size(); ++i)
        body += pieces.at(i).bytes;
    pieces.resize(1);
    int start = 0;
    for (int offset : offsets) {
        if (offset <= start || offset >= body.size())
            continue;
        pieces.append({body.mid(start, offset - start), start == 0 ? 0 : delayMs});
        start = offset;
    }
    pieces.append({body.mid(start), start == 0 ? 0 : delayMs});
    return *this;
}

void LoopbackHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket *socket)
{
    // A socket that already disconnected (its buffer erased) is not revived: a stale entry keyed
    // by a deleted socket's address would hand its bytes to a later socket at the same address.
    const auto entry = m_buffers.find(socket);
    if (entry == m_buffers.end())
        return;
    // Work on a moved-out copy, never on a reference into m_buffers: responding may close the
    // socket synchronously, and its disconnected() handler erases the map entry.
    QByteArray buffer = std::move(entry.value()) + socket->readAll();
    entry.value().clear();
    QList<QPair<int, Response>> responses;
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            break;
        Request request;
        request.rawHead = buffer.left(headEnd);
        const QList<QByteArray> lines = request.rawHead.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            break;
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        request.receivedAtMs = m_clock.elapsed();
        m_requests.append(request);
        responses.append(
            {int(m_requests.size() - 1), m_queue.isEmpty() ? m_default : m_queue.takeFirst()});
    }
    // Store the unparsed rest before responding (the entry is looked up again: no iterator or
    // reference is kept across anything that may emit signals).
    m_buffers.insert(socket, buffer);
    QPointer<QTcpSocket> guard(socket);
    for (const auto &[index, response] : std::as_const(responses)) {
        emit requestReceived(index);
        // A handler may have closed or deleted the socket; an earlier response may have closed it.
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        respond(socket, response);
    }
}

void LoopbackHttpServer::respond(QTcpSocket *socket, const Response &response)
{
    QPointer<QTcpSocket> guard(socket);
    // Pieces are written on a chain of timers so that delays stack up and order is kept.
    auto writeFrom = std::make_shared<std::function<void(qsizetype)>>();
    *writeFrom = [guard, response, writeFrom](qsizetype index) {
        if (!guard)
            return;
        while (index < response.pieces.size()) {
            const Piece &piece = response.pieces.at(index);
            if (piece.delayMs > 0 && index > 0) {
                guard->flush();
                QTimer::singleShot(piece.delayMs, guard,
                                   [writeFrom, index, guard, piece, response] {
                                       if (!guard)
                                           return;
                                       guard->write(piece.bytes);
                                       guard->flush();
                                       (*writeFrom)(index + 1);
                                   });
                return;
            }
            guard->write(piece.bytes);
            ++index;
        }
        guard->flush();
        switch (response.ending) {
        case Ending::Close:
            guard->disconnectFromHost();
            break;
        case Ending::Reset: {
            struct linger hard = {1, 0};
            ::setsockopt(int(guard->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
            guard->abort();
            break;
        }
        case Ending::Hang:
            break;
        }
        // Break the self-reference once the response is done.
        QTimer::singleShot(0, guard, [writeFrom] { *writeFrom = nullptr; });
    };
    (*writeFrom)(0);
}
