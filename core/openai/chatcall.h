#pragma once

#include "openai/chatrequest.h"
#include "openai/chatresult.h"
#include "openai/contentsink.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class ChatExchange;
class OpenAIClient;

// The handler of one chat request: runs its attempts (retries, fallback), delivers streamed text
// in batches and reports exactly one finished(); nothing is emitted after cancel().
// Created by OpenAIClient::chat(); owned by the caller (deleteLater() after finished).
class ChatCall : public QObject, private ContentSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatCall)

public:
    ~ChatCall() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    const ChatResult &result() const { return m_result; }
    const ChatRequest &request() const { return m_request; }
    // Everything streamed so far (including text not yet delivered by contentDelta).
    QString contentSoFar() const;

signals:
    // Batched pieces of streamed text, in order (never one signal per SSE chunk).
    void contentDelta(const QString &text);
    // The primary failed and the fallback model takes over (also logged as a warning).
    void fallbackStarted(const QString &fromModel, const QString &toModel, const ChatError &reason);
    // Exactly once, never after cancel().
    void finished(const ChatResult &result);

private:
    friend class OpenAIClient;
    friend class ChatExchange;
    ChatCall(OpenAIClient *client, const ChatRequest &request);

    void start(); // called by the client's queue when a concurrency slot is free
    void startAttempt();
    void onExchangeFinished();
    void scheduleRetry(qint64 delayMs);
    void waitThenAttempt(qint64 delayMs);
    qint64 remainingBudgetMs() const;
    bool switchToFallback(const ChatError &reason);
    void complete(const ChatError &error);
    void appendContent(const char *utf8, qsizetype size) override; // per chunk, from the exchange
    void readBatchDone() override;
    void flushDeltas();
    void releaseSlot();
    const ModelConfig &currentModel() const;

    QPointer<OpenAIClient> m_client;
    ChatRequest m_request;
    ChatResult m_result;
    ChatExchange *m_exchange = nullptr; // child; the attempt in flight
    QElapsedTimer m_clock;              // since chat() was called
    QElapsedTimer m_waitClock;
    QTimer m_waitTimer;  // retry delays and rate-limit waits
    QTimer m_flushTimer; // delta batching window
    QElapsedTimer m_sinceFlush;
    QByteArray m_content;      // UTF-8, everything received on the answering attempt
    qsizetype m_delivered = 0; // bytes of m_content already emitted via contentDelta
    qint64 m_pendingDelayMs = 0;
    qint64 m_waitUntilMs = 0;
    int m_retriesUsed = 0;
    bool m_onFallback = false;
    bool m_started = false;
    bool m_holdsSlot = false;
    bool m_finished = false;
    bool m_cancelled = false;
};
