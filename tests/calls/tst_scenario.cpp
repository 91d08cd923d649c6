// Scenario files: every shipped example parses, a scenario survives a round trip, and every
// kind of mistake gets an error that names the field.

#include "calls/scenario.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {

QJsonObject validScenario()
{
    return QJsonDocument::fromJson(R"({
        "name": "test",
        "context": {"purpose": "Offer the upgrade", "customerName": "Maria", "customerId": "c-1",
                    "products": ["Fibre 500"], "previousInteractions": ["called in March"]},
        "customer": {"persona": {"goal": "Get a price", "mood": "impatient", "facts": ["pays 39 a month"],
                                 "pushback": "high", "maxTurns": 4}},
        "limits": {"maxTurns": 10, "maxDurationSeconds": 120, "silenceTimeoutSeconds": 20,
                   "tokensPerTurn": 300, "tokensPerCall": 5000, "reserveTokens": 200}
    })")
        .object();
}

// Sets `value` at the dotted `path` of `object` (creating objects on the way); undefined removes
// it.
void setPath(QJsonObject &object, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            object.remove(path.first());
        else
            object.insert(path.first(), value);
        return;
    }
    QJsonObject child = object.value(path.first()).toObject();
    setPath(child, path.mid(1), value);
    object.insert(path.first(), child);
}

} // namespace

class TestScenario : public QObject
{
    Q_OBJECT

private slots:
    void shippedScenariosParse();
    void roundTrip();
    void defaultsApply();
    void badFieldIsNamed_data();
    void badFieldIsNamed();
    void badFileIsNamed();
};

void TestScenario::shippedScenariosParse()
{
    const QDir dir(QStringLiteral(VOICEAI_SCENARIO_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 5);
    int personas = 0;
    for (const QString &file : files) {
        QString error;
        const auto scenario = Scenario::load(dir.filePath(file), &error);
        QVERIFY2(scenario, qPrintable(error));
        QVERIFY(!scenario->name.isEmpty());
        QVERIFY(!scenario->context.purpose.isEmpty());
        QVERIFY(!scenario->isTyped());
        personas += scenario->persona ? 1 : 0;
    }
    QVERIFY(personas >= 4); // the demo floor needs varied personas
}

void TestScenario::roundTrip()
{
    QString error;
    const auto scenario = Scenario::fromJson(validScenario(), &error);
    QVERIFY2(scenario, qPrintable(error));
    QCOMPARE(scenario->persona->mood, QStringLiteral("impatient"));
    QCOMPARE(scenario->persona->name, QStringLiteral("Maria")); // from the context
    QCOMPARE(scenario->limits.maxDurationMs, 120000);
    QCOMPARE(scenario->limits.tokensPerTurn, 300);
    const auto again = Scenario::fromJson(scenario->toJson(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->toJson(), scenario->toJson());
}

void TestScenario::defaultsApply()
{
    QJsonObject json = validScenario();
    json.remove(QStringLiteral("limits"));
    setPath(json, {QStringLiteral("customer")}, QJsonObject{{QStringLiteral("typed"), true}});
    QString error;
    const auto scenario = Scenario::fromJson(json, &error);
    QVERIFY2(scenario, qPrintable(error));
    QVERIFY(scenario->isTyped());
    QCOMPARE(scenario->firstSpeaker, QStringLiteral("agent"));
    QCOMPARE(scenario->promptName, QStringLiteral("voiceai-agent"));
    QCOMPARE(scenario->promptVersion, 0);
    QCOMPARE(scenario->limits.tokensPerCall, 0);  // 0 = the configured budget
    QCOMPARE(scenario->limits.reserveTokens, -1); // -1 = the configured reserve
    QCOMPARE(scenario->context.language, QStringLiteral("en"));
}

void TestScenario::badFieldIsNamed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("mood not a string") << "customer.persona.mood" << QJsonValue(3)
                                       << "scenario.customer.persona.mood: expected a string";
    QTest::newRow("goal missing") << "customer.persona.goal" << QJsonValue(QJsonValue::Undefined)
                                  << "scenario.customer.persona.goal: required";
    QTest::newRow("pushback unknown")
        << "customer.persona.pushback" << QJsonValue("extreme")
        << "scenario.customer.persona.pushback: expected one of low, medium, high";
    QTest::newRow("facts not strings") << "customer.persona.facts" << QJsonValue(QJsonArray{1})
                                       << "scenario.customer.persona.facts[0]: expected a string";
    QTest::newRow("unknown persona field") << "customer.persona.age" << QJsonValue(40)
                                           << "scenario.customer.persona.age: unknown field";
    QTest::newRow("purpose missing") << "context.purpose" << QJsonValue(QJsonValue::Undefined)
                                     << "scenario.context.purpose: required";
    QTest::newRow("products not a list")
        << "context.products" << QJsonValue(QJsonObject{})
        << "scenario.context.products: expected an array of strings";
    QTest::newRow("context typo") << "context.customerNmae" << QJsonValue("x")
                                  << "scenario.context.customerNmae: unknown field";
    QTest::newRow("context missing") << "context" << QJsonValue(QJsonValue::Undefined)
                                     << "scenario.context: required, an object";
    QTest::newRow("customer not an object")
        << "customer" << QJsonValue("persona") << "scenario.customer: expected an object";
    QTest::newRow("two customer sources") << "customer.lines" << QJsonValue(QJsonArray{"hi"})
                                          << "scenario.customer: give exactly one of";
    QTest::newRow("max turns fraction") << "limits.maxTurns" << QJsonValue(2.5)
                                        << "scenario.limits.maxTurns: expected a whole number";
    QTest::newRow("max turns zero")
        << "limits.maxTurns" << QJsonValue(0) << "scenario.limits.maxTurns: must be at least 1";
    QTest::newRow("duration text") << "limits.maxDurationSeconds" << QJsonValue("long")
                                   << "scenario.limits.maxDurationSeconds: expected a number";
    QTest::newRow("reserve too big")
        << "limits.reserveTokens" << QJsonValue(6000)
        << "scenario.limits.reserveTokens: must be less than tokensPerCall";
    QTest::newRow("cost negative") << "limits.costCapUsd" << QJsonValue(-1)
                                   << "scenario.limits.costCapUsd: must be at least 0";
    QTest::newRow("first speaker") << "firstSpeaker" << QJsonValue("robot")
                                   << "scenario.firstSpeaker: expected one of agent, customer";
    QTest::newRow("prompt version") << "prompt.version" << QJsonValue("latest")
                                    << "scenario.prompt.version: expected a whole number";
    QTest::newRow("name missing") << "name" << QJsonValue(QJsonValue::Undefined)
                                  << "scenario.name: required";
    QTest::newRow("top-level typo")
        << "limit" << QJsonValue(QJsonObject{}) << "scenario.limit: unknown field";
}

void TestScenario::badFieldIsNamed()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QJsonObject json = validScenario();
    setPath(json, path.split(QLatin1Char('.')), value);
    QString message;
    const auto scenario = Scenario::fromJson(json, &message);
    QVERIFY(!scenario);
    QVERIFY2(message.startsWith(error), qPrintable(message));
}

void TestScenario::badFileIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"name\": \"x\", ");
    file.close();
    QString error;
    QVERIFY(!Scenario::load(path, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": scenario: invalid JSON at offset")),
             qPrintable(error));
    QVERIFY(!Scenario::load(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QLatin1String("missing.json: cannot open")), qPrintable(error));
    QVERIFY(!Scenario::fromJsonBytes("[1, 2]", &error));
    QCOMPARE(error, QStringLiteral("scenario: expected a JSON object at the top level"));
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
