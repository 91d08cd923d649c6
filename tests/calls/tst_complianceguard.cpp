#include "calls/complianceguard.h"

#include <QJsonArray>
#include <QTest>

// Compliance checks: AI disclosure on the first turn, opt-outs, requests for a human, sentiment,
// and the fail-closed rule.
class TestComplianceGuard : public QObject
{
    Q_OBJECT

private slots:
    void disclosure_data();
    void disclosure();
    void emptyFirstTurnFailsClosed();
    void optOut_data();
    void optOut();
    void humanRequest_data();
    void humanRequest();
    void sentiment_data();
    void sentiment();
    void utteranceFindings();
    void unreadableScriptFailsClosed();
    void emptyUtteranceHasNoFindings();
    void findingJson();
};

void TestComplianceGuard::disclosure_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("disclosed");

    QTest::newRow("simulator wording")
        << "Hello, I'm VoiceAI, an AI assistant calling about your contract." << true;
    QTest::newRow("an AI") << "Hi! This is an AI calling on behalf of Acme." << true;
    QTest::newRow("ai-powered") << "Good morning, I'm Acme's AI-powered assistant." << true;
    QTest::newRow("virtual assistant") << "Hi, I'm a virtual assistant from Acme." << true;
    QTest::newRow("automated") << "This is an automated system calling from your bank." << true;
    QTest::newRow("artificial intelligence")
        << "I'm an artificial intelligence helping Acme's customers." << true;
    QTest::newRow("not a human") << "Just so you know, I'm not a human." << true;
    QTest::newRow("curly apostrophe") << "Hi, I’m an AI assistant." << true;
    QTest::newRow("name only") << "Hello, I'm VoiceAI from Acme Broadband." << false;
    QTest::newRow("human name") << "Hi, this is Sarah from Acme. Do you have a minute?" << false;
    QTest::newRow("said contains ai") << "As I said, we have a great offer." << false;
    QTest::newRow("denial") << "Hi, I'm Sam, and I'm not an AI, I promise." << false;
    QTest::newRow("denial beats disclosure")
        << "I'm an AI assistant? No, I'm a real person." << false;
}

void TestComplianceGuard::disclosure()
{
    QFETCH(QString, text);
    QFETCH(bool, disclosed);
    ComplianceGuard guard;
    const DisclosureCheck check = guard.checkFirstAgentTurn(text);
    QCOMPARE(check.disclosed, disclosed);
    QCOMPARE(check.finding.has_value(), !disclosed);
    if (disclosed) {
        QCOMPARE(check.textToSend, text);
    } else {
        QCOMPARE(check.finding->type, ComplianceFindingType::AiDisclosureMissing);
        QVERIFY(check.textToSend.startsWith(guard.disclosurePrefix()));
        QVERIFY(check.textToSend.endsWith(text.trimmed()));
        QVERIFY(!check.finding->failedClosed);
        // The corrected turn passes the check itself.
        QVERIFY(guard.disclosesAi(QStringLiteral("Hello, I'm VoiceAI, an AI assistant.")));
    }
}

void TestComplianceGuard::emptyFirstTurnFailsClosed()
{
    ComplianceGuard guard(QStringLiteral("Ava"));
    for (const QString &text : {QString(), QStringLiteral("   \n")}) {
        const DisclosureCheck check = guard.checkFirstAgentTurn(text);
        QVERIFY(!check.disclosed);
        QCOMPARE(check.textToSend, QStringLiteral("Hello, I'm Ava, an AI assistant."));
        QVERIFY(check.finding.has_value());
        QVERIFY(check.finding->failedClosed);
        QVERIFY(guard.disclosesAi(check.textToSend));
    }
}

void TestComplianceGuard::optOut_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    QTest::newRow("stop calling me") << "Stop calling me!" << true;
    QTest::newRow("please stop calling") << "Please, just stop calling this number." << true;
    QTest::newRow("dnc list hyphenated") << "Put me on the do-not-call list." << true;
    QTest::newRow("dnc list spaced") << "add me to your do not call list" << true;
    QTest::newRow("don't call me again") << "Don't call me again." << true;
    QTest::newRow("dont without apostrophe") << "dont call me ever" << true;
    QTest::newRow("curly apostrophe") << "Don’t call me again" << true;
    QTest::newRow("remove my number") << "Remove my number from your records." << true;
    QTest::newRow("take me off") << "Can you take me off your list?" << true;
    QTest::newRow("never call again") << "Never call here again" << true;
    QTest::newRow("unsubscribe") << "I want to unsubscribe." << true;
    QTest::newRow("opt out") << "I'd like to opt out of these calls" << true;
    QTest::newRow("lose my number") << "Lose my number, mate." << true;
    QTest::newRow("german") << "Bitte rufen Sie mich nicht mehr an" << true;
    QTest::newRow("spanish") << "No me llame más, por favor" << true;
    QTest::newRow("french") << "Ne m'appelez plus !" << true;
    QTest::newRow("not interested") << "I'm not interested, thanks." << false;
    QTest::newRow("call me back") << "Could you call me back tomorrow?" << false;
    QTest::newRow("bus stop") << "I'm at the bus stop, calling from my mobile" << false;
    QTest::newRow("removal of a product") << "Remove the TV package from my bill" << false;
    QTest::newRow("greeting") << "Hello?" << false;
}

