#include "calls/budget.h"
#include "openai/chatmessage.h"
#include "tokens/chattokencounter.h"

#include "tempdatadir.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

// Per-call token and cost budgets: defaults, config parsing, turn caps, the reserve, the cost cap.
class TestBudget : public QObject
{
    Q_OBJECT

private slots:
    void shippedDefaults();
    void configErrorsNameTheField_data();
    void configErrorsNameTheField();
    void loadsFileOverDefaults();
    void maxTokensForNextTurn_data();
    void maxTokensForNextTurn();
    void closesWhenOnlyTheReserveIsLeft();
    void warningOnce();
    void costCap();
    void exactPromptCount();
};

void TestBudget::shippedDefaults()
{
    const BudgetConfig config = BudgetConfig::defaults();
    QCOMPARE(config.maxTokensPerTurn, 2000);
    QCOMPARE(config.maxTokensPerCall, 15000);
    QCOMPARE(config.reservedTokens, 500);
    QCOMPARE(config.maxCostUsd, 0.0);
    QVERIFY(QFile::exists(QStringLiteral(":/config/budgets.json")));
}

void TestBudget::configErrorsNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("string") << QByteArray(R"({"max_tokens_per_turn": "lots"})")
                            << "budget.max_tokens_per_turn";
    QTest::newRow("fraction") << QByteArray(R"({"max_tokens_per_call": 10.5})")
                              << "budget.max_tokens_per_call";
    QTest::newRow("zero per turn")
        << QByteArray(R"({"max_tokens_per_turn": 0})") << "budget.max_tokens_per_turn";
    QTest::newRow("negative reserve")
        << QByteArray(R"({"reserved_tokens": -1})") << "budget.reserved_tokens";
    QTest::newRow("reserve too big")
        << QByteArray(R"({"max_tokens_per_call": 400})") << "budget.reserved_tokens";
    QTest::newRow("negative cost")
        << QByteArray(R"({"max_cost_usd": -0.5})") << "budget.max_cost_usd";
    QTest::newRow("ratio above one")
        << QByteArray(R"({"warning_ratio": 1.5})") << "budget.warning_ratio";
    QTest::newRow("unknown field") << QByteArray(R"({"max_tokens": 10})") << "budget.max_tokens";
}

void TestBudget::configErrorsNameTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QString error;
    const auto config =
        BudgetConfig::fromJson(QJsonDocument::fromJson(json).object(), BudgetConfig{}, &error);
    QVERIFY(!config.has_value());
    QVERIFY2(error.startsWith(field + u':'), qPrintable(error));
}

void TestBudget::loadsFileOverDefaults()
{
    TempDataDir dir;
    const QString path = dir.path() + QStringLiteral("/config.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"budget": {"max_tokens_per_call": 8000, "max_cost_usd": 0.25}})");
    file.close();
    QString error;
    const auto config = BudgetConfig::load(path, &error);
    QVERIFY2(config.has_value(), qPrintable(error));
    QCOMPARE(config->maxTokensPerCall, 8000);
    QCOMPARE(config->maxTokensPerTurn, 2000); // untouched default
    QCOMPARE(config->maxCostUsd, 0.25);

    QVERIFY(!BudgetConfig::load(dir.path() + QStringLiteral("/missing.json"), &error));
    QVERIFY(error.contains(QLatin1String("missing.json")));
}

void TestBudget::maxTokensForNextTurn_data()
{
    QTest::addColumn<int>("used");
    QTest::addColumn<int>("prompt");
    QTest::addColumn<int>("expected");

    // 15000 per call, 500 reserved, 2000 per turn.
    QTest::newRow("fresh call: per-turn cap") << 0 << 800 << 2000;
    QTest::newRow("capped by what remains") << 12000 << 1000 << 1500;
    QTest::newRow("exactly at the per-turn cap") << 11500 << 1000 << 2000;
    QTest::newRow("one token left above reserve") << 13499 << 1000 << 1;
    QTest::newRow("nothing left above reserve") << 13500 << 1000 << 0;
    QTest::newRow("prompt alone too big") << 10000 << 5000 << 0;
    QTest::newRow("overrun") << 16000 << 100 << 0;
}

