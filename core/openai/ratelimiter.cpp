#include "openai/ratelimiter.h"

#include <QNetworkReply>

#include <algorithm>
#include <cmath>

namespace {

constexpr qint64 WindowMs = 60000;

qint64 parseInteger(QByteArrayView text)
{
    bool ok = false;
    const qint64 value = QByteArray(text.data(), text.size()).trimmed().toLongLong(&ok);
    return ok ? value : -1;
}

} // namespace

RateLimiter::RateLimiter(int requestsPerMinute, int tokensPerMinute)
    : m_rpm(requestsPerMinute)
    , m_tpm(tokensPerMinute)
{}

void RateLimiter::prune(qint64 nowMs)
{
    while (!m_requestTimes.empty() && m_requestTimes.front() <= nowMs - WindowMs)
        m_requestTimes.pop_front();
    while (!m_tokenUses.empty() && m_tokenUses.front().first <= nowMs - WindowMs)
        m_tokenUses.pop_front();
}

qint64 RateLimiter::reserve(qint64 nowMs, int estimatedTokens)
{
    prune(nowMs);
    qint64 wait = 0;
    wait = std::max(wait, m_requestsBlockedUntil - nowMs);
    if (m_tokensRemaining >= 0 && m_tokensRemaining < estimatedTokens)
        wait = std::max(wait, m_tokensBlockedUntil - nowMs);
    if (m_rpm > 0 && qsizetype(m_requestTimes.size()) >= m_rpm)
        wait = std::max(wait, m_requestTimes.front() + WindowMs - nowMs);
    if (m_tpm > 0 && !m_tokenUses.empty()) {
        qint64 used = 0;
        for (const auto &use : m_tokenUses)
            used += use.second;
        // Free the oldest uses until this request fits (a request larger than the whole
        // budget only waits for an empty window).
        qint64 budget = m_tpm;
        auto it = m_tokenUses.begin();
        while (used + estimatedTokens > budget && it != m_tokenUses.end()) {
            used -= it->second;
            wait = std::max(wait, it->first + WindowMs - nowMs);
            ++it;
        }
    }
    if (wait > 0)
        return wait;
    m_requestTimes.push_back(nowMs);
    m_tokenUses.emplace_back(nowMs, estimatedTokens);
    if (m_tokensRemaining >= 0)
        m_tokensRemaining = std::max<qint64>(0, m_tokensRemaining - estimatedTokens);
    return 0;
}

void RateLimiter::learn(qint64 nowMs, QByteArrayView remainingRequests,
                        QByteArrayView resetRequests, QByteArrayView remainingTokens,
                        QByteArrayView resetTokens)
{
    const qint64 requestsLeft = remainingRequests.isEmpty() ? -1 : parseInteger(remainingRequests);
    const qint64 requestsReset = resetRequests.isEmpty() ? -1 : parseDuration(resetRequests);
    if (requestsLeft == 0 && requestsReset > 0)
        m_requestsBlockedUntil = std::max(m_requestsBlockedUntil, nowMs + requestsReset);
    const qint64 tokensLeft = remainingTokens.isEmpty() ? -1 : parseInteger(remainingTokens);
    const qint64 tokensReset = resetTokens.isEmpty() ? -1 : parseDuration(resetTokens);
    if (tokensLeft >= 0) {
        m_tokensRemaining = tokensLeft;
        m_tokensBlockedUntil = tokensReset > 0 ? nowMs + tokensReset : nowMs;
    }
}

void RateLimiter::learnFromReply(qint64 nowMs, const QNetworkReply &reply)
{
    learn(nowMs, reply.rawHeader("x-ratelimit-remaining-requests"),
          reply.rawHeader("x-ratelimit-reset-requests"),
          reply.rawHeader("x-ratelimit-remaining-tokens"),
          reply.rawHeader("x-ratelimit-reset-tokens"));
}

qint64 RateLimiter::blockedUntilMs() const
{
    return std::max(m_requestsBlockedUntil, m_tokensRemaining == 0 ? m_tokensBlockedUntil : 0);
}

qint64 RateLimiter::parseDuration(QByteArrayView text)
{
    // Go-style durations as the API sends them: a sequence of <number><unit>, units h, m, s, ms.
    const QByteArray input = QByteArray(text.data(), text.size()).trimmed();
    if (input.isEmpty())
        return -1;
    double totalMs = 0;
    qsizetype i = 0;
    while (i < input.size()) {
        const qsizetype numberStart = i;
        while (i < input.size() && (std::isdigit(uchar(input.at(i))) || input.at(i) == '.'))
            ++i;
        if (i == numberStart)
            return -1;
        bool ok = false;
        const double number = input.mid(numberStart, i - numberStart).toDouble(&ok);
        if (!ok)
            return -1;
        const qsizetype unitStart = i;
        while (i < input.size() && std::isalpha(uchar(input.at(i))))
            ++i;
        const QByteArray unit = input.mid(unitStart, i - unitStart);
        if (unit == "h")
            totalMs += number * 3600000.0;
        else if (unit == "m")
            totalMs += number * 60000.0;
        else if (unit == "s" || unit.isEmpty())
            totalMs += number * 1000.0;
        else if (unit == "ms")
            totalMs += number;
        else if (unit == "us" || unit == "µs")
            totalMs += number / 1000.0;
        else if (unit == "ns")
            totalMs += number / 1e6;
        else
            return -1;
    }
    return qint64(std::ceil(totalMs));
}
