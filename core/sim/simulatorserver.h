#pragma once

#include "sim/simfault.h"
#include "sim/simresponseplan.h"
#include "sim/simspeech.h"
#include "sim/simtiming.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class SimConnection;
struct SimHttpRequest;

// A local OpenAI-compatible HTTP/1.1 server (chat completions streamed and not,
// model list) with scripted replies, realistic timing and fault injection; the
// demo backend and the backend of the tests. See docs/simulator.md.
// queueReply/queueFault/receivedBodies/reset may be called from any thread.
class SimulatorServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatorServer)

public:
    struct RequestRecord
    {
        QByteArray method;
        QByteArray path;
        QByteArray body;
    };

    explicit SimulatorServer(QObject *parent = nullptr);
    ~SimulatorServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    QString errorString() const;
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:N/v1

    void setTiming(const SimTiming &timing);
    SimTiming timing() const;
    void setSeed(quint64 seed);
    quint64 seed() const;
    // > 0: every streamed chat request gets this many ~171-byte chunks, as fast as possible.
    void setBenchChunks(int chunks);
    // Per-minute limits reported in x-ratelimit-* headers and enforced with 429s.
    void setRateLimits(int requestsPerMinute, int tokensPerMinute);
    void setMaxRequestBytes(qint64 bytes);

    void queueReply(const QString &text);
    void queueFault(const SimFault &fault);
    // Forgets queued replies and faults and the recorded requests.
    void reset();

    QList<QByteArray> receivedBodies() const;
    QList<RequestRecord> receivedRequests() const;
    int requestCount() const;

    static QStringList modelIds();

signals:
    // After each answered request; for logs and tests.
    void requestHandled(const QString &method, const QString &path, int status);

private:
    void onNewConnection();
    SimResponsePlan handle(const SimHttpRequest &request);
    SimResponsePlan handleChat(const SimHttpRequest &request, const QString &deploymentModel);
    SimResponsePlan handleModels(const SimHttpRequest &request, const QString &modelId);
    // simulatorserveraudio.cpp
    SimResponsePlan handleSpeech(const SimHttpRequest &request);
    SimResponsePlan handleTranscription(const SimHttpRequest &request);
    std::optional<SimFault> takeFault(const QString &model);
    std::optional<QString> takeReply();
    void addApiHeaders(SimResponsePlan *plan, int tokens);
    std::optional<SimResponsePlan> rateLimited(int tokens);

    QTcpServer m_server;
    QList<SimConnection *> m_connections;
    SimSpeechMemory m_speechMemory; // thread-safe itself

    mutable QMutex m_mutex; // guards everything below
    SimTiming m_timing;
    quint64 m_seed = 0;
    quint64 m_serial = 0;
    int m_benchChunks = 0;
    QByteArray m_benchBody;
    QString m_benchKey;
    qint64 m_maxRequestBytes = 8 * 1024 * 1024;
    QList<QString> m_replies;
    QList<SimFault> m_faults;
    QList<RequestRecord> m_requests;
    int m_requestCount = 0;
    int m_limitRequests = 10000;
    int m_limitTokens = 2000000;
    QDateTime m_windowStart;
    int m_windowRequests = 0;
    qint64 m_windowTokens = 0;
};
