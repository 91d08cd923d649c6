#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <optional>

// Which failures are retried and how long to wait before the next attempt.
class RetryPolicy
{
public:
    static constexpr qint64 MaxServerDelayMs = 60000;
    static constexpr qint64 InitialBackoffMs = 1000;
    static constexpr qint64 MaxBackoffMs = 16000;

    // 408, 409, 429 and 5xx; never other 4xx.
    static bool isRetryableStatus(int httpStatus);
    // x-should-retry: "true" / "false" overrides the status rule; anything else is ignored.
    static std::optional<bool> parseShouldRetry(QByteArrayView header);
    // The wait the server asks for: retry-after-ms, else Retry-After (seconds, fractional seconds,
    // or an HTTP date relative to `now`). -1 when absent or unparsable; may exceed
    // MaxServerDelayMs.
    static qint64 serverDelayMs(QByteArrayView retryAfterMs, QByteArrayView retryAfter,
                                const QDateTime &now);
    // Exponential backoff for the retry with 0-based index `retry`, with up to +25% jitter.
    static qint64 backoffMs(int retry);
};
