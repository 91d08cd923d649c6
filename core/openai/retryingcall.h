#pragma once

#include "openai/attemptrecord.h"
#include "openai/chaterror.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

class OpenAIClient;
class QNetworkReply;

// The attempt loop of one API request that is not a chat completion (speech, transcription):
// sends an attempt, enforces the first-byte and total timeouts, retries what can be retried
// (408/409/429/5xx, network errors, timeouts, x-should-retry) after the wait the server asks
// for or an exponential back-off, and never retries once the caller has been given part of
// the answer. A server asking to wait longer than the request allows ends the request with a
// rate-limit error that says so. Subclasses build the attempt and read the answer.
class RetryingCall : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetryingCall)

public:
    struct Limits
    {
        int maxRetries = 3;
        int firstByteTimeoutMs = 30000;
        int totalTimeoutMs = 120000;
        qint64 maxServerDelayMs = 60000;
    };

    ~RetryingCall() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }

protected:
    RetryingCall(OpenAIClient *client, const Limits &limits, QObject *parent = nullptr);

    // Starts the first attempt from the event loop (so that the caller can connect first).
    void startLater();
    // One attempt: build the request with apiRequest() and post it through post().
    virtual QNetworkReply *sendAttempt() = 0;
    // True: a 2xx body is handed to onBodyData() as it arrives (audio streams); false: the
    // whole body goes to onSuccess().
    virtual bool streamsBody() const { return false; }
    virtual void onBodyData(const QByteArray &data) { Q_UNUSED(data); }
    // A 2xx answer arrived in full: parse it; an error here (bad JSON...) is not retried.
    virtual ChatError onSuccess(const QByteArray &body) = 0;
    // Exactly once, not after cancel(): fill in the result and emit the subclass's finished().
    virtual void onFinished(const ChatError &error) = 0;

    QNetworkRequest apiRequest(const QString &path, const QString &model, const QString &feature,
                               const QByteArray &contentType, const QByteArray &accept) const;
    QNetworkReply *post(const QNetworkRequest &request, const QByteArray &body);
    // Ends the call (e.g. a request refused before sending); does nothing the second time.
    void finish(const ChatError &error);
    // Marks that the caller has seen part of the answer: a later failure is not retried.
    void markDelivered() { m_delivered = true; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    // The client that made this call; null once it is destroyed.
    OpenAIClient *client() const { return m_client; }

    QList<AttemptRecord> m_attempts;
    QString m_requestId;
    QString m_model;           // for attempt records
    qint64 m_firstByteMs = -1; // of the answering attempt

private:
    void attempt();
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    void onTimeout(bool firstByte);
    void endAttempt(const ChatError &error);
    void dropReply();

    QPointer<OpenAIClient> m_client;
    Limits m_limits;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_clock;
    QElapsedTimer m_attemptClock;
    QTimer m_firstByteTimer;
    QTimer m_totalTimer;
    QTimer m_waitTimer;
    QByteArray m_body;
    QByteArray m_retryAfterMs;
    QByteArray m_retryAfter;
    int m_status = 0;
    int m_retriesUsed = 0;
    qint64 m_pendingDelayMs = 0;
    bool m_shouldRetrySet = false;
    bool m_shouldRetry = false;
    bool m_headersSeen = false;
    bool m_delivered = false;
    bool m_finished = false;
    bool m_cancelled = false;
};
