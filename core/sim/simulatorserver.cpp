#include "sim/simulatorserver.h"

#include "sim/simchatrenderer.h"
#include "sim/simchatrequest.h"
#include "sim/simchatresponder.h"
#include "sim/simconnection.h"
#include "sim/simcontrolapi.h"
#include "sim/simhttprequest.h"
#include "sim/simlog.h"
#include "sim/simrandom.h"
#include "sim/simreplygenerator.h"
#include "sim/simtokens.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

namespace {

constexpr qsizetype kMaxRecordedRequests = 10000;
const QString kInvalidRequest = QStringLiteral("invalid_request_error");

QString randomToken(SimRandom &random, int length, QByteArrayView alphabet)
{
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text += QLatin1Char(alphabet[random.below(static_cast<int>(alphabet.size()))]);
    return text;
}

// "6m0s", "12s", "20ms": the format of the API's x-ratelimit-reset-* headers.
QByteArray resetText(qint64 ms)
{
    if (ms < 1000)
        return QByteArray::number(std::max<qint64>(ms, 1)) + "ms";
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return QByteArray::number(seconds) + 's';
    return QByteArray::number(seconds / 60) + 'm' + QByteArray::number(seconds % 60) + 's';
}

SimResponsePlan jsonPlan(const QJsonObject &object, int status = 200)
{
    SimResponsePlan plan;
    plan.status = status;
    plan.addHeader("Content-Type", "application/json");
    plan.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return plan;
}

} // namespace

SimulatorServer::SimulatorServer(QObject *parent)
    : QObject(parent)
    , m_server(this) // a child, so moveToThread() takes the listening socket along
{
    connect(&m_server, &QTcpServer::newConnection, this, &SimulatorServer::onNewConnection);
}

SimulatorServer::~SimulatorServer()
{
    close();
}

bool SimulatorServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server.listen(address, port)) {
        qCWarning(lcSim) << "cannot listen on" << address.toString() << port << ":"
                         << m_server.errorString();
        return false;
    }
    qCInfo(lcSim) << "simulator listening on" << baseUrl().toString();
    return true;
}

void SimulatorServer::close()
{
    m_server.close();
    const QList<SimConnection *> connections = m_connections;
    m_connections.clear();
    for (SimConnection *connection : connections)
        connection->abort();
}

bool SimulatorServer::isListening() const
{
    return m_server.isListening();
}
QString SimulatorServer::errorString() const
{
    return m_server.errorString();
}
quint16 SimulatorServer::port() const
{
    return m_server.serverPort();
}

QUrl SimulatorServer::baseUrl() const
{
    QHostAddress address = m_server.serverAddress();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address.isNull())
        address = QHostAddress::LocalHost;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address.toString());
    url.setPort(port());
    url.setPath(QStringLiteral("/v1"));
    return url;
}

void SimulatorServer::setTiming(const SimTiming &timing)
{
    QMutexLocker lock(&m_mutex);
    m_timing = timing;
}

SimTiming SimulatorServer::timing() const
{
    QMutexLocker lock(&m_mutex);
    return m_timing;
}

void SimulatorServer::setSeed(quint64 seed)
{
    QMutexLocker lock(&m_mutex);
    m_seed = seed;
    m_serial = 0;
}

quint64 SimulatorServer::seed() const
{
    QMutexLocker lock(&m_mutex);
    return m_seed;
}

void SimulatorServer::setBenchChunks(int chunks)
{
    QMutexLocker lock(&m_mutex);
    m_benchChunks = std::max(0, chunks);
    m_benchBody.clear();
    m_benchKey.clear();
}

void SimulatorServer::setRateLimits(int requestsPerMinute, int tokensPerMinute)
{
    QMutexLocker lock(&m_mutex);
    m_limitRequests = std::max(1, requestsPerMinute);
    m_limitTokens = std::max(1, tokensPerMinute);
}

void SimulatorServer::setMaxRequestBytes(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_maxRequestBytes = std::max<qint64>(1024, bytes);
}

