#include "openai/chatrequestencoder.h"
#include "openai/clientsettings.h"
#include "openai/modelprofiles.h"
#include "openai/pricetable.h"
#include "openai/ratelimiter.h"
#include "openai/retrypolicy.h"
#include "tempdatadir.h"

#include <QJsonArray>
#include <QtTest>

// The pure parts of the client: durations, Retry-After, prices, model profiles, settings, bodies.
class TestClientConfig : public QObject
{
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void serverDelay_data();
    void serverDelay();
    void retryableStatuses();
    void backoffGrows();
    void limiterRequestsPerMinute();
    void limiterLearnsFromHeaders();
    void costs_data();
    void costs();
    void userPricesOverride();
    void badPricesAreRejected();
    void defaultProfiles();
    void profilesFromConfig();
    void badProfilesNameTheField_data();
    void badProfilesNameTheField();
    void settingsFromEnvironment();
    void requestBody_data();
    void requestBody();
    void reasoningModels_data();
    void reasoningModels();
};

void TestClientConfig::durations_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("1s") << QByteArray("1s") << qint64(1000);
    QTest::newRow("6m0s") << QByteArray("6m0s") << qint64(360000);
    QTest::newRow("20ms") << QByteArray("20ms") << qint64(20);
    QTest::newRow("0.5s") << QByteArray("0.5s") << qint64(500);
    QTest::newRow("1h2m3.5s") << QByteArray("1h2m3.5s") << qint64(3723500);
    QTest::newRow("17.28s") << QByteArray("17.28s") << qint64(17280);
    QTest::newRow("bare seconds") << QByteArray("2") << qint64(2000);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("bad unit") << QByteArray("3d") << qint64(-1);
    QTest::newRow("empty") << QByteArray("") << qint64(-1);
}

void TestClientConfig::durations()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, ms);
    QCOMPARE(RateLimiter::parseDuration(text), ms);
}

void TestClientConfig::serverDelay_data()
{
    QTest::addColumn<QByteArray>("retryAfterMs");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("none") << QByteArray() << QByteArray() << qint64(-1);
    QTest::newRow("seconds") << QByteArray() << QByteArray("3") << qint64(3000);
    QTest::newRow("fractional seconds") << QByteArray() << QByteArray("1.25") << qint64(1250);
    QTest::newRow("retry-after-ms") << QByteArray("750") << QByteArray() << qint64(750);
    QTest::newRow("retry-after-ms first") << QByteArray("100") << QByteArray("30") << qint64(100);
    QTest::newRow("http date") << QByteArray() << QByteArray("Wed, 25 Nov 2026 12:00:10 GMT")
                               << qint64(10000);
    QTest::newRow("http date in the past")
        << QByteArray() << QByteArray("Wed, 25 Nov 2026 11:00:00 GMT") << qint64(0);
    QTest::newRow("negative") << QByteArray() << QByteArray("-5") << qint64(-1);
    QTest::newRow("nonsense") << QByteArray("x") << QByteArray("later") << qint64(-1);
    QTest::newRow("long wait is reported as asked")
        << QByteArray() << QByteArray("120") << qint64(120000);
}

void TestClientConfig::serverDelay()
{
    QFETCH(QByteArray, retryAfterMs);
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, ms);
    const QDateTime now(QDate(2026, 11, 25), QTime(12, 0, 0), Qt::UTC);
    QCOMPARE(RetryPolicy::serverDelayMs(retryAfterMs, retryAfter, now), ms);
}