void TestComplianceGuard::optOut()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QStringList matched;
    QCOMPARE(ComplianceGuard::isOptOut(text, &matched), expected);
    QCOMPARE(matched.isEmpty(), !expected);
}

void TestComplianceGuard::humanRequest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    QTest::newRow("speak to a person") << "Can I speak to a person, please?" << true;
    QTest::newRow("talk to a human") << "I want to talk to a human." << true;
    QTest::newRow("real agent") << "Let me speak to a real agent" << true;
    QTest::newRow("manager") << "Get me your manager." << true;
    QTest::newRow("representative") << "I'd like to speak with a representative" << true;
    QTest::newRow("transfer") << "Transfer me to someone in billing" << true;
    QTest::newRow("supervisor") << "Put me through to your supervisor now" << true;
    QTest::newRow("real person") << "Is there a real person I can talk to?" << true;
    QTest::newRow("bare demand") << "Representative!" << true;
    QTest::newRow("operator please") << "Operator, please" << true;
    QTest::newRow("spanish") << "Quiero hablar con una persona" << true;
    QTest::newRow("declined") << "I don't need to speak to a manager, it's fine." << false;
    QTest::newRow("speak to the point") << "Let's speak to the point about the price" << false;
    QTest::newRow("talk to my wife") << "I need to talk to my wife first" << false;
    QTest::newRow("plain question") << "How much is the upgrade?" << false;
    QTest::newRow("person as topic") << "The person who installed it was nice" << false;
}

void TestComplianceGuard::humanRequest()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QStringList matched;
    QCOMPARE(ComplianceGuard::requestsHuman(text, &matched), expected);
    QCOMPARE(matched.isEmpty(), !expected);
}

void TestComplianceGuard::sentiment_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("negative");

    QTest::newRow("furious") << "I'm furious, this is a scam." << true;
    QTest::newRow("very angry and upset") << "I am very angry and upset about this" << true;
    QTest::newRow("lawyer") << "I'll call my lawyer, this is unacceptable" << true;
    QTest::newRow("shouting mild") << "THIS IS RIDICULOUS!!" << true;
    QTest::newRow("worst service") << "Worst service ever." << true;
    QTest::newRow("happy") << "That sounds great, thank you so much!" << false;
    QTest::newRow("negated") << "I'm not angry, not upset, just curious" << false;
    QTest::newRow("single mild word") << "That's a bit annoying" << false;
    QTest::newRow("not bad") << "Not bad at all" << false;
}

void TestComplianceGuard::sentiment()
{
    QFETCH(QString, text);
    QFETCH(bool, negative);
    QStringList matched;
    const double score = ComplianceGuard::negativeScore(text, &matched);
    QCOMPARE(score >= ComplianceGuard::negativeThreshold(), negative);
    if (negative)
        QVERIFY(!matched.isEmpty());
}

void TestComplianceGuard::utteranceFindings()
{
    ComplianceGuard guard;
    const QList<ComplianceFinding> findings = guard.checkCustomerUtterance(
        QStringLiteral("This is ridiculous, stop calling me and let me talk to your manager!"));
    QStringList codes;
    for (const ComplianceFinding &f : findings)
        codes << f.code();
    QCOMPARE(codes, (QStringList{QStringLiteral("opt-out"), QStringLiteral("human-requested"),
                                 QStringLiteral("negative-sentiment")}));
    QVERIFY(findings.at(0).matched.contains(QStringLiteral("stop calling")));

    QVERIFY(guard.checkCustomerUtterance(QStringLiteral("Sounds good, go ahead.")).isEmpty());
}

void TestComplianceGuard::unreadableScriptFailsClosed()
{
    ComplianceGuard guard;
    const QList<ComplianceFinding> findings =
        guard.checkCustomerUtterance(QStringLiteral("请不要再给我打电话"));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().type, ComplianceFindingType::CheckFailed);
    QVERIFY(findings.first().failedClosed);
}

void TestComplianceGuard::emptyUtteranceHasNoFindings()
{
    ComplianceGuard guard;
    QVERIFY(guard.checkCustomerUtterance(QString()).isEmpty());
    QVERIFY(guard.checkCustomerUtterance(QStringLiteral("  ")).isEmpty());
    QVERIFY(guard.checkCustomerUtterance(QStringLiteral("123 ...")).isEmpty());
}

void TestComplianceGuard::findingJson()
{
    ComplianceFinding finding{ComplianceFindingType::OptOut,
                              QStringLiteral("why"),
                              {QStringLiteral("stop calling")},
                              1,
                              false};
    const QJsonObject json = finding.toJson();
    QCOMPARE(json.value(QLatin1String("code")).toString(), QStringLiteral("opt-out"));
    QCOMPARE(json.value(QLatin1String("matched")).toArray().size(), 1);
    QCOMPARE(json.value(QLatin1String("failedClosed")).toBool(), false);
}

QTEST_GUILESS_MAIN(TestComplianceGuard)
#include "tst_complianceguard.moc"
