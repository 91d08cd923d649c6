#include "openai/chatcall.h"

#include "openai/chatexchange.h"
#include "openai/chatrequestencoder.h"
#include "openai/connectionpools.h"
#include "openai/openaiclient.h"
#include "openai/openailog.h"
#include "openai/retrypolicy.h"

#include <QDateTime>
#include <QNetworkRequest>

namespace {

// Deltas waiting longer than the batch window are flushed early when this much text piles up.
constexpr qsizetype MaxPendingBytes = 64 * 1024;

bool isRetryable(const ExchangeOutcome &outcome)
{
    const ChatError &error = outcome.error;
    if (error.type == ChatErrorType::Quota || error.type == ChatErrorType::Cancelled)
        return false;
    if (outcome.shouldRetry)
        return *outcome.shouldRetry;
    if (outcome.httpStatus / 100 != 2 && outcome.httpStatus != 0)
        return RetryPolicy::isRetryableStatus(outcome.httpStatus);
    switch (error.type) {
    case ChatErrorType::Network:
    case ChatErrorType::Timeout:
    case ChatErrorType::IncompleteStream:
    case ChatErrorType::RateLimit:
    case ChatErrorType::Server:
        return true;
    default:
        return false;
    }
}

// Failures that say "this model, not this request" and justify the fallback model at once.
bool isModelLevel(const ChatError &error)
{
    return error.type == ChatErrorType::NotFound || error.httpStatus >= 500;
}

} // namespace

ChatCall::ChatCall(OpenAIClient *client, const ChatRequest &request)
    : m_client(client)
    , m_request(request)
{
    m_clock.start();
    m_result.model = request.primary.model;
    m_waitTimer.setSingleShot(true);
    // Retry waits are a promise to the server ("not before Retry-After"): no early coarse firing.
    m_waitTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_waitTimer, &QTimer::timeout, this, [this] {
        const qint64 left = m_waitUntilMs - m_clock.elapsed();
        if (left > 0)
            m_waitTimer.start(int(left));
        else
            startAttempt();
    });
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &ChatCall::flushDeltas);
}

ChatCall::~ChatCall()
{
    if (!m_finished && !m_cancelled)
        cancel();
}

void ChatCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_waitTimer.stop();
    m_flushTimer.stop();
    if (m_exchange) {
        m_exchange->abort();
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
    m_result.content = QString::fromUtf8(m_content);
    m_result.error.type = ChatErrorType::Cancelled;
    m_result.error.message = QStringLiteral("cancelled by the caller");
    m_result.latencyMs = m_clock.elapsed();
    qCDebug(lcOpenAI) << "request cancelled after" << m_result.latencyMs << "ms, feature"
                      << m_request.feature;
    releaseSlot();
}

QString ChatCall::contentSoFar() const
{
    return QString::fromUtf8(m_content);
}

const ModelConfig &ChatCall::currentModel() const
{
    return m_onFallback ? *m_request.fallback : m_request.primary;
}

qint64 ChatCall::remainingBudgetMs() const
{
    return m_request.deadlineMs > 0 ? m_request.deadlineMs - m_clock.elapsed() : -1;
}

void ChatCall::start()
{
    m_started = true;
    startAttempt();
}

