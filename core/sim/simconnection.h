#pragma once

#include "sim/simhttprequest.h"
#include "sim/simresponseplan.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

// One client connection of the simulator: parses requests (keep-alive,
// pipelined requests wait their turn) and plays each response plan, timers and
// faults included.
class SimConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimConnection)

public:
    using Handler = std::function<SimResponsePlan(const SimHttpRequest &request)>;

    SimConnection(QTcpSocket *socket, qint64 maxBodyBytes, Handler handler,
                  QObject *parent = nullptr);
    ~SimConnection() override;

    // Drops the connection at once (server shutdown).
    void abort();

    static QByteArray reasonPhrase(int status);

signals:
    void closed();

private:
    void onReadyRead();
    void processBuffer();
    void start(SimResponsePlan plan, bool clientWantsClose);
    void sendHeadAndBody();
    void sendTicks();
    void writeBulk();
    void finishResponse();
    void resetConnection();
    void onDisconnected();
    QByteArray head(qint64 contentLength) const;
    void after(int ms, void (SimConnection::*step)());

    QPointer<QTcpSocket> m_socket;
    qint64 m_maxBodyBytes;
    Handler m_handler;
    QByteArray m_buffer;
    SimResponsePlan m_plan;
    QTimer m_timer;
    void (SimConnection::*m_nextStep)() = nullptr;
    bool m_busy = false;
    bool m_closeAfter = false;
    bool m_stalled = false;
    bool m_gone = false;
    qsizetype m_tick = 0;
    qsizetype m_bulkOffset = 0;
};
