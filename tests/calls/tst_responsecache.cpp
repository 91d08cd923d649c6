#include "calls/responsecache.h"
#include "metrics/metricsregistry.h"

#include <QJsonObject>
#include <QTest>

// Response cache: deterministic requests only, exact normalised match, per-customer identity,
// TTL, LRU bound and hit/miss metrics.
class TestResponseCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cacheableRequests_data();
    void cacheableRequests();
    void hitAfterInsert();
    void normalisedMatch_data();
    void normalisedMatch();
    void neverAcrossCustomers();
    void expiresAfterTtl();
    void evictsLeastRecentlyUsed();
    void storesOnlyGoodAnswers_data();
    void storesOnlyGoodAnswers();

private:
    static ChatRequest
    request(const QString &text = QStringLiteral("What are your opening hours?"));
    static ChatResult answer(const QString &text = QStringLiteral("We are open 9 to 5."));

    MetricsRegistry m_metrics;
    qint64 m_now = 0;
    QString m_ada;
    QString m_bob;
};

ChatRequest TestResponseCache::request(const QString &text)
{
    ChatRequest r;
    r.primary.model = QStringLiteral("gpt-4o-mini");
    r.primary.temperature = 0;
    r.primary.maxTokens = 200;
    r.messages = {ChatMessage::system(QStringLiteral("You are VoiceAI.")), ChatMessage::user(text)};
    return r;
}

ChatResult TestResponseCache::answer(const QString &text)
{
    ChatResult r;
    r.content = text;
    r.finishReason = QStringLiteral("stop");
    r.model = QStringLiteral("gpt-4o-mini");
    r.usage = TokenUsage{40, 8, 48, 0};
    r.costUsd = 0.0001;
    r.latencyMs = 300;
    return r;
}

void TestResponseCache::init()
{
    m_metrics.clear();
    m_now = 1000;
    QJsonObject context{{QStringLiteral("purpose"), QStringLiteral("Renewal")}};
    m_ada = ResponseCache::contextIdentity(QStringLiteral("cust-ada"), context);
    m_bob = ResponseCache::contextIdentity(QStringLiteral("cust-bob"), context);
}

void TestResponseCache::cacheableRequests_data()
{
    QTest::addColumn<double>("temperature"); // < 0: not set
    QTest::addColumn<bool>("seeded");
    QTest::addColumn<bool>("cacheable");

    QTest::newRow("temperature 0") << 0.0 << false << true;
    QTest::newRow("seed set") << 0.7 << true << true;
    QTest::newRow("sampling") << 0.7 << false << false;
    QTest::newRow("default temperature") << -1.0 << false << false;
}

void TestResponseCache::cacheableRequests()
{
    QFETCH(double, temperature);
    QFETCH(bool, seeded);
    QFETCH(bool, cacheable);
    ChatRequest r = request();
    r.primary.temperature = temperature < 0 ? std::nullopt : std::optional<double>(temperature);
    if (seeded)
        r.seed = 42;
    QCOMPARE(ResponseCache::isCacheable(r), cacheable);

    ResponseCache cache(8, 60000, &m_metrics, [this] { return m_now; });
    QCOMPARE(cache.insert(r, m_ada, answer()), cacheable);
    QCOMPARE(cache.lookup(r, m_ada).has_value(), cacheable);
    // Non-cacheable requests count as neither hit nor miss.
    QCOMPARE(m_metrics.counter(QStringLiteral("cache.hit")), cacheable ? 1.0 : 0.0);
    QCOMPARE(m_metrics.counter(QStringLiteral("cache.miss")), 0.0);
}

void TestResponseCache::hitAfterInsert()
{
    ResponseCache cache(8, 60000, &m_metrics, [this] { return m_now; });
    QVERIFY(!cache.lookup(request(), m_ada));
    QCOMPARE(m_metrics.counter(QStringLiteral("cache.miss")), 1.0);
    QVERIFY(cache.insert(request(), m_ada, answer()));
    const std::optional<ChatResult> hit = cache.lookup(request(), m_ada);
    QVERIFY(hit.has_value());
    QCOMPARE(hit->content, QStringLiteral("We are open 9 to 5."));
    QCOMPARE(hit->finishReason, QStringLiteral("stop"));
    // Nothing was spent on a hit.
    QCOMPARE(hit->usage.totalTokens, 0);
    QCOMPARE(hit->costUsd, 0.0);
    QCOMPARE(m_metrics.counter(QStringLiteral("cache.hit")), 1.0);
    QCOMPARE(cache.size(), 1);
}

void TestResponseCache::normalisedMatch_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("hit");

    QTest::newRow("extra white space") << "whitespace" << true;
    QTest::newRow("feature and call id") << "bookkeeping" << true;
    QTest::newRow("streaming flag") << "stream" << true;
    QTest::newRow("different text") << "text" << false;
    QTest::newRow("different model") << "model" << false;
    QTest::newRow("different max tokens") << "maxTokens" << false;
    QTest::newRow("different role") << "role" << false;
    QTest::newRow("extra message") << "message" << false;
    QTest::newRow("stop sequence") << "stop" << false;
    QTest::newRow("seed") << "seed" << false;
}

