#pragma once

#include <QByteArrayView>
#include <QList>

#include <deque>

class QNetworkReply;

// Client-side requests/min and tokens/min limits (configured, and learnt from the server's
// x-ratelimit-remaining-* / x-ratelimit-reset-* headers). Times are ms on a monotonic clock.
class RateLimiter
{
public:
    RateLimiter(int requestsPerMinute = 0, int tokensPerMinute = 0);

    // How long to wait before a request of `estimatedTokens` may start at `nowMs`; 0 = go now,
    // in which case the request is recorded against the limits.
    qint64 reserve(qint64 nowMs, int estimatedTokens);
    // Learns from a response's headers (any of them may be absent).
    void learn(qint64 nowMs, QByteArrayView remainingRequests, QByteArrayView resetRequests,
               QByteArrayView remainingTokens, QByteArrayView resetTokens);
    void learnFromReply(qint64 nowMs, const QNetworkReply &reply);

    qint64 blockedUntilMs() const;
    // "1s", "6m0s", "20ms", "1h2m3.5s", "0.5s" -> milliseconds; -1 if malformed.
    static qint64 parseDuration(QByteArrayView text);

private:
    void prune(qint64 nowMs);

    int m_rpm;
    int m_tpm;
    std::deque<qint64> m_requestTimes;
    std::deque<std::pair<qint64, int>> m_tokenUses;
    qint64 m_requestsBlockedUntil = 0;
    qint64 m_tokensBlockedUntil = 0;
    qint64 m_tokensRemaining = -1; // learnt; -1 = unknown
};