void SimulatorServer::queueReply(const QString &text)
{
    QMutexLocker lock(&m_mutex);
    m_replies.append(text);
}

void SimulatorServer::queueFault(const SimFault &fault)
{
    QMutexLocker lock(&m_mutex);
    m_faults.append(fault);
}

void SimulatorServer::reset()
{
    QMutexLocker lock(&m_mutex);
    m_replies.clear();
    m_faults.clear();
    m_requests.clear();
    m_requestCount = 0;
    m_serial = 0;
    m_windowStart = {};
}

QList<QByteArray> SimulatorServer::receivedBodies() const
{
    QMutexLocker lock(&m_mutex);
    QList<QByteArray> bodies;
    for (const RequestRecord &record : m_requests) {
        if (!record.body.isEmpty())
            bodies.append(record.body);
    }
    return bodies;
}

QList<SimulatorServer::RequestRecord> SimulatorServer::receivedRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int SimulatorServer::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_requestCount;
}

QStringList SimulatorServer::modelIds()
{
    return {QStringLiteral("gpt-4-1106-preview"), QStringLiteral("gpt-3.5-turbo"),
            QStringLiteral("gpt-4-turbo"), QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")};
}

void SimulatorServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        qint64 maxBytes = 0;
        {
            QMutexLocker lock(&m_mutex);
            maxBytes = m_maxRequestBytes;
        }
        auto *connection = new SimConnection(
            socket, maxBytes, [this](const SimHttpRequest &request) { return handle(request); },
            this);
        m_connections.append(connection);
        connect(connection, &SimConnection::closed, this,
                [this, connection] { m_connections.removeOne(connection); });
    }
}