void TestResponseCache::normalisedMatch()
{
    QFETCH(QString, change);
    QFETCH(bool, hit);
    ResponseCache cache(8, 60000, &m_metrics, [this] { return m_now; });
    QVERIFY(cache.insert(request(), m_ada, answer()));

    ChatRequest other = request();
    if (change == QLatin1String("whitespace"))
        other.messages[1].content = QStringLiteral("  What are your\n opening   hours? ");
    else if (change == QLatin1String("bookkeeping")) {
        other.feature = QStringLiteral("call");
        other.callId = QStringLiteral("call-2");
    } else if (change == QLatin1String("stream"))
        other.stream = !other.stream;
    else if (change == QLatin1String("text"))
        other.messages[1].content = QStringLiteral("What are your closing hours?");
    else if (change == QLatin1String("model"))
        other.primary.model = QStringLiteral("gpt-4o");
    else if (change == QLatin1String("maxTokens"))
        other.primary.maxTokens = 100;
    else if (change == QLatin1String("role"))
        other.messages[1].role = ChatMessage::Role::Assistant;
    else if (change == QLatin1String("message"))
        other.messages.append(ChatMessage::user(QStringLiteral("Thanks")));
    else if (change == QLatin1String("stop"))
        other.stop = {QStringLiteral("Goodbye")};
    else if (change == QLatin1String("seed"))
        other.seed = 7;

    QCOMPARE(ResponseCache::key(other, m_ada) == ResponseCache::key(request(), m_ada), hit);
    QCOMPARE(cache.lookup(other, m_ada).has_value(), hit);
}

void TestResponseCache::neverAcrossCustomers()
{
    ResponseCache cache(8, 60000, &m_metrics, [this] { return m_now; });
    QVERIFY(cache.insert(request(), m_ada, answer()));
    // Same request, another customer: a miss.
    QVERIFY(!cache.lookup(request(), m_bob).has_value());
    // Same customer id, different context: a miss too.
    const QString adaOtherContext = ResponseCache::contextIdentity(
        QStringLiteral("cust-ada"),
        QJsonObject{{QStringLiteral("purpose"), QStringLiteral("Win-back")}});
    QVERIFY(!cache.lookup(request(), adaOtherContext).has_value());
    // No identity: never cached, never served.
    QVERIFY(!cache.insert(request(), QString(), answer()));
    QVERIFY(!cache.lookup(request(), QString()).has_value());
    QCOMPARE(m_metrics.counter(QStringLiteral("cache.miss")), 2.0);
    QCOMPARE(m_metrics.counter(QStringLiteral("cache.hit")), 0.0);
    QVERIFY(cache.lookup(request(), m_ada).has_value());
}

void TestResponseCache::expiresAfterTtl()
{
    ResponseCache cache(8, 60000, &m_metrics, [this] { return m_now; });
    QVERIFY(cache.insert(request(), m_ada, answer()));
    m_now += 59999;
    QVERIFY(cache.lookup(request(), m_ada).has_value());
    m_now += 1;
    QVERIFY(!cache.lookup(request(), m_ada).has_value());
    QCOMPARE(cache.size(), 0);
}

void TestResponseCache::evictsLeastRecentlyUsed()
{
    ResponseCache cache(2, 60000, &m_metrics, [this] { return m_now; });
    const ChatRequest a = request(QStringLiteral("a"));
    const ChatRequest b = request(QStringLiteral("b"));
    const ChatRequest c = request(QStringLiteral("c"));
    QVERIFY(cache.insert(a, m_ada, answer(QStringLiteral("A"))));
    QVERIFY(cache.insert(b, m_ada, answer(QStringLiteral("B"))));
    QVERIFY(cache.lookup(a, m_ada).has_value()); // a is now the most recent
    QVERIFY(cache.insert(c, m_ada, answer(QStringLiteral("C"))));
    QCOMPARE(cache.size(), 2);
    QVERIFY(!cache.lookup(b, m_ada).has_value());
    QCOMPARE(cache.lookup(a, m_ada)->content, QStringLiteral("A"));
    QCOMPARE(cache.lookup(c, m_ada)->content, QStringLiteral("C"));
    QCOMPARE(m_metrics.gauge(QStringLiteral("cache.entries")), 2.0);
}

void TestResponseCache::storesOnlyGoodAnswers_data()
{
    QTest::addColumn<QString>("problem");
    QTest::newRow("error") << "error";
    QTest::newRow("incomplete stream") << "incomplete";
    QTest::newRow("fallback model answered") << "fallback";
    QTest::newRow("tool calls") << "tools";
    QTest::newRow("empty content") << "empty";
}

void TestResponseCache::storesOnlyGoodAnswers()
{
    QFETCH(QString, problem);
    ChatResult result = answer();
    if (problem == QLatin1String("error"))
        result.error = ChatError{ChatErrorType::Server, QStringLiteral("boom"), 500, {}};
    else if (problem == QLatin1String("incomplete"))
        result.incomplete = true;
    else if (problem == QLatin1String("fallback"))
        result.usedFallback = true;
    else if (problem == QLatin1String("tools"))
        result.toolCalls = {
            ToolCall{QStringLiteral("1"), QStringLiteral("f"), QStringLiteral("{}")}};
    else
        result.content.clear();
    ResponseCache cache(8, 60000, &m_metrics, [this] { return m_now; });
    QVERIFY(!cache.insert(request(), m_ada, result));
    QCOMPARE(cache.size(), 0);
}

QTEST_GUILESS_MAIN(TestResponseCache)
#include "tst_responsecache.moc"
