#include "openai/retryingcall.h"

#include "openai/apierror.h"
#include "openai/connectionpools.h"
#include "openai/openaiclient.h"
#include "openai/openailog.h"
#include "openai/retrypolicy.h"

#include <QDateTime>
#include <QNetworkReply>

#include <limits>

RetryingCall::RetryingCall(OpenAIClient *client, const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_limits(limits)
{
    m_clock.start();
    for (QTimer *timer : {&m_firstByteTimer, &m_totalTimer, &m_waitTimer}) {
        timer->setSingleShot(true);
        // Timeouts must not fire early, and retry waits are a promise to the server.
        timer->setTimerType(Qt::PreciseTimer);
    }
    connect(&m_firstByteTimer, &QTimer::timeout, this, [this] { onTimeout(true); });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] { onTimeout(false); });
    connect(&m_waitTimer, &QTimer::timeout, this, &RetryingCall::attempt);
}

RetryingCall::~RetryingCall()
{
    dropReply();
}

void RetryingCall::startLater()
{
    QMetaObject::invokeMethod(this, &RetryingCall::attempt, Qt::QueuedConnection);
}

void RetryingCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_waitTimer.stop();
    m_firstByteTimer.stop();
    m_totalTimer.stop();
    dropReply();
}

void RetryingCall::dropReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_reply = nullptr;
}

QNetworkRequest RetryingCall::apiRequest(const QString &path, const QString &model,
                                         const QString &feature, const QByteArray &contentType,
                                         const QByteArray &accept) const
{
    QNetworkRequest request = m_client->buildRequest(path, model, feature, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("Accept", accept);
    // QNAM's own timeout is only a safety net behind this call's timers.
    constexpr int SafetyNetMs = 2000;
    request.setTransferTimeout(qMax(m_limits.firstByteTimeoutMs, m_limits.totalTimeoutMs) +
                               SafetyNetMs);
    return request;
}

QNetworkReply *RetryingCall::post(const QNetworkRequest &request, const QByteArray &body)
{
    return m_client->m_pools->post(request, body);
}

void RetryingCall::attempt()
{
    if (m_finished || m_cancelled)
        return;
    if (!m_client) {
        finish({ChatErrorType::Cancelled, QStringLiteral("the client was destroyed"), 0, {}});
        return;
    }
    m_status = 0;
    m_body.clear();
    m_retryAfter.clear();
    m_retryAfterMs.clear();
    m_shouldRetrySet = false;
    m_headersSeen = false;
    m_attemptClock.start();
    m_reply = sendAttempt();
    if (!m_reply)
        return; // the subclass finished the call itself (bad request)
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &RetryingCall::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &RetryingCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &RetryingCall::onReplyFinished);
    if (m_limits.firstByteTimeoutMs > 0)
        m_firstByteTimer.start(m_limits.firstByteTimeoutMs);
    if (m_limits.totalTimeoutMs > 0)
        m_totalTimer.start(m_limits.totalTimeoutMs);
}

void RetryingCall::onMetaData()
{
    if (m_headersSeen || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersSeen = true;
    m_firstByteTimer.stop();
    m_status = status.toInt();
    m_firstByteMs = m_attemptClock.elapsed();
    const QString requestId = QString::fromLatin1(m_reply->rawHeader("x-request-id"));
    if (!requestId.isEmpty())
        m_requestId = requestId;
    m_retryAfterMs = m_reply->rawHeader("retry-after-ms");
    m_retryAfter = m_reply->rawHeader("retry-after");
    if (const auto shouldRetry =
            RetryPolicy::parseShouldRetry(m_reply->rawHeader("x-should-retry"))) {
        m_shouldRetrySet = true;
        m_shouldRetry = *shouldRetry;
    }
}

void RetryingCall::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_headersSeen)
        onMetaData();
    const QByteArray data = m_reply->readAll();
    if (m_status / 100 == 2 && streamsBody()) {
        if (!data.isEmpty())
            onBodyData(data); // the caller may cancel, or delete this call, in there
    } else {
        m_body.append(data);
    }
}