std::optional<SimFault> SimulatorServer::takeFault(const QString &model)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        SimFault &fault = m_faults[i];
        if (!fault.model.isEmpty() && fault.model != model)
            continue;
        const SimFault taken = fault;
        if (--fault.times <= 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

std::optional<QString> SimulatorServer::takeReply()
{
    QMutexLocker lock(&m_mutex);
    if (m_replies.isEmpty())
        return std::nullopt;
    return m_replies.takeFirst();
}

SimResponsePlan SimulatorServer::handle(const SimHttpRequest &request)
{
    const QByteArray &path = request.path;
    SimResponsePlan plan;
    if (path.startsWith("/_sim/")) {
        plan = SimControlApi::handle(*this, request);
    } else {
        {
            QMutexLocker lock(&m_mutex);
            ++m_requestCount;
            m_requests.append({request.method, request.path, request.body});
            if (m_requests.size() > kMaxRecordedRequests)
                m_requests.removeFirst();
        }
        const bool chatPath = path == "/v1/chat/completions" || path == "/chat/completions";
        const bool azureChat =
            path.startsWith("/openai/deployments/") && path.endsWith("/chat/completions");
        const bool modelsPath = path == "/v1/models" || path == "/models";
        const bool modelPath = path.startsWith("/v1/models/");
        const bool speechPath = path == "/v1/audio/speech" || path == "/audio/speech";
        const bool transcriptionPath =
            path == "/v1/audio/transcriptions" || path == "/audio/transcriptions";
        if ((speechPath || transcriptionPath) && request.method == "POST") {
            plan = speechPath ? handleSpeech(request) : handleTranscription(request);
        } else if ((chatPath || azureChat) && request.method == "POST") {
            const QString deployment =
                azureChat ? QString::fromUtf8(path.mid(20).chopped(17)) : QString();
            plan = handleChat(request, deployment);
        } else if ((modelsPath || modelPath) && request.method == "GET") {
            plan = handleModels(request, modelPath ? QString::fromUtf8(path.mid(11)) : QString());
        } else if (chatPath || azureChat || modelsPath || modelPath || speechPath ||
                   transcriptionPath) {
            plan = SimChatResponder::error(
                405,
                QStringLiteral("Method %1 is not allowed on %2.")
                    .arg(QString::fromLatin1(request.method), QString::fromUtf8(path)),
                kInvalidRequest);
        } else {
            plan = SimChatResponder::error(
                404,
                QStringLiteral("Invalid URL (%1 %2)")
                    .arg(QString::fromLatin1(request.method), QString::fromUtf8(path)),
                kInvalidRequest);
        }
    }
    qCDebug(lcSim) << request.method.constData() << path.constData() << plan.status;
    emit requestHandled(QString::fromLatin1(request.method), QString::fromUtf8(path), plan.status);
    return plan;
}

SimResponsePlan SimulatorServer::handleChat(const SimHttpRequest &request,
                                            const QString &deploymentModel)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        SimResponsePlan plan = SimChatResponder::error(
            400,
            QStringLiteral("We could not parse the JSON body of your request. (HINT: This likely "
                           "means you aren't using your HTTP library correctly.)"),
            kInvalidRequest);
        addApiHeaders(&plan, 0);
        return plan;
    }
    QJsonObject body = doc.object();
    if (!deploymentModel.isEmpty() && !body.contains(QLatin1String("model")))
        body.insert(QStringLiteral("model"), deploymentModel);
    QString message;
    QString param;
    const std::optional<SimChatRequest> chat = SimChatRequest::fromJson(body, &message, &param);
    if (!chat) {
        SimResponsePlan plan = SimChatResponder::error(400, message, kInvalidRequest, param);
        addApiHeaders(&plan, 0);
        return plan;
    }
    const int promptTokens = SimTokens::countPrompt(chat->model, chat->messages);
    if (std::optional<SimResponsePlan> limited = rateLimited(promptTokens))
        return *limited;

    const std::optional<SimFault> fault = takeFault(chat->model);
    if (fault && fault->kind == SimFault::Kind::HttpError) {
        qCInfo(lcSim) << "injecting HTTP" << fault->status << "for" << chat->model;
        SimResponsePlan plan = SimChatResponder::httpError(*fault);
        addApiHeaders(&plan, promptTokens);
        return plan;
    }
    if (fault)
        qCInfo(lcSim) << "injecting" << SimFault::kindName(fault->kind) << "for" << chat->model;

    SimChatResponder::Identity identity;
    SimTiming timing;
    QByteArray bench;
    quint64 seed = 0;
    {
        QMutexLocker lock(&m_mutex);
        SimRandom random(SimRandom::hash(QByteArray::number(++m_serial), m_seed));
        identity.completionId =
            QStringLiteral("chatcmpl-") +
            randomToken(random, 29,
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        identity.fingerprint = QStringLiteral("fp_") + randomToken(random, 10, "0123456789abcdef");
        timing = m_timing;
        seed = m_seed;
        if (m_benchChunks > 0 && chat->stream && !fault) {
            const QString key =
                chat->model + QLatin1Char('|') + QString::number(chat->includeUsage);
            if (m_benchKey != key) {
                m_benchBody =
                    SimChatResponder::benchBody(chat->model, m_benchChunks, chat->includeUsage);
                m_benchKey = key;
            }
            bench = m_benchBody; // shared, not copied
        }
    }
    identity.created = QDateTime::currentSecsSinceEpoch();

    SimResponsePlan plan;
    if (!bench.isEmpty()) {
        plan.streamed = true;
        plan.addHeader("Content-Type", "text/event-stream; charset=utf-8");
        plan.bulkBody = bench;
    } else {
        const std::optional<QString> queued = takeReply();
        const QString text = queued ? *queued : SimReplyGenerator(seed).reply(*chat);
        plan = SimChatResponder::chat(*chat, text, fault, timing, identity);
    }
    addApiHeaders(&plan, promptTokens);
    plan.addHeader("openai-processing-ms", QByteArray::number(std::max(1, timing.firstTokenMs)));
    return plan;
}

