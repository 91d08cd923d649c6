#pragma once

#include "openai/chatrequest.h"
#include "openai/chatresult.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <list>
#include <optional>

class MetricsRegistry;

// Answers repeated deterministic requests (temperature 0 or a seed) without a model call: exact
// match on the normalised request (model, parameters, messages) plus the identity of the
// customer's context, so an answer is never served across customers. Entries expire after a TTL
// and the least recently used one goes when the cache is full. Counts cache.hit / cache.miss.
class ResponseCache final
{
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    ResponseCache(int maxEntries, qint64 ttlMs, MetricsRegistry *metrics = nullptr,
                  Clock clock = {});

    // Deterministic and free of tool calls: temperature 0 or a seed; never streamed partials.
    static bool isCacheable(const ChatRequest &request);
    // Identity of a customer's context: customer id + hash of the context fields.
    static QString contextIdentity(const QString &customerId, const QJsonObject &context);
    // SHA-256 over the canonical JSON of the normalised request and the identity.
    static QByteArray key(const ChatRequest &request, const QString &contextIdentity);

    // A hit returns the stored answer with zero usage and cost (nothing was spent). An empty
    // identity or a non-cacheable request is never looked up (and counts as neither).
    std::optional<ChatResult> lookup(const ChatRequest &request, const QString &contextIdentity);
    // Stores successful, complete, primary-model answers of cacheable requests only.
    bool insert(const ChatRequest &request, const QString &contextIdentity,
                const ChatResult &result);

    int size() const { return int(m_entries.size()); }
    int maxEntries() const { return m_maxEntries; }
    qint64 ttlMs() const { return m_ttlMs; }
    void clear();

private:
    struct Entry
    {
        QByteArray key;
        ChatResult result;
        qint64 storedAt = 0;
    };

    void evictExpired(qint64 now);

    int m_maxEntries;
    qint64 m_ttlMs;
    MetricsRegistry *m_metrics;
    Clock m_clock;
    std::list<Entry> m_lru; // most recent first
    QHash<QByteArray, std::list<Entry>::iterator> m_entries;
};