void TestBudget::maxTokensForNextTurn()
{
    QFETCH(int, used);
    QFETCH(int, prompt);
    QFETCH(int, expected);
    Budget budget(BudgetConfig{});
    if (used > 0)
        budget.record(QStringLiteral("gpt-4o"), TokenUsage{used, 0, used, 0});
    QCOMPARE(budget.usedTokens(), used);
    QCOMPARE(budget.maxTokensForNextTurn(prompt), expected);
    QCOMPARE(budget.shouldCloseBefore(prompt), expected == 0);
}

void TestBudget::closesWhenOnlyTheReserveIsLeft()
{
    Budget budget(BudgetConfig{});
    budget.record(QStringLiteral("gpt-4o"), TokenUsage{9000, 5499, 14499, 0});
    QVERIFY(!budget.shouldClose());
    QCOMPARE(budget.remainingTokens(), 501);
    budget.record(QStringLiteral("gpt-4o"), TokenUsage{0, 1, 1, 0});
    QVERIFY(budget.shouldClose());
    QCOMPARE(budget.remainingTokens(), 500);
    // The closing line is paid from the reserve.
    QCOMPARE(budget.closingMaxTokens(), 500);
    budget.record(QStringLiteral("gpt-4o"), TokenUsage{0, 380, 380, 0});
    QCOMPARE(budget.closingMaxTokens(), 120);
    budget.record(QStringLiteral("gpt-4o"), TokenUsage{0, 500, 500, 0});
    QCOMPARE(budget.closingMaxTokens(), 0);
    QCOMPARE(budget.turns(), 4);
}

void TestBudget::warningOnce()
{
    Budget budget(BudgetConfig{});
    budget.record(QStringLiteral("gpt-4o"), TokenUsage{11000, 0, 11000, 0});
    QVERIFY(!budget.takeWarning());
    budget.record(QStringLiteral("gpt-4o"), TokenUsage{1000, 0, 1000, 0});
    QVERIFY(budget.takeWarning()); // 12000 / 15000 = 0.8
    QVERIFY(!budget.takeWarning());
}

void TestBudget::costCap()
{
    PriceTable prices;
    prices.setPrice(QStringLiteral("test-model"), PriceTable::Price{1000, -1, 2000}); // $/1M
    BudgetConfig config;
    config.maxCostUsd = 1.0;
    config.reservedTokens = 100;
    Budget budget(config, prices);
    // input $0.001/token, output $0.002/token; reserve costs $0.2 of output.
    QCOMPARE(budget.maxTokensForNextTurn(200, QStringLiteral("test-model")), 300);
    budget.record(QStringLiteral("test-model"), TokenUsage{200, 100, 300, 0});
    QVERIFY(qAbs(budget.costUsd() - 0.4) < 1e-9);
    QCOMPARE(budget.maxTokensForNextTurn(200, QStringLiteral("test-model")), 100);
    QCOMPARE(budget.maxTokensForNextTurn(400, QStringLiteral("test-model")), 0);
    QVERIFY(budget.shouldCloseBefore(400, QStringLiteral("test-model")));
    // A model without a price is bounded by tokens only.
    QCOMPARE(budget.maxTokensForNextTurn(200, QStringLiteral("unpriced")), 2000);
    // A cost reported by the client is taken as is.
    budget.record(QStringLiteral("test-model"), TokenUsage{1, 1, 2, 0}, 0.7);
    QVERIFY(budget.shouldClose());
}

void TestBudget::exactPromptCount()
{
    const QList<ChatMessage> messages = {ChatMessage::system(QStringLiteral("You are VoiceAI.")),
                                         ChatMessage::user(QStringLiteral("Hello"))};
    const int counted = Budget::countPrompt(QStringLiteral("gpt-4"), messages);
    // cl100k_base: per message 3 + role + content; "Hello" and "user" are one token each.
    const ChatTokenCounter counter(QStringLiteral("gpt-4"));
    QCOMPARE(counted, 3 + 1 + counter.count(u"You are VoiceAI.") + 3 + 1 + 1 + 3);
    QCOMPARE(
        Budget::countPrompt(QStringLiteral("gpt-4"), {ChatMessage::user(QStringLiteral("Hello"))}),
        8);
}

QTEST_GUILESS_MAIN(TestBudget)
#include "tst_budget.moc"
