#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A scripted HTTP/1.1 server on loopback for byte-exact tests: each request gets the next queued
// response, written as raw pieces with optional delays (so a body can be split at any byte), and
// then the connection is closed, reset, or left hanging.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackHttpServer)

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Piece
    {
        QByteArray bytes;
        int delayMs = 0; // wait before writing this piece
    };

    enum class Ending {
        Close, // orderly close after the last piece
        Reset, // TCP reset after the last piece
        Hang,  // keep the connection open, send nothing more
    };

    struct Response
    {
        QList<Piece> pieces;
        Ending ending = Ending::Close;

        // Splits everything after the head into pieces of `size` bytes, `delayMs` apart.
        Response &splitBody(int size, int delayMs = 1);
        // Splits the body at these byte offsets (delay before each later piece).
        Response &splitBodyAt(const QList<int> &offsets, int delayMs = 5);
        Response &then(Ending how)
        {
            ending = how;
            return *this;
        }
    };

    struct Request
    {
        QByteArray method;
        QByteArray target;                    // path and query
        QMap<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray rawHead;
        QByteArray body;
        qint64 receivedAtMs = 0; // since listen()
    };

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const; // http://127.0.0.1:PORT/v1
    QUrl rootUrl() const; // http://127.0.0.1:PORT

    void enqueue(const Response &response);
    // Used when the queue is empty.
    void setDefaultResponse(const Response &response) { m_default = response; }
    const QList<Request> &requests() const { return m_requests; }
    int pendingResponses() const { return int(m_queue.size()); }
    void clear();

    // A complete response: status line, headers (+ Content-Length, Connection: close), body.
    static Response json(int status, const QByteArray &body, const Headers &headers = {});
    // An event stream without Content-Length, ended by closing the connection.
    static Response eventStream(const QByteArray &stream, const Headers &headers = {},
                                int status = 200);
    // The same, with Transfer-Encoding: chunked (one HTTP chunk per piece).
    static Response chunkedEventStream(const QList<QByteArray> &pieces,
                                       const Headers &headers = {});
    static QByteArray statusText(int status);

signals:
    void requestReceived(int index);

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Response &response);

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QList<Response> m_queue;
    Response m_default;
    QList<Request> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
};
