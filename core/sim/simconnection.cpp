#include "sim/simconnection.h"

#include "sim/simchatrenderer.h"
#include "sim/simlog.h"

#include <QDateTime>
#include <QLocale>

#include <sys/socket.h>

namespace {

constexpr qsizetype kBulkSlice = 256 * 1024;
constexpr qint64 kBulkHighWater = 1024 * 1024;
constexpr int kResetGraceMs = 50;

QByteArray httpChunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

SimConnection::SimConnection(QTcpSocket *socket, qint64 maxBodyBytes, Handler handler,
                             QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_maxBodyBytes(maxBodyBytes)
    , m_handler(std::move(handler))
    , m_timer(this)
{
    socket->setParent(this);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_nextStep)
            (this->*m_nextStep)();
    });
    connect(socket, &QTcpSocket::readyRead, this, &SimConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &SimConnection::onDisconnected);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (!m_plan.bulkBody.isEmpty() && m_busy)
            writeBulk();
    });
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &SimConnection::onReadyRead, Qt::QueuedConnection);
}

SimConnection::~SimConnection() = default;

void SimConnection::abort()
{
    m_timer.stop();
    if (m_socket)
        m_socket->abort();
    onDisconnected();
}

void SimConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_buffer.append(m_socket->readAll());
    if (!m_busy)
        processBuffer();
}

void SimConnection::processBuffer()
{
    if (m_gone || m_busy || m_buffer.isEmpty())
        return;
    SimHttpRequest request;
    int status = 0;
    QByteArray message;
    switch (SimHttpRequest::take(&m_buffer, m_maxBodyBytes, &request, &status, &message)) {
    case SimHttpRequest::Parse::Incomplete:
        return;
    case SimHttpRequest::Parse::Error: {
        qCInfo(lcSim) << "rejecting a malformed request:" << message.constData();
        m_buffer.clear();
        SimResponsePlan plan;
        plan.status = status;
        plan.body = SimChatRenderer::errorBody(QString::fromLatin1(message),
                                               QStringLiteral("invalid_request_error"));
        plan.addHeader("Content-Type", "application/json");
        plan.close = true;
        start(std::move(plan), true);
        return;
    }
    case SimHttpRequest::Parse::Complete:
        break;
    }
    start(m_handler(request), request.wantsClose());
}

void SimConnection::start(SimResponsePlan plan, bool clientWantsClose)
{
    m_plan = std::move(plan);
    m_busy = true;
    m_closeAfter = clientWantsClose || m_plan.close;
    m_stalled = false;
    m_tick = 0;
    m_bulkOffset = 0;
    after(m_plan.firstByteDelayMs, &SimConnection::sendHeadAndBody);
}

void SimConnection::after(int ms, void (SimConnection::*step)())
{
    if (ms <= 0) {
        (this->*step)();
        return;
    }
    m_nextStep = step;
    m_timer.start(ms);
}

QByteArray SimConnection::head(qint64 contentLength) const
{
    QByteArray text = "HTTP/1.1 " + QByteArray::number(m_plan.status) + ' ' +
                      reasonPhrase(m_plan.status) + "\r\n";
    for (const auto &[name, value] : m_plan.headers)
        text += name + ": " + value + "\r\n";
    text += "Date: " +
            QLocale::c()
                .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'")
                .toLatin1() +
            "\r\n";
    if (contentLength >= 0)
        text += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    else
        text += "Transfer-Encoding: chunked\r\n";
    text += m_closeAfter ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    return text;
}

void SimConnection::sendHeadAndBody()
{
    if (!m_socket || m_gone)
        return;
    if (m_plan.resetAfterTicks == 0) {
        resetConnection();
        return;
    }
    if (!m_plan.streamed) {
        if (m_plan.truncateBody) {
            m_closeAfter = true;
            m_socket->write(head(m_plan.body.size()) + m_plan.body.left(m_plan.body.size() / 2));
            m_socket->disconnectFromHost();
            return;
        }
        m_socket->write(head(m_plan.body.size()) + m_plan.body);
        finishResponse();
        return;
    }
    m_socket->write(head(-1));
    if (!m_plan.bulkBody.isEmpty()) {
        writeBulk();
        return;
    }
    after(m_plan.firstTickDelayMs, &SimConnection::sendTicks);
}

void SimConnection::sendTicks()
{
    while (m_socket && !m_gone) {
        if (m_tick == m_plan.stallAfterTicks && !m_stalled) {
            m_stalled = true;
            qCDebug(lcSim) << "stalling the stream after" << m_tick << "chunks";
            if (m_plan.stallMs > 0)
                after(m_plan.stallMs, &SimConnection::sendTicks);
            return; // 0: silence until the client gives up
        }
        if (m_tick == m_plan.resetAfterTicks) {
            // Let the chunks already sent reach the client first: an RST discards
            // whatever still sits in the peer's receive queue.
            m_socket->flush();
            after(kResetGraceMs, &SimConnection::resetConnection);
            return;
        }
        if (m_tick >= m_plan.ticks.size()) {
            m_socket->write("0\r\n\r\n");
            finishResponse();
            return;
        }
        m_socket->write(httpChunk(m_plan.ticks.at(m_tick++)));
        if (m_plan.tickIntervalMs > 0 && m_tick < m_plan.ticks.size()) {
            after(m_plan.tickIntervalMs, &SimConnection::sendTicks);
            return;
        }
    }
}

void SimConnection::writeBulk()
{
    // Keep about a megabyte queued: the client's read speed, not ours, is measured.
    while (m_socket && m_socket->bytesToWrite() < kBulkHighWater &&
           m_bulkOffset < m_plan.bulkBody.size()) {
        const qsizetype n = std::min(kBulkSlice, m_plan.bulkBody.size() - m_bulkOffset);
        m_socket->write(m_plan.bulkBody.constData() + m_bulkOffset, n);
        m_bulkOffset += n;
    }
    if (m_socket && m_bulkOffset >= m_plan.bulkBody.size()) {
        m_plan.bulkBody.clear();
        finishResponse();
    }
}

void SimConnection::finishResponse()
{
    m_busy = false;
    m_nextStep = nullptr;
    if (!m_socket)
        return;
    if (m_closeAfter) {
        m_socket->disconnectFromHost();
        return;
    }
    processBuffer();
}

void SimConnection::resetConnection()
{
    if (!m_socket)
        return;
    qCDebug(lcSim) << "resetting the connection after" << m_tick << "chunks";
    // SO_LINGER 0 makes close() send RST instead of FIN: a real reset, not an orderly end.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        struct linger option
        {
            1, 0
        };
        ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
    m_socket->abort();
    onDisconnected();
}

void SimConnection::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    m_timer.stop();
    emit closed();
    deleteLater();
}

QByteArray SimConnection::reasonPhrase(int status)
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
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        break;
    }
    return "Status";
}