void ChatCall::startAttempt()
{
    if (m_cancelled || m_finished)
        return;
    if (!m_client) {
        complete({ChatErrorType::Cancelled, QStringLiteral("the client was destroyed"), 0, {}});
        return;
    }
    if (!currentModel().isValid()) {
        complete({ChatErrorType::InvalidRequest, QStringLiteral("no model configured"), 0, {}});
        return;
    }
    if (m_request.messages.isEmpty()) {
        complete(
            {ChatErrorType::InvalidRequest, QStringLiteral("the request has no messages"), 0, {}});
        return;
    }
    const qint64 budget = remainingBudgetMs();
    if (m_request.deadlineMs > 0 && budget <= 0) {
        complete(
            {ChatErrorType::Timeout,
             QStringLiteral("the request's deadline of %1 ms has passed").arg(m_request.deadlineMs),
             0,
             {}});
        return;
    }
    const qint64 limiterWait = m_client->m_limiter.reserve(
        m_client->monotonicMs(), ChatRequestEncoder::estimateTokens(m_request, currentModel()));
    if (limiterWait > 0) {
        qCDebug(lcOpenAI) << "client-side rate limit: waiting" << limiterWait << "ms";
        waitThenAttempt(limiterWait);
        return;
    }

    QNetworkRequest request =
        m_client->buildRequest(QStringLiteral("/chat/completions"), currentModel().model,
                               m_request.feature, m_request.stream);
    int totalTimeout = m_request.totalTimeoutMs;
    if (budget > 0)
        totalTimeout = totalTimeout > 0 ? int(qMin<qint64>(totalTimeout, budget)) : int(budget);
    // QNAM's own transfer timeout is only a safety net behind the exchange's timers: when it fires
    // first it aborts with OperationCanceledError, which would hide that the request timed out.
    constexpr int SafetyNetMs = 2000;
    request.setTransferTimeout(qMax(m_request.firstByteTimeoutMs, totalTimeout) + SafetyNetMs);
    QNetworkReply *reply =
        m_client->m_pools->post(request, ChatRequestEncoder::encode(m_request, currentModel()));
    m_exchange =
        new ChatExchange(reply, m_request.stream, m_request.firstByteTimeoutMs, totalTimeout, this);
    m_exchange->setParent(this);
    connect(m_exchange, &ChatExchange::finished, this, &ChatCall::onExchangeFinished);
}

