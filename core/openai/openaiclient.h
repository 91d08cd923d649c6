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

#include <functional>

class ChatCall;
class ConnectionPools;
class RetryingCall;
class SpeechCall;
class TranscriptionCall;
struct SpeechRequest;
struct SpeechResult;
struct TranscriptionRequest;
struct TranscriptionResult;
class CredentialProvider;
class MetricsRegistry;
class ModelsCall;
class QNetworkAccessManager;

// The asynchronous OpenAI chat completions client: a small pool of QNetworkAccessManagers (so
// HTTP/1.1 backends get more than QNAM's 6 connections per host), a queue with a concurrency cap,
// client-side RPM/TPM limits learnt from x-ratelimit-* headers, cost and metrics.
class OpenAIClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAIClient)

public:
    // `credentials` and `metrics` may be null (no key: e.g. the local simulator; no metrics).
    // Neither is owned; both must outlive the client. Destroying the client cancels the requests
    // still queued or running (their handlers then emit nothing more); the handlers may be
    // deleted before or after the client.
    OpenAIClient(ClientSettings settings, CredentialProvider *credentials, PriceTable prices,
                 MetricsRegistry *metrics, QObject *parent = nullptr);
    ~OpenAIClient() override;

    // Starts (or queues) a request. The returned handler is owned by the caller: deleteLater()
    // it after finished(). Deleting it earlier cancels the request.
    ChatCall *chat(const ChatRequest &request);
    // GET /models, e.g. to validate a key. Owned by the caller like ChatCall.
    ModelsCall *listModels(const QString &feature);
    // POST /audio/speech (PCM streamed) and POST /audio/transcriptions; owned by the caller like
    // ChatCall. They bypass the chat queue: each is one short request of its own.
    SpeechCall *speech(const SpeechRequest &request);
    TranscriptionCall *transcribe(const TranscriptionRequest &request);

    const ClientSettings &settings() const { return m_settings; }
    const PriceTable &prices() const { return m_prices; }
    int activeCount() const { return m_active; }
    int queuedCount() const;
    const RateLimiter &rateLimiter() const { return m_limiter; }
    // The first of the client's network managers (the one HTTP/2 origins stay on).
    QNetworkAccessManager *networkAccessManager() const;
    // Applies `configure` (proxy, transfer timeout, redirect policy...) to every network manager
    // of the client, now and to those created later, so that all of them behave the same.
    void configureNetwork(const std::function<void(QNetworkAccessManager *)> &configure);
    const ConnectionPools &connectionPools() const { return *m_pools; }

signals:
    // Every finished request (not cancelled ones), for usage stores and alerts.
    void requestCompleted(const ChatResult &result, const ChatRequest &request);
    // Every finished speech / transcription request (not cancelled ones), for usage records.
    void speechCompleted(const SpeechResult &result, const SpeechRequest &request);
    void transcriptionCompleted(const TranscriptionResult &result,
                                const TranscriptionRequest &request);

private:
    friend class ChatCall;
    friend class RetryingCall;
    friend class SpeechCall;
    friend class TranscriptionCall;
    void enqueue(ChatCall *call);
    void release(ChatCall *call);
    void dispatch();
    QNetworkRequest buildRequest(const QString &path, const QString &model, const QString &feature,
                                 bool stream);
    void recordCompletion(const ChatResult &result, const ChatRequest &request);
    void recordSpeech(const SpeechResult &result, const SpeechRequest &request);
    void recordTranscription(const TranscriptionResult &result,
                             const TranscriptionRequest &request);
    qint64 monotonicMs() const { return m_monotonic.elapsed(); }

    ClientSettings m_settings;
    CredentialProvider *m_credentials;
    PriceTable m_prices;
    MetricsRegistry *m_metrics;
    ConnectionPools *m_pools; // child
    RateLimiter m_limiter;
    QList<QPointer<ChatCall>> m_queue;
    QList<QPointer<ChatCall>> m_running;
    QList<QPointer<ModelsCall>> m_modelCalls;
    QList<QPointer<RetryingCall>> m_audioCalls;
    int m_active = 0;
    bool m_dispatchScheduled = false;
    QElapsedTimer m_monotonic;
};