void RetryingCall::onReplyFinished()
{
    if (!m_reply)
        return;
    if (!m_headersSeen)
        onMetaData();
    const QPointer<RetryingCall> guard(this);
    onReadyRead();
    if (!guard || !m_reply)
        return; // cancelled (or deleted) while reading
    m_firstByteTimer.stop();
    m_totalTimer.stop();
    const QNetworkReply::NetworkError networkError = m_reply->error();
    const QString errorText = m_reply->errorString();
    dropReply();
    if (m_status == 0) {
        endAttempt(ApiError::fromNetwork(networkError, errorText));
    } else if (m_status / 100 != 2) {
        endAttempt(ApiError::fromBody(m_status, m_body));
    } else if (networkError != QNetworkReply::NoError) {
        ChatError error = ApiError::fromNetwork(networkError, errorText);
        if (m_delivered)
            error.type = ChatErrorType::IncompleteStream;
        endAttempt(error);
    } else {
        const ChatError error = onSuccess(m_body);
        m_attempts.append({m_model, m_status, m_pendingDelayMs, m_attemptClock.elapsed(),
                           error.isError() ? error.typeName() + QStringLiteral(": ") + error.message
                                           : QString()});
        m_pendingDelayMs = 0;
        finish(error);
    }
}

void RetryingCall::onTimeout(bool firstByte)
{
    if (!m_reply)
        return;
    ChatError error;
    error.type = m_delivered ? ChatErrorType::IncompleteStream : ChatErrorType::Timeout;
    error.httpStatus = m_status;
    error.message = firstByte ? QStringLiteral("no response within %1 ms (first-byte timeout)")
                                    .arg(m_limits.firstByteTimeoutMs)
                              : QStringLiteral("the request exceeded its total timeout of %1 ms")
                                    .arg(m_limits.totalTimeoutMs);
    m_firstByteTimer.stop();
    m_totalTimer.stop();
    dropReply();
    endAttempt(error);
}

void RetryingCall::endAttempt(const ChatError &error)
{
    m_attempts.append({m_model, m_status, m_pendingDelayMs, m_attemptClock.elapsed(),
                       error.typeName() + QStringLiteral(": ") + error.message});
    m_pendingDelayMs = 0;
    if (m_delivered) {
        // The caller has part of the answer (audio may be playing): a retry would repeat it.
        finish(error);
        return;
    }
    bool retryable = false;
    if (error.type == ChatErrorType::Quota || error.type == ChatErrorType::Cancelled)
        retryable = false;
    else if (m_shouldRetrySet)
        retryable = m_shouldRetry;
    else if (m_status != 0)
        retryable = RetryPolicy::isRetryableStatus(m_status);
    else
        retryable = error.type == ChatErrorType::Network || error.type == ChatErrorType::Timeout;
    if (!retryable || m_retriesUsed >= m_limits.maxRetries) {
        finish(error);
        return;
    }
    const qint64 serverDelay =
        RetryPolicy::serverDelayMs(m_retryAfterMs, m_retryAfter, QDateTime::currentDateTimeUtc());
    if (serverDelay > m_limits.maxServerDelayMs) {
        ChatError tooLong = error;
        tooLong.message = QStringLiteral("the server asked to wait %1 s, longer than the %2 s "
                                         "allowed (%3)")
                              .arg(double(serverDelay) / 1000.0, 0, 'f', 1)
                              .arg(double(m_limits.maxServerDelayMs) / 1000.0, 0, 'f', 1)
                              .arg(error.message);
        m_attempts.last().delayMs = serverDelay; // what was asked for, for the record
        finish(tooLong);
        return;
    }
    const qint64 delay = serverDelay >= 0 ? serverDelay : RetryPolicy::backoffMs(m_retriesUsed);
    ++m_retriesUsed;
    qCDebug(lcOpenAI).nospace() << "retry " << m_retriesUsed << "/" << m_limits.maxRetries << " of "
                                << m_model << " in " << delay << " ms after " << error.typeName();
    m_pendingDelayMs = delay;
    m_waitTimer.start(int(qMin<qint64>(delay, std::numeric_limits<int>::max())));
}

void RetryingCall::finish(const ChatError &error)
{
    if (m_finished || m_cancelled)
        return;
    m_finished = true;
    m_waitTimer.stop();
    m_firstByteTimer.stop();
    m_totalTimer.stop();
    onFinished(error);
}