void TestClientConfig::retryableStatuses()
{
    for (int status : {408, 409, 429, 500, 502, 503, 504})
        QVERIFY2(RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
    for (int status : {400, 401, 403, 404, 405, 413, 422})
        QVERIFY2(!RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
    QCOMPARE(RetryPolicy::parseShouldRetry("true"), std::optional<bool>(true));
    QCOMPARE(RetryPolicy::parseShouldRetry(" FALSE "), std::optional<bool>(false));
    QCOMPARE(RetryPolicy::parseShouldRetry("maybe"), std::optional<bool>());
}

void TestClientConfig::backoffGrows()
{
    for (int retry = 0; retry < 8; ++retry) {
        const qint64 base = qMin<qint64>(RetryPolicy::MaxBackoffMs, 1000LL << retry);
        const qint64 delay = RetryPolicy::backoffMs(retry);
        QVERIFY(delay >= base);
        QVERIFY(delay <= base + base / 4);
    }
}

void TestClientConfig::limiterRequestsPerMinute()
{
    RateLimiter limiter(2, 0);
    QCOMPARE(limiter.reserve(0, 10), 0);
    QCOMPARE(limiter.reserve(100, 10), 0);
    QCOMPARE(limiter.reserve(200, 10), 60000 - 200);
    QCOMPARE(limiter.reserve(60000, 10), 0);

    RateLimiter tokens(0, 1000);
    QCOMPARE(tokens.reserve(0, 600), 0);
    QCOMPARE(tokens.reserve(10, 600), 60000 - 10);
    QCOMPARE(tokens.reserve(10, 300), 0);
}

void TestClientConfig::limiterLearnsFromHeaders()
{
    RateLimiter limiter;
    limiter.learn(1000, "0", "1s", "5000", "6m0s");
    QCOMPARE(limiter.reserve(1000, 10), 1000);
    QCOMPARE(limiter.reserve(2000, 10), 0);
    // Tokens: 5000 left until the reset in 6 minutes; a request needing more waits for it.
    QCOMPARE(limiter.reserve(2000, 6000), 1000 + 360000 - 2000);
    RateLimiter fresh;
    fresh.learn(0, "59", "1s", "", "");
    QCOMPARE(fresh.reserve(0, 10), 0);
}

void TestClientConfig::costs_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("prompt");
    QTest::addColumn<int>("cached");
    QTest::addColumn<int>("completion");
    QTest::addColumn<double>("cost");
    QTest::newRow("gpt-4-1106-preview")
        << "gpt-4-1106-preview" << 1000 << 0 << 500 << (1000 * 10.0 + 500 * 30.0) / 1e6;
    QTest::newRow("gpt-3.5-turbo") << "gpt-3.5-turbo" << 2000000 << 0 << 1000000 << 2.5;
    QTest::newRow("dated snapshot") << "gpt-4o-2024-08-06" << 1000000 << 0 << 0 << 2.5;
    QTest::newRow("cached input") << "gpt-4o" << 1000000 << 400000 << 0
                                  << (600000 * 2.5 + 400000 * 1.25) / 1e6;
    QTest::newRow("mini over 4o prefix") << "gpt-4o-mini" << 1000000 << 0 << 1000000 << 0.75;
    QTest::newRow("unknown model") << "llama-3" << 1000 << 0 << 1000 << 0.0;
}

void TestClientConfig::costs()
{
    QFETCH(QString, model);
    QFETCH(int, prompt);
    QFETCH(int, cached);
    QFETCH(int, completion);
    QFETCH(double, cost);
    TokenUsage usage{prompt, completion, prompt + completion, cached};
    QCOMPARE(PriceTable::defaults().costUsd(model, usage), cost);
}

void TestClientConfig::userPricesOverride()
{
    TempDataDir dir;
    const QString path = QDir(dir.configDir()).filePath("config.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"prices": {"models": {"gpt-3.5-turbo": {"input": 1, "output": 2}, "local-llm": {"input": 0, "output": 0.1}}}})");
    file.close();
    QString error;
    const PriceTable table = PriceTable::load(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.costUsd("gpt-3.5-turbo", {1000000, 1000000, 2000000, 0}), 3.0);
    QCOMPARE(table.costUsd("local-llm", {0, 1000000, 1000000, 0}), 0.1);
    QVERIFY(table.hasPrice("gpt-4-1106-preview")); // defaults stay
}

void TestClientConfig::badPricesAreRejected()
{
    PriceTable table = PriceTable::defaults();
    QString error;
    QVERIFY(!table.merge(
        QJsonDocument::fromJson(R"({"models": {"x": {"input": "cheap"}}})").object(), &error));
    QVERIFY(error.contains("'x'"));
    QCOMPARE(table.costUsd("gpt-3.5-turbo", {1000000, 0, 1000000, 0}), 0.5); // nothing lost
}

void TestClientConfig::defaultProfiles()
{
    const ModelProfiles profiles = ModelProfiles::defaults();
    const ModelConfig primary = profiles.primary();
    QCOMPARE(primary.model, QStringLiteral("gpt-4-1106-preview"));
    QCOMPARE(primary.temperature, std::optional<double>(0.7));
    QCOMPARE(primary.maxTokens, std::optional<int>(2000));
    QCOMPARE(primary.topP, std::optional<double>(0.95));
    QCOMPARE(primary.frequencyPenalty, std::optional<double>(0.5));
    QCOMPARE(primary.presencePenalty, std::optional<double>(0.5));
    QCOMPARE(primary.user, QStringLiteral("system-agent"));
    QVERIFY(profiles.fallback());
    const ModelConfig fallback = *profiles.fallback();
    QCOMPARE(fallback.model, QStringLiteral("gpt-3.5-turbo"));
    QCOMPARE(fallback.temperature, std::optional<double>(0.7));
    QCOMPARE(fallback.maxTokens, std::optional<int>(1000));
    QCOMPARE(fallback.topP, std::optional<double>(0.9));
    QCOMPARE(fallback.frequencyPenalty, std::optional<double>(0.3));
    QCOMPARE(fallback.presencePenalty, std::optional<double>(0.3));
    QCOMPARE(fallback.user, QStringLiteral("system-agent"));
}

void TestClientConfig::profilesFromConfig()
{
    TempDataDir dir;
    const QString path = QDir(dir.configDir()).filePath("config.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"models": {"primary": {"model": "gpt-4o", "temperature": 0.2}, "fallback": null}})");
    file.close();
    QString error;
    const ModelProfiles profiles = ModelProfiles::load(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(profiles.primary().model, QStringLiteral("gpt-4o"));
    QCOMPARE(profiles.primary().temperature, std::optional<double>(0.2));
    QCOMPARE(profiles.primary().maxTokens,
             std::optional<int>(2000)); // untouched fields keep defaults
    QVERIFY(!profiles.fallback());
    QVERIFY(ModelProfiles::load(QStringLiteral("/nonexistent/config.json"), &error).fallback());
}

void TestClientConfig::badProfilesNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("temperature") << QByteArray(R"({"models": {"primary": {"temperature": "hot"}}})")
                                 << "temperature";
    QTest::newRow("max_tokens") << QByteArray(R"({"models": {"primary": {"max_tokens": -3}}})")
                                << "max_tokens";
    QTest::newRow("model") << QByteArray(R"({"models": {"fallback": {"model": ""}}})") << "model";
    QTest::newRow("not json") << QByteArray("{models") << "not a JSON object";
}

void TestClientConfig::badProfilesNameTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    TempDataDir dir;
    const QString path = QDir(dir.configDir()).filePath("config.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    QString error;
    const ModelProfiles profiles = ModelProfiles::load(path, &error);
    QVERIFY2(error.contains(field), qPrintable(error));
    QCOMPARE(profiles.primary().model, QStringLiteral("gpt-4-1106-preview")); // defaults kept
}

void TestClientConfig::settingsFromEnvironment()
{
    qputenv("OPENAI_BASE_URL", "https://example.openai.azure.com");
    qputenv("OPENAI_ORG_ID", "org-1");
    qputenv("OPENAI_PROJECT_ID", "proj-1");
    qputenv("OPENAI_API_VERSION", "2024-06-01");
    const ClientSettings settings = ClientSettings::fromEnvironment();
    qunsetenv("OPENAI_BASE_URL");
    qunsetenv("OPENAI_ORG_ID");
    qunsetenv("OPENAI_PROJECT_ID");
    qunsetenv("OPENAI_API_VERSION");
    QCOMPARE(settings.baseUrl, QUrl("https://example.openai.azure.com"));
    QVERIFY(settings.azure);
    QCOMPARE(settings.organization, QStringLiteral("org-1"));
    QCOMPARE(settings.project, QStringLiteral("proj-1"));
    QCOMPARE(settings.azureApiVersion, QStringLiteral("2024-06-01"));
    const ClientSettings plain = ClientSettings::fromEnvironment();
    QCOMPARE(plain.baseUrl, QUrl("https://api.openai.com/v1"));
    QVERIFY(!plain.azure);
    QString error;
    QVERIFY(!ClientSettings::fromJson(QJsonObject{{"maxConcurrent", 0}}, plain, &error));
    QVERIFY(error.contains("maxConcurrent"));
    QVERIFY(!ClientSettings::fromJson(QJsonObject{{"maxPools", 0}}, plain, &error));
    QVERIFY(error.contains("maxPools"));
    QVERIFY(!ClientSettings::fromJson(QJsonObject{{"connectionsPerPool", "six"}}, plain, &error));
    QVERIFY(error.contains("connectionsPerPool"));
    QCOMPARE(plain.connectionsPerPool, 6);
    QCOMPARE(plain.maxPools, 32);
    const auto pooled = ClientSettings::fromJson(
        QJsonObject{{"connectionsPerPool", 4}, {"maxPools", 3}}, plain, &error);
    QVERIFY(pooled);
    QCOMPARE(pooled->connectionsPerPool, 4);
    QCOMPARE(pooled->maxPools, 3);
}

void TestClientConfig::requestBody_data()
{
    QTest::addColumn<bool>("maxCompletion");
    QTest::addColumn<bool>("stream");
    QTest::newRow("max_tokens, streamed") << false << true;
    QTest::newRow("max_completion_tokens, plain") << true << false;
}

void TestClientConfig::requestBody()
{
    QFETCH(bool, maxCompletion);
    QFETCH(bool, stream);
    ChatRequest request;
    ChatMessage assistant = ChatMessage::assistant(QString());
    assistant.toolCalls = {{"call_1", "lookup", "{}"}};
    request.messages = {ChatMessage::system("sys"), ChatMessage::user("hi"), assistant,
                        ChatMessage::tool("call_1", "result")};
    request.stream = stream;
    request.stop = {"\n\n"};
    request.seed = 42;
    request.tools = QJsonArray{QJsonObject{{"type", "function"}}};
    request.toolChoice = QStringLiteral("auto");
    request.responseFormat = QJsonObject{{"type", "json_object"}};
    ModelConfig model = ModelProfiles::defaults().primary();
    model.useMaxCompletionTokens = maxCompletion;
    const QJsonObject body = ChatRequestEncoder::toJson(request, model);
    QCOMPARE(body["model"].toString(), QStringLiteral("gpt-4-1106-preview"));
    QCOMPARE(body[maxCompletion ? "max_completion_tokens" : "max_tokens"].toInt(), 2000);
    QVERIFY(!body.contains(maxCompletion ? "max_tokens" : "max_completion_tokens"));
    QCOMPARE(body["temperature"].toDouble(), 0.7);
    QCOMPARE(body["top_p"].toDouble(), 0.95);
    QCOMPARE(body["frequency_penalty"].toDouble(), 0.5);
    QCOMPARE(body["presence_penalty"].toDouble(), 0.5);
    QCOMPARE(body["user"].toString(), QStringLiteral("system-agent"));
    QCOMPARE(body["stop"].toArray().at(0).toString(), QStringLiteral("\n\n"));
    QCOMPARE(body["seed"].toInt(), 42);
    QCOMPARE(body["tool_choice"].toString(), QStringLiteral("auto"));
    QCOMPARE(body["response_format"]["type"].toString(), QStringLiteral("json_object"));
    QCOMPARE(body.contains("stream"), stream);
    QCOMPARE(body["stream_options"]["include_usage"].toBool(), stream);
    const QJsonArray messages = body["messages"].toArray();
    QCOMPARE(messages[2]["content"], QJsonValue(QJsonValue::Null));
    QCOMPARE(messages[2]["tool_calls"][0]["function"]["name"].toString(), QStringLiteral("lookup"));
    QCOMPARE(messages[3]["role"].toString(), QStringLiteral("tool"));
    QCOMPARE(messages[3]["tool_call_id"].toString(), QStringLiteral("call_1"));
}

void TestClientConfig::reasoningModels_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("reasoning");
    QTest::newRow("o1") << "o1" << true;
    QTest::newRow("o3-mini") << "o3-mini" << true;
    QTest::newRow("o4-mini dated") << "o4-mini-2025-04-16" << true;
    QTest::newRow("gpt-5") << "gpt-5" << true;
    QTest::newRow("gpt-4o") << "gpt-4o" << false;
    QTest::newRow("gpt-4-1106-preview") << "gpt-4-1106-preview" << false;
    QTest::newRow("gpt-3.5-turbo") << "gpt-3.5-turbo" << false;
    QTest::newRow("not a prefix match") << "o1x-custom" << false;
}

void TestClientConfig::reasoningModels()
{
    QFETCH(QString, model);
    QFETCH(bool, reasoning);
    // The primary's parameters carried over to another model, as `chat --model NAME` does.
    ModelConfig config = ModelProfiles::defaults().primary();
    config.model = model;
    ChatRequest request;
    request.messages = {ChatMessage::user("hi")};
    const QJsonObject body = ChatRequestEncoder::toJson(request, config);
    QCOMPARE(body.contains("max_completion_tokens"), reasoning);
    QCOMPARE(body.contains("max_tokens"), !reasoning);
    QCOMPARE(body[reasoning ? "max_completion_tokens" : "max_tokens"].toInt(), 2000);
    for (const char *sampling : {"temperature", "top_p", "frequency_penalty", "presence_penalty"})
        QCOMPARE(body.contains(sampling), !reasoning);
    QCOMPARE(body["user"].toString(), QStringLiteral("system-agent"));
}

QTEST_GUILESS_MAIN(TestClientConfig)
#include "tst_clientconfig.moc"
