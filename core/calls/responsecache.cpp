#include "calls/responsecache.h"

#include "metrics/metricsregistry.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Collapses runs of white space and trims: "Hello,  world\n" and "Hello, world" are one request.
QString normaliseText(const QString &text)
{
    return text.simplified();
}

void insertOptional(QJsonObject &json, const char *key, const std::optional<double> &value)
{
    if (value)
        json.insert(QLatin1String(key), *value);
}

QJsonObject modelJson(const ModelConfig &config)
{
    QJsonObject json;
    json.insert(QStringLiteral("model"), config.model);
    insertOptional(json, "temperature", config.temperature);
    insertOptional(json, "top_p", config.topP);
    insertOptional(json, "frequency_penalty", config.frequencyPenalty);
    insertOptional(json, "presence_penalty", config.presencePenalty);
    if (config.maxTokens)
        json.insert(QStringLiteral("max_tokens"), *config.maxTokens);
    return json;
}

QJsonObject canonical(const ChatRequest &request, const QString &identity)
{
    QJsonArray messages;
    for (const ChatMessage &m : request.messages) {
        QJsonObject json;
        json.insert(QStringLiteral("role"), m.roleName());
        json.insert(QStringLiteral("content"), normaliseText(m.content));
        if (!m.name.isEmpty())
            json.insert(QStringLiteral("name"), m.name);
        if (!m.toolCallId.isEmpty())
            json.insert(QStringLiteral("tool_call_id"), m.toolCallId);
        QJsonArray calls;
        for (const ToolCall &call : m.toolCalls)
            calls.append(QJsonArray{call.id, call.name, call.arguments});
        if (!calls.isEmpty())
            json.insert(QStringLiteral("tool_calls"), calls);
        messages.append(json);
    }
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    QJsonObject json;
    json.insert(QStringLiteral("identity"), identity);
    json.insert(QStringLiteral("primary"), modelJson(request.primary));
    if (request.fallback)
        json.insert(QStringLiteral("fallback"), modelJson(*request.fallback));
    json.insert(QStringLiteral("messages"), messages);
    json.insert(QStringLiteral("stop"), QJsonArray::fromStringList(request.stop));
    if (request.seed)
        json.insert(QStringLiteral("seed"), QString::number(*request.seed));
    if (!request.tools.isEmpty())
        json.insert(QStringLiteral("tools"), request.tools);
    if (!request.toolChoice.isUndefined())
        json.insert(QStringLiteral("tool_choice"), request.toolChoice);
    if (!request.responseFormat.isEmpty())
        json.insert(QStringLiteral("response_format"), request.responseFormat);
    return json;
}

qint64 monotonicMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

} // namespace

ResponseCache::ResponseCache(int maxEntries, qint64 ttlMs, MetricsRegistry *metrics, Clock clock)
    : m_maxEntries(std::max(1, maxEntries))
    , m_ttlMs(std::max<qint64>(1, ttlMs))
    , m_metrics(metrics)
    , m_clock(clock ? std::move(clock) : Clock(monotonicMs))
{}

bool ResponseCache::isCacheable(const ChatRequest &request)
{
    if (request.messages.isEmpty() || !request.primary.isValid())
        return false;
    const bool zeroTemperature = request.primary.temperature && *request.primary.temperature == 0;
    return zeroTemperature || request.seed.has_value();
}

QString ResponseCache::contextIdentity(const QString &customerId, const QJsonObject &context)
{
    const QByteArray contextHash = QCryptographicHash::hash(
        QJsonDocument(context).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
    return customerId + u':' + QString::fromLatin1(contextHash.toHex());
}

QByteArray ResponseCache::key(const ChatRequest &request, const QString &contextIdentity)
{
    const QByteArray bytes =
        QJsonDocument(canonical(request, contextIdentity)).toJson(QJsonDocument::Compact);
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

void ResponseCache::evictExpired(qint64 now)
{
    // Entries are in recency order, not age order, so every entry is checked; the cache is small.
    for (auto it = m_lru.begin(); it != m_lru.end();) {
        if (now - it->storedAt >= m_ttlMs) {
            m_entries.remove(it->key);
            it = m_lru.erase(it);
        } else {
            ++it;
        }
    }
}

std::optional<ChatResult> ResponseCache::lookup(const ChatRequest &request,
                                                const QString &contextIdentity)
{
    if (contextIdentity.isEmpty() || !isCacheable(request))
        return std::nullopt;
    const qint64 now = m_clock();
    evictExpired(now);
    const auto found = m_entries.constFind(key(request, contextIdentity));
    if (found == m_entries.constEnd()) {
        if (m_metrics)
            m_metrics->increment(QStringLiteral("cache.miss"));
        return std::nullopt;
    }
    m_lru.splice(m_lru.begin(), m_lru, *found);
    if (m_metrics)
        m_metrics->increment(QStringLiteral("cache.hit"));
    ChatResult result = (*found)->result;
    // Nothing was spent on a hit.
    result.usage = TokenUsage{};
    result.costUsd = 0;
    result.attempts.clear();
    result.latencyMs = 0;
    result.ttftMs = 0;
    return result;
}

bool ResponseCache::insert(const ChatRequest &request, const QString &contextIdentity,
                           const ChatResult &result)
{
    if (contextIdentity.isEmpty() || !isCacheable(request) || !result.ok() || result.incomplete ||
        result.usedFallback || !result.toolCalls.isEmpty() || result.content.isEmpty())
        return false;
    const qint64 now = m_clock();
    evictExpired(now);
    const QByteArray k = key(request, contextIdentity);
    if (const auto found = m_entries.constFind(k); found != m_entries.constEnd()) {
        m_lru.erase(*found);
        m_entries.remove(k);
    }
    m_lru.push_front(Entry{k, result, now});
    m_entries.insert(k, m_lru.begin());
    while (int(m_lru.size()) > m_maxEntries) {
        m_entries.remove(m_lru.back().key);
        m_lru.pop_back();
    }
    if (m_metrics)
        m_metrics->set(QStringLiteral("cache.entries"), double(m_lru.size()));
    return true;
}

void ResponseCache::clear()
{
    m_lru.clear();
    m_entries.clear();
    if (m_metrics)
        m_metrics->set(QStringLiteral("cache.entries"), 0);
}