void ChatCall::waitThenAttempt(qint64 delayMs)
{
    m_pendingDelayMs += delayMs;
    m_waitUntilMs = m_clock.elapsed() + delayMs;
    m_waitTimer.start(int(qMin<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void ChatCall::onExchangeFinished()
{
    ChatExchange *exchange = m_exchange;
    m_exchange = nullptr;
    exchange->deleteLater();
    const ExchangeOutcome outcome = exchange->outcome();
    if (m_client && exchange->reply())
        m_client->m_limiter.learnFromReply(m_client->monotonicMs(), *exchange->reply());

    AttemptRecord attempt;
    attempt.model = currentModel().model;
    attempt.httpStatus = outcome.httpStatus;
    attempt.delayMs = m_pendingDelayMs;
    attempt.latencyMs = outcome.latencyMs;
    if (outcome.error.isError())
        attempt.error = outcome.error.typeName() + QStringLiteral(": ") + outcome.error.message;
    m_result.attempts.append(attempt);
    m_pendingDelayMs = 0;
    if (!outcome.requestId.isEmpty())
        m_result.requestId = outcome.requestId;
    m_result.model = outcome.model.isEmpty() ? currentModel().model : outcome.model;
    m_result.usedFallback = m_onFallback;
    m_result.finishReason = outcome.finishReason;
    m_result.usage = outcome.usage;
    m_result.toolCalls = outcome.toolCalls;

    if (!outcome.error.isError()) {
        complete({});
        return;
    }
    if (outcome.deliveredContent) {
        // The caller has seen this text (a live call may have spoken it): replaying the request
        // would say it twice. Report the broken turn with what arrived.
        m_result.incomplete = true;
        complete(outcome.error);
        return;
    }
    if (!m_onFallback && m_request.fallback && isModelLevel(outcome.error) &&
        switchToFallback(outcome.error))
        return;
    if (isRetryable(outcome) && m_retriesUsed < m_request.maxRetries) {
        const qint64 serverDelay = RetryPolicy::serverDelayMs(
            outcome.retryAfterMs, outcome.retryAfter, QDateTime::currentDateTimeUtc());
        const qint64 delay = serverDelay >= 0 && serverDelay <= RetryPolicy::MaxServerDelayMs
                                 ? serverDelay
                                 : RetryPolicy::backoffMs(m_retriesUsed);
        const qint64 budget = remainingBudgetMs();
        const qint64 wanted = qMax(delay, serverDelay);
        if (m_request.deadlineMs > 0 && wanted >= budget) {
            qCDebug(lcOpenAI) << "server asks for" << wanted << "ms, the deadline leaves" << budget;
            if (!switchToFallback(outcome.error))
                complete(outcome.error);
            return;
        }
        ++m_retriesUsed;
        qCDebug(lcOpenAI).nospace()
            << "retry " << m_retriesUsed << "/" << m_request.maxRetries << " of "
            << currentModel().model << " in " << delay << " ms after " << outcome.error.typeName();
        scheduleRetry(delay);
        return;
    }
    const bool exhausted = isRetryable(outcome);
    if (exhausted && switchToFallback(outcome.error))
        return;
    complete(outcome.error);
}

void ChatCall::scheduleRetry(qint64 delayMs)
{
    waitThenAttempt(delayMs);
}

bool ChatCall::switchToFallback(const ChatError &reason)
{
    if (m_onFallback || !m_request.fallback || !m_request.fallback->isValid())
        return false;
    const QString from = m_request.primary.model;
    const QString to = m_request.fallback->model;
    qCWarning(lcOpenAI).noquote() << "model" << from
                                  << "failed (" + reason.typeName() + "):" << reason.message
                                  << "- falling back to" << to;
    m_onFallback = true;
    m_retriesUsed = 0;
    QPointer<ChatCall> guard(this);
    emit fallbackStarted(from, to, reason);
    if (!guard || m_cancelled)
        return true;
    startAttempt();
    return true;
}

void ChatCall::appendContent(const char *utf8, qsizetype size)
{
    if (m_content.isEmpty())
        m_result.ttftMs = m_clock.elapsed();
    m_content.append(utf8, size);
    if (m_content.size() - m_delivered >= MaxPendingBytes) {
        // Flush from the event loop, never from inside the parser's callback.
        m_flushTimer.start(0);
    } else if (!m_flushTimer.isActive()) {
        m_flushTimer.start(m_client ? m_client->settings().deltaBatchMs : 0);
    }
}

void ChatCall::readBatchDone()
{
    // A fast stream keeps the event loop busy with network reads and can starve the batch
    // timer; deliver from here once the window has passed.
    const int window = m_client ? m_client->settings().deltaBatchMs : 0;
    if (m_delivered < m_content.size() &&
        (!m_sinceFlush.isValid() || m_sinceFlush.elapsed() >= window))
        flushDeltas();
}

void ChatCall::flushDeltas()
{
    m_flushTimer.stop();
    m_sinceFlush.start();
    if (m_cancelled || m_delivered >= m_content.size())
        return;
    const QString text =
        QString::fromUtf8(m_content.constData() + m_delivered, m_content.size() - m_delivered);
    m_delivered = m_content.size();
    emit contentDelta(text);
}

void ChatCall::complete(const ChatError &error)
{
    if (m_finished || m_cancelled)
        return;
    QPointer<ChatCall> guard(this);
    flushDeltas();
    if (!guard || m_cancelled)
        return;
    m_finished = true;
    m_waitTimer.stop();
    m_result.content = QString::fromUtf8(m_content);
    m_result.error = error;
    m_result.latencyMs = m_clock.elapsed();
    m_result.usedFallback = m_onFallback;
    if (m_client)
        m_result.costUsd = m_client->prices().costUsd(m_result.model, m_result.usage);
    releaseSlot();
    if (m_client)
        m_client->recordCompletion(m_result, m_request);
    if (!guard)
        return;
    emit finished(m_result);
}

void ChatCall::releaseSlot()
{
    if (m_client)
        m_client->release(this);
}