SimResponsePlan SimulatorServer::handleModels(const SimHttpRequest &request, const QString &modelId)
{
    Q_UNUSED(request);
    if (std::optional<SimFault> fault = takeFault(QString()); fault) {
        if (fault->kind == SimFault::Kind::HttpError) {
            SimResponsePlan plan = SimChatResponder::httpError(*fault);
            addApiHeaders(&plan, 0);
            return plan;
        }
        SimResponsePlan plan = jsonPlan(QJsonObject{});
        if (fault->kind == SimFault::Kind::ResetConnection)
            plan.resetAfterTicks = 0;
        else if (fault->kind == SimFault::Kind::SlowFirstByte ||
                 fault->kind == SimFault::Kind::StallMidStream)
            plan.firstByteDelayMs = fault->delayMs > 0 ? fault->delayMs : 24 * 3600 * 1000;
        else
            plan.body = "{\"object\":\"list\",\"data\":[";
        return plan;
    }
    auto model = [](const QString &id) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("object"), QStringLiteral("model")},
                           {QStringLiteral("created"), 1698959748},
                           {QStringLiteral("owned_by"), QStringLiteral("system")}};
    };
    SimResponsePlan plan;
    if (!modelId.isEmpty()) {
        plan =
            modelIds().contains(modelId)
                ? jsonPlan(model(modelId))
                : SimChatResponder::error(
                      404, QStringLiteral("The model '%1' does not exist").arg(modelId),
                      kInvalidRequest, QStringLiteral("model"), QStringLiteral("model_not_found"));
    } else {
        QJsonArray data;
        for (const QString &id : modelIds())
            data.append(model(id));
        plan = jsonPlan(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                    {QStringLiteral("data"), data}});
    }
    addApiHeaders(&plan, 0);
    return plan;
}

std::optional<SimResponsePlan> SimulatorServer::rateLimited(int tokens)
{
    qint64 waitMs = 0;
    {
        QMutexLocker lock(&m_mutex);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!m_windowStart.isValid() || m_windowStart.msecsTo(now) >= 60000) {
            m_windowStart = now;
            m_windowRequests = 0;
            m_windowTokens = 0;
        }
        if (m_windowRequests + 1 <= m_limitRequests && m_windowTokens + tokens <= m_limitTokens) {
            ++m_windowRequests;
            m_windowTokens += tokens;
            return std::nullopt;
        }
        waitMs = std::max<qint64>(1, 60000 - m_windowStart.msecsTo(now));
    }
    SimFault fault = SimFault::httpError(429, QStringLiteral("rate_limit_exceeded"));
    fault.retryAfterMs = waitMs;
    fault.retryAfter = QString::number((waitMs + 999) / 1000);
    SimResponsePlan plan = SimChatResponder::httpError(fault);
    addApiHeaders(&plan, 0);
    return plan;
}

void SimulatorServer::addApiHeaders(SimResponsePlan *plan, int tokens)
{
    Q_UNUSED(tokens);
    QMutexLocker lock(&m_mutex);
    SimRandom random(SimRandom::hash(QByteArray::number(m_requestCount), m_seed ^ 0x5eed));
    const qint64 elapsed =
        m_windowStart.isValid() ? m_windowStart.msecsTo(QDateTime::currentDateTimeUtc()) : 0;
    const qint64 resetMs = std::max<qint64>(1, 60000 - elapsed);
    plan->addHeader("x-request-id",
                    "req_" + randomToken(random, 32, "0123456789abcdef").toLatin1());
    plan->addHeader("openai-version", "2020-10-01");
    plan->addHeader("openai-organization", "voiceai-simulator");
    plan->addHeader("x-ratelimit-limit-requests", QByteArray::number(m_limitRequests));
    plan->addHeader("x-ratelimit-limit-tokens", QByteArray::number(m_limitTokens));
    plan->addHeader("x-ratelimit-remaining-requests",
                    QByteArray::number(std::max(0, m_limitRequests - m_windowRequests)));
    plan->addHeader("x-ratelimit-remaining-tokens",
                    QByteArray::number(std::max<qint64>(0, m_limitTokens - m_windowTokens)));
    plan->addHeader("x-ratelimit-reset-requests", resetText(resetMs));
    plan->addHeader("x-ratelimit-reset-tokens", resetText(resetMs));
}
