#include "openai/openaiclient.h"

#include "metrics/metricsregistry.h"
#include "openai/chatcall.h"
#include "openai/connectionpools.h"
#include "openai/credentialprovider.h"
#include "openai/modelscall.h"
#include "openai/openailog.h"
#include "openai/retryingcall.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrlQuery>

OpenAIClient::OpenAIClient(ClientSettings settings, CredentialProvider *credentials,
                           PriceTable prices, MetricsRegistry *metrics, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_credentials(credentials)
    , m_prices(std::move(prices))
    , m_metrics(metrics)
    , m_pools(new ConnectionPools(m_settings.connectionsPerPool, m_settings.maxPools, this))
    , m_limiter(m_settings.requestsPerMinute, m_settings.tokensPerMinute)
{
    m_monotonic.start();
    m_settings.maxConcurrent = qMax(1, m_settings.maxConcurrent);
}

OpenAIClient::~OpenAIClient()
{
    // Stop every request while the managers still exist; the replies are children of their
    // manager and go with it, so handlers deleted later find nothing left to touch.
    const QList<QPointer<ChatCall>> calls = m_running + m_queue;
    for (const QPointer<ChatCall> &call : calls) {
        if (call)
            call->cancel();
    }
    for (const QPointer<ModelsCall> &call : std::as_const(m_modelCalls)) {
        if (call)
            call->cancel();
    }
    for (const QPointer<RetryingCall> &call : std::as_const(m_audioCalls)) {
        if (call)
            call->cancel();
    }
}

QNetworkAccessManager *OpenAIClient::networkAccessManager() const
{
    return m_pools->primary();
}

void OpenAIClient::configureNetwork(const std::function<void(QNetworkAccessManager *)> &configure)
{
    m_pools->configure(configure);
}

ChatCall *OpenAIClient::chat(const ChatRequest &request)
{
    auto *call = new ChatCall(this, request);
    enqueue(call);
    return call;
}

ModelsCall *OpenAIClient::listModels(const QString &feature)
{
    const QNetworkRequest request = buildRequest(QStringLiteral("/models"), {}, feature, false);
    m_modelCalls.removeAll(nullptr);
    auto *call = new ModelsCall(m_pools->get(request), 30000);
    m_modelCalls.append(call);
    return call;
}

int OpenAIClient::queuedCount() const
{
    int count = 0;
    for (const QPointer<ChatCall> &call : m_queue)
        count += call && !call->isCancelled() ? 1 : 0;
    return count;
}

void OpenAIClient::enqueue(ChatCall *call)
{
    m_queue.append(call);
    // Start from the event loop so that the caller can connect to the handler first.
    if (!m_dispatchScheduled) {
        m_dispatchScheduled = true;
        QMetaObject::invokeMethod(this, &OpenAIClient::dispatch, Qt::QueuedConnection);
    }
}

void OpenAIClient::dispatch()
{
    m_dispatchScheduled = false;
    while (m_active < m_settings.maxConcurrent && !m_queue.isEmpty()) {
        const QPointer<ChatCall> call = m_queue.takeFirst();
        if (!call || call->isCancelled() || call->isFinished())
            continue;
        ++m_active;
        m_running.append(call);
        call->m_holdsSlot = true;
        call->start();
    }
}

void OpenAIClient::release(ChatCall *call)
{
    m_queue.removeAll(call);
    m_running.removeAll(call);
    if (!call->m_holdsSlot)
        return;
    call->m_holdsSlot = false;
    --m_active;
    if (!m_queue.isEmpty() && !m_dispatchScheduled) {
        m_dispatchScheduled = true;
        QMetaObject::invokeMethod(this, &OpenAIClient::dispatch, Qt::QueuedConnection);
    }
}

QNetworkRequest OpenAIClient::buildRequest(const QString &path, const QString &model,
                                           const QString &feature, bool stream)
{
    QUrl url = m_settings.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    if (m_settings.azure) {
        // https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT/chat/completions?api-version=V
        if (!basePath.endsWith(QLatin1String("/openai")))
            basePath += QLatin1String("/openai");
        if (!model.isEmpty())
            basePath +=
                QLatin1String("/deployments/") + QString::fromUtf8(QUrl::toPercentEncoding(model));
        url.setPath(basePath + path);
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("api-version"));
        query.addQueryItem(QStringLiteral("api-version"), m_settings.azureApiVersion);
        url.setQuery(query);
    } else {
        url.setPath(basePath + path);
    }

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", stream ? "text/event-stream" : "application/json");
    request.setRawHeader("User-Agent", "VoiceAI-Supervisor/" QT_STRINGIFY(QT_VERSION_MAJOR));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    const Credential credential = m_credentials ? m_credentials->credential(feature) : Credential{};
    if (credential.isValid()) {
        if (m_settings.azure)
            request.setRawHeader("api-key", credential.apiKey);
        else
            request.setRawHeader("Authorization", "Bearer " + credential.apiKey);
    }
    if (!m_settings.azure) {
        if (!m_settings.organization.isEmpty())
            request.setRawHeader("OpenAI-Organization", m_settings.organization.toUtf8());
        if (!m_settings.project.isEmpty())
            request.setRawHeader("OpenAI-Project", m_settings.project.toUtf8());
    }
    return request;
}

void OpenAIClient::recordCompletion(const ChatResult &result, const ChatRequest &request)
{
    // One structured record per request; it never contains headers, keys or message text.
    QJsonObject record{
        {QLatin1String("feature"), request.feature},
        {QLatin1String("model"), result.model},
        {QLatin1String("usedFallback"), result.usedFallback},
        {QLatin1String("promptTokens"), result.usage.promptTokens},
        {QLatin1String("completionTokens"), result.usage.completionTokens},
        {QLatin1String("durationMs"), double(result.latencyMs)},
        {QLatin1String("ttftMs"), double(result.ttftMs)},
        {QLatin1String("attempts"), int(result.attempts.size())},
        {QLatin1String("costUsd"), result.costUsd},
        {QLatin1String("requestId"), result.requestId},
        {QLatin1String("success"), result.ok()},
    };
    if (!request.callId.isEmpty())
        record.insert(QLatin1String("callId"), request.callId);
    if (!result.ok()) {
        record.insert(QLatin1String("error"), result.error.typeName());
        record.insert(QLatin1String("errorMessage"), result.error.message);
        record.insert(QLatin1String("incomplete"), result.incomplete);
    }
    const QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact);
    if (result.ok())
        qCInfo(lcOpenAI).noquote() << "request" << line;
    else
        qCWarning(lcOpenAI).noquote() << "request" << line;

    if (m_metrics) {
        const QString &model = result.model;
        m_metrics->observe(QStringLiteral("openai.request.latency"), double(result.latencyMs),
                           model);
        m_metrics->increment(result.ok() ? QStringLiteral("openai.request.success")
                                         : QStringLiteral("openai.request.failure"),
                             1, model);
        m_metrics->increment(QStringLiteral("openai.tokens.prompt"), result.usage.promptTokens,
                             model);
        m_metrics->increment(QStringLiteral("openai.tokens.completion"),
                             result.usage.completionTokens, model);
        m_metrics->increment(QStringLiteral("openai.tokens.total"), result.usage.totalTokens,
                             model);
        m_metrics->increment(QStringLiteral("openai.cost"), result.costUsd, model);
        m_metrics->increment(QStringLiteral("openai.model.usage"), 1, model);
    }
    emit requestCompleted(result, request);
}
