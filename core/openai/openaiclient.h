#pragma once

#include "openai/chatrequest.h"
#include "openai/chatresult.h"
#include "openai/clientsettings.h"
#include "openai/pricetable.h"
#include "openai/ratelimiter.h"

#include <QElapsedTimer>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

class ChatCall;
class CredentialProvider;
class MetricsRegistry;
class ModelsCall;
class QNetworkAccessManager;

// The asynchronous OpenAI chat completions client: one QNetworkAccessManager, a queue with a
// concurrency cap, client-side RPM/TPM limits learnt from x-ratelimit-* headers, cost and metrics.
class OpenAIClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAIClient)

public:
    // `credentials` and `metrics` may be null (no key: e.g. the local simulator; no metrics).
    // Neither is owned; both must outlive the client. Destroying the client cancels the requests
    // still queued or running (their handlers then emit nothing more).
    OpenAIClient(ClientSettings settings, CredentialProvider *credentials, PriceTable prices,
                 MetricsRegistry *metrics, QObject *parent = nullptr);
    ~OpenAIClient() override;

    // Starts (or queues) a request. The returned handler is owned by the caller: deleteLater()
    // it after finished(). Deleting it earlier cancels the request.
    ChatCall *chat(const ChatRequest &request);
    // GET /models, e.g. to validate a key. Owned by the caller like ChatCall.
    ModelsCall *listModels(const QString &feature);

    const ClientSettings &settings() const { return m_settings; }
    const PriceTable &prices() const { return m_prices; }
    int activeCount() const { return m_active; }
    int queuedCount() const;
    const RateLimiter &rateLimiter() const { return m_limiter; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

signals:
    // Every finished request (not cancelled ones), for usage stores and alerts.
    void requestCompleted(const ChatResult &result, const ChatRequest &request);

private:
    friend class ChatCall;
    void enqueue(ChatCall *call);
    void release(ChatCall *call);
    void dispatch();
    QNetworkRequest buildRequest(const QString &path, const QString &model, const QString &feature,
                                 bool stream);
    void recordCompletion(const ChatResult &result, const ChatRequest &request);
    qint64 monotonicMs() const { return m_monotonic.elapsed(); }

    ClientSettings m_settings;
    CredentialProvider *m_credentials;
    PriceTable m_prices;
    MetricsRegistry *m_metrics;
    QNetworkAccessManager *m_nam;
    RateLimiter m_limiter;
    QList<QPointer<ChatCall>> m_queue;
    QList<QPointer<ChatCall>> m_running;
    int m_active = 0;
    bool m_dispatchScheduled = false;
    QElapsedTimer m_monotonic;
};
