#include "calls/redactor.h"
#include "openai/chatcall.h"
#include "openai/openaiclient.h"
#include "sim/simtiming.h"
#include "sim/simulatorserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

// PII redaction: what is replaced, what is left alone, stable placeholders and restoration.
class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void redacts_data();
    void redacts();
    void leavesAlone_data();
    void leavesAlone();
    void samePlaceholderForSameValue();
    void restoresForSupervisor();
    void restoreLeavesUnknownPlaceholders();
    void maskForExportDoesNotRemember();
    void reportsMatchPositions();
    void validators_data();
    void validators();
    void pathologicalInputStaysLinear_data();
    void pathologicalInputStaysLinear();
    void onlyPlaceholdersGoOnTheWire();
    void cardsReadBackAsLastFourDigits_data();
    void cardsReadBackAsLastFourDigits();
    void partialPlaceholderStart_data();
    void partialPlaceholderStart();
    void privacySettingsFromJson_data();
    void privacySettingsFromJson();
    void spokenDataAndCustomerNameStayOffTheWire();
};

void TestRedactor::redacts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    // e-mail
    QTest::newRow("email") << "Mail me at ada@example.com please"
                           << "Mail me at [EMAIL_1] please";
    QTest::newRow("email subaddress") << "Ada.Lovelace+calls@mail.example.co.uk"
                                      << "[EMAIL_1]";
    QTest::newRow("email end of sentence") << "It's ADA@EXAMPLE.COM."
                                           << "It's [EMAIL_1].";
    QTest::newRow("email in brackets") << "(bob_smith-1@example.org)"
                                       << "([EMAIL_1])";
    QTest::newRow("two emails") << "a.b@x.io or c@y.de"
                                << "[EMAIL_1] or [EMAIL_2]";

    // phones, international
    QTest::newRow("uk intl") << "Call +44 20 7946 0958 now"
                             << "Call [PHONE_1] now";
    QTest::newRow("us intl parens") << "+1 (555) 123-4567"
                                    << "[PHONE_1]";
    QTest::newRow("fr intl") << "mon numéro: +33 6 12 34 56 78."
                             << "mon numéro: [PHONE_1].";
    QTest::newRow("de intl compact") << "+4915112345678"
                                     << "[PHONE_1]";
    QTest::newRow("00 prefix") << "0049 30 1234567"
                               << "[PHONE_1]";
    QTest::newRow("uk intl (0)") << "+44 (0)20 7946 0958"
                                 << "[PHONE_1]";
    // phones, national
    QTest::newRow("us parens") << "It's (555) 123-4567."
                               << "It's [PHONE_1].";
    QTest::newRow("us dashes") << "555-123-4567"
                               << "[PHONE_1]";
    QTest::newRow("us dots") << "555.123.4567"
                             << "[PHONE_1]";
    QTest::newRow("us toll free") << "1-800-555-0199"
                                  << "[PHONE_1]";
    QTest::newRow("uk london") << "020 7946 0958"
                               << "[PHONE_1]";
    QTest::newRow("uk mobile") << "07700 900123"
                               << "[PHONE_1]";
    QTest::newRow("fr mobile") << "06 12 34 56 78"
                               << "[PHONE_1]";
    QTest::newRow("nl mobile compact") << "0612345678"
                                       << "[PHONE_1]";
    QTest::newRow("bare ten digits with keyword") << "my phone is 5551234567"
                                                  << "my phone is [PHONE_1]";

    // cards (Luhn-valid)
    QTest::newRow("visa grouped") << "card 4111 1111 1111 1111 thanks"
                                  << "card [CARD_1] thanks";
    QTest::newRow("visa compact") << "4111111111111111"
                                  << "[CARD_1]";
    QTest::newRow("mastercard dashes") << "5555-5555-5555-4444"
                                       << "[CARD_1]";
    QTest::newRow("amex 4-6-5") << "3782 822463 10005"
                                << "[CARD_1]";
    QTest::newRow("discover") << "6011111111111117."
                              << "[CARD_1].";
    QTest::newRow("mastercard 2-series") << "2223 0031 2200 3222"
                                         << "[CARD_1]";
    QTest::newRow("card then expiry") << "4242 4242 4242 4242 12 27"
                                      << "[CARD_1] 12 27";
    QTest::newRow("account with keyword") << "account 123456789"
                                          << "account [ACCOUNT_1]";

    // IBAN (mod-97)
    QTest::newRow("iban gb grouped") << "IBAN GB82 WEST 1234 5698 7654 32, ok"
                                     << "IBAN [IBAN_1], ok";
    QTest::newRow("iban de compact") << "DE89370400440532013000"
                                     << "[IBAN_1]";
    QTest::newRow("iban fr with letter") << "FR14 2004 1010 0505 0001 3M02 606"
                                         << "[IBAN_1]";
    QTest::newRow("iban nl") << "NL91ABNA0417164300."
                             << "[IBAN_1].";
    QTest::newRow("iban lower case") << "es91 2100 0418 4502 0005 1332"
                                     << "[IBAN_1]";
    QTest::newRow("iban then words") << "BE68 5390 0754 7034 is mine"
                                     << "[IBAN_1] is mine";

    // national ids
    QTest::newRow("ssn dashes") << "SSN 123-45-6789."
                                << "SSN [SSN_1].";
    QTest::newRow("ssn spaces") << "it is 078 05 1121"
                                << "it is [SSN_1]";
    QTest::newRow("ssn bare with keyword") << "my social security number is 123456789"
                                           << "my social security number is [SSN_1]";
    QTest::newRow("uk nino spaced") << "NI number AB 12 34 56 C"
                                    << "NI number [NATID_1]";
    QTest::newRow("uk nino compact") << "ab123456c"
                                     << "[NATID_1]";
    QTest::newRow("es dni") << "DNI 12345678Z"
                            << "DNI [NATID_1]";
    QTest::newRow("es dni dash") << "12345678-Z"
                                 << "[NATID_1]";
    QTest::newRow("es nie") << "NIE X1234567L / Y7654321G"
                            << "NIE [NATID_1] / [NATID_2]";

    // dates of birth
    QTest::newRow("born slash") << "I was born on 12/03/1985."
                                << "I was born on [DOB_1].";
    QTest::newRow("dob iso") << "DOB: 1985-03-12"
                             << "DOB: [DOB_1]";
    QTest::newRow("date of birth written") << "My date of birth is 12 March 1985"
                                           << "My date of birth is [DOB_1]";
    QTest::newRow("born us written") << "born March 12, 1985 in Ohio"
                                     << "born [DOB_1] in Ohio";
    QTest::newRow("birthday ordinal") << "my birthday is the 3rd of May 1990"
                                      << "my birthday is the [DOB_1]";
    QTest::newRow("keyword after") << "1985-03-12 is my date of birth"
                                   << "[DOB_1] is my date of birth";
    QTest::newRow("abbreviated month") << "D.O.B. 7 Sept. 1979"
                                       << "D.O.B. [DOB_1]";
    QTest::newRow("dots and two-digit year") << "born 01.02.85"
                                             << "born [DOB_1]";
    QTest::newRow("german month") << "geboren am 3. Mai 1990"
                                  << "geboren am [DOB_1]";
    QTest::newRow("german keyword") << "Geburtsdatum: 12.03.1985"
                                    << "Geburtsdatum: [DOB_1]";
    QTest::newRow("german abbreviation") << "geb. 7. Okt. 1979"
                                         << "geb. [DOB_1]";

    // mixed
    QTest::newRow("everything") << "I'm ada@example.com, 07700 900123, card 4111111111111111, born "
                                   "12/03/1985, SSN 123-45-6789, IBAN GB82WEST12345698765432"
                                << "I'm [EMAIL_1], [PHONE_1], card [CARD_1], born [DOB_1], SSN "
                                   "[SSN_1], IBAN [IBAN_1]";
}

void TestRedactor::redacts()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    Redactor redactor;
    QCOMPARE(redactor.redact(input), expected);
    // Cards come back as their last four digits only (cardsReadBackAsLastFourDigits).
    if (!expected.contains(QLatin1String("[CARD_")))
        QCOMPARE(redactor.restore(expected), input);
}

void TestRedactor::leavesAlone_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("plain sentence") << "I'd like to upgrade my broadband, please.";
    QTest::newRow("non-Luhn card-like") << "4111 1111 1111 1112";
    QTest::newRow("non-Luhn compact") << "1234567890123456";
    QTest::newRow("non-Luhn grouped") << "1234 5678 1234 5678";
    QTest::newRow("order number") << "Order 12345678 shipped";
    QTest::newRow("reference with zero") << "Reference 0123456";
    QTest::newRow("amount") << "That's 1,234.56 EUR or $1,299.00";
    QTest::newRow("bare ten digits without keyword") << "ticket 5551234567";
    QTest::newRow("date without keyword") << "The meeting is on 12/03/2025.";
    QTest::newRow("iso date without keyword") << "Delivery 2024-01-15";
    QTest::newRow("written date without keyword") << "delivery date 12 March 2024";
    QTest::newRow("born with year only") << "I was born in 1985";
    QTest::newRow("time") << "Call me back at 10:30 or 14:45";
    QTest::newRow("version") << "version 1.2.3 and 10.0.19045";
    QTest::newRow("isbn") << "ISBN 978-3-16-148410-0";
    QTest::newRow("bad iban checksum") << "GB82 WEST 1234 5698 7654 33";
    QTest::newRow("iban-like word") << "DE12 is a code name";
    QTest::newRow("invalid ssn area 000") << "000-12-3456";
    QTest::newRow("invalid ssn area 666") << "666-12-3456";
    QTest::newRow("invalid ssn area 9xx") << "900-12-3456";
    QTest::newRow("invalid ssn group") << "123-00-4567";
    QTest::newRow("invalid ssn serial") << "123-45-0000";
    QTest::newRow("nine digits without keyword") << "ticket 123456789";
    QTest::newRow("invalid nino prefix") << "GB123456A";
    QTest::newRow("invalid nino suffix") << "AB123456E";
    QTest::newRow("invalid dni letter") << "12345678A";
    QTest::newRow("at handle") << "ping @ada on chat";
    QTest::newRow("email without dot") << "root@localhost";
    QTest::newRow("email one-letter tld") << "a@b.c";
    QTest::newRow("short plus number") << "+12 degrees";
    QTest::newRow("digits inside word") << "model X4111111111111111";
    QTest::newRow("placeholder stays") << "[EMAIL_1] and [PHONE_12]";
    QTest::newRow("empty") << "";
}

void TestRedactor::leavesAlone()
{
    QFETCH(QString, input);
    Redactor redactor;
    QList<RedactionMatch> matches;
    QCOMPARE(redactor.redact(input, &matches), input);
    QVERIFY(matches.isEmpty());
    QCOMPARE(redactor.placeholderCount(), 0);
}

void TestRedactor::samePlaceholderForSameValue()
{
    Redactor redactor;
    QCOMPARE(redactor.redact(QStringLiteral("ada@example.com and bob@example.com")),
             QStringLiteral("[EMAIL_1] and [EMAIL_2]"));
    // Later turn of the same call: same values, same placeholders (case of e-mail ignored).
    QCOMPARE(redactor.redact(QStringLiteral("again: Bob@Example.com, ada@example.com")),
             QStringLiteral("again: [EMAIL_2], [EMAIL_1]"));
    // Same card written differently.
    QCOMPARE(redactor.redact(QStringLiteral("4111-1111-1111-1111 / 4111111111111111")),
             QStringLiteral("[CARD_1] / [CARD_1]"));
    QCOMPARE(redactor.redact(QStringLiteral("new: carol@example.net")),
             QStringLiteral("new: [EMAIL_3]"));
    QCOMPARE(redactor.placeholderCount(), 4);

    // A different call starts from 1 again.
    Redactor other;
    QCOMPARE(other.redact(QStringLiteral("carol@example.net")), QStringLiteral("[EMAIL_1]"));
}

void TestRedactor::restoresForSupervisor()
{
    Redactor redactor;
    const QString sent =
        redactor.redact(QStringLiteral("I'm at ada@example.com, phone +44 20 7946 0958."));
    QCOMPARE(sent, QStringLiteral("I'm at [EMAIL_1], phone [PHONE_1]."));
    const QString fromModel =
        QStringLiteral("Thanks! I'll send the details to [EMAIL_1] and call [PHONE_1] if needed.");
    QCOMPARE(redactor.restore(fromModel),
             QStringLiteral("Thanks! I'll send the details to ada@example.com and call "
                            "+44 20 7946 0958 if needed."));
    QCOMPARE(redactor.mapping().value(QStringLiteral("[EMAIL_1]")),
             QStringLiteral("ada@example.com"));
}

void TestRedactor::restoreLeavesUnknownPlaceholders()
{
    Redactor redactor;
    redactor.redact(QStringLiteral("ada@example.com"));
    QCOMPARE(redactor.restore(QStringLiteral("[EMAIL_2] [CARD_1] [EMAIL_1] [email_1] [EMAIL_]")),
             QStringLiteral("[EMAIL_2] [CARD_1] ada@example.com [email_1] [EMAIL_]"));
}

void TestRedactor::maskForExportDoesNotRemember()
{
    Redactor redactor;
    redactor.redact(QStringLiteral("ada@example.com"));
    const QString restored = QStringLiteral("ada@example.com wrote from bob@example.com");
    QCOMPARE(redactor.maskForExport(restored), QStringLiteral("[EMAIL_1] wrote from [EMAIL_2]"));
    QCOMPARE(redactor.placeholderCount(), 1);
    QCOMPARE(redactor.restore(QStringLiteral("[EMAIL_2]")), QStringLiteral("[EMAIL_2]"));
    // Placeholders already in the text are not restored by an export.
    QCOMPARE(redactor.maskForExport(QStringLiteral("[EMAIL_1]")), QStringLiteral("[EMAIL_1]"));
}

void TestRedactor::reportsMatchPositions()
{
    Redactor redactor;
    QList<RedactionMatch> matches;
    const QString input = QStringLiteral("x ada@example.com y 555-123-4567");
    redactor.redact(input, &matches);
    QCOMPARE(matches.size(), 2);
    QCOMPARE(matches.at(0).kind, PiiKind::Email);
    QCOMPARE(input.mid(matches.at(0).start, matches.at(0).length),
             QStringLiteral("ada@example.com"));
    QCOMPARE(matches.at(1).kind, PiiKind::Phone);
    QCOMPARE(matches.at(1).placeholder, QStringLiteral("[PHONE_1]"));
    QCOMPARE(input.mid(matches.at(1).start, matches.at(1).length), QStringLiteral("555-123-4567"));
}

void TestRedactor::validators_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("luhn visa") << "luhn"
                               << "4111111111111111" << true;
    QTest::newRow("luhn amex") << "luhn"
                               << "378282246310005" << true;
    QTest::newRow("luhn off by one") << "luhn"
                                     << "4111111111111112" << false;
    QTest::newRow("luhn letters") << "luhn"
                                  << "41111111111a1111" << false;
    QTest::newRow("luhn empty") << "luhn"
                                << "" << false;
    QTest::newRow("iban gb") << "iban"
                             << "GB82WEST12345698765432" << true;
    QTest::newRow("iban ch") << "iban"
                             << "CH9300762011623852957" << true;
    QTest::newRow("iban bad check") << "iban"
                                    << "GB82WEST12345698765433" << false;
    QTest::newRow("iban bad length") << "iban"
                                     << "GB82WEST1234569876543" << false;
    QTest::newRow("iban garbage") << "iban"
                                  << "XX00" << false;
    QTest::newRow("ssn ok") << "ssn"
                            << "123456789" << true;
    QTest::newRow("ssn 666") << "ssn"
                             << "666123456" << false;
    QTest::newRow("ssn short") << "ssn"
                               << "12345678" << false;
}

void TestRedactor::validators()
{
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    if (kind == QLatin1String("luhn"))
        QCOMPARE(Redactor::luhnValid(value), valid);
    else if (kind == QLatin1String("iban"))
        QCOMPARE(Redactor::ibanValid(value), valid);
    else
        QCOMPARE(Redactor::ssnValid(value), valid);
}

void TestRedactor::pathologicalInputStaysLinear_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("many at signs") << QString(QStringLiteral("a@")).repeated(100000);
    QTest::newRow("long local part") << QString(200000, u'a') + QStringLiteral("@example");
    QTest::newRow("endless digit groups") << QString(QStringLiteral("12 ")).repeated(100000);
    QTest::newRow("endless iban-like") << QString(QStringLiteral("GB82 ")).repeated(50000);
    QTest::newRow("dates without keywords")
        << QString(QStringLiteral("12/03/1985 ")).repeated(20000);
    QTest::newRow("keywords without dates") << QString(QStringLiteral("born dob ")).repeated(30000);
}

void TestRedactor::pathologicalInputStaysLinear()
{
    // No timing assertion: a quadratic scanner would not finish within the test's time limit.
    QFETCH(QString, input);
    Redactor redactor;
    const QString out = redactor.redact(input);
    QVERIFY(!out.isEmpty());
    QCOMPARE(redactor.restore(out), input);
}

void TestRedactor::onlyPlaceholdersGoOnTheWire()
{
    SimulatorServer sim;
    QVERIFY(sim.listen());
    sim.setTiming(SimTiming::instant());
    ClientSettings settings;
    settings.baseUrl = sim.baseUrl();
    OpenAIClient client(settings, nullptr, PriceTable::defaults(), nullptr);

    const QString said = QStringLiteral(
        "Sure: ada.lovelace@example.com, +44 20 7946 0958, card 4111 1111 1111 1111, "
        "IBAN GB82 WEST 1234 5698 7654 32, SSN 123-45-6789, I was born on 10/12/1985.");
    Redactor redactor;
    ChatRequest request;
    request.primary.model = QStringLiteral("gpt-4o-mini");
    request.stream = true;
    request.messages = {ChatMessage::system(QStringLiteral("You are VoiceAI, an AI assistant.")),
                        ChatMessage::user(redactor.redact(said))};
    sim.queueReply(
        QStringLiteral("Thanks, I will send the summary to [EMAIL_1] and call [PHONE_1]."));
    ChatCall *call = client.chat(request);
    QSignalSpy finished(call, &ChatCall::finished);
    QVERIFY(finished.wait(10000));
    const ChatResult result = call->result();
    call->deleteLater();
    QVERIFY2(result.ok(), qPrintable(result.error.message));

    const QList<QByteArray> bodies = sim.receivedBodies();
    QCOMPARE(bodies.size(), 1);
    const QByteArray wire = bodies.first();
    for (const char *secret :
         {"ada.lovelace@example.com", "7946", "4111", "WEST", "GB82", "6789", "1985"})
        QVERIFY2(!wire.contains(secret), secret);
    for (const char *placeholder :
         {"[EMAIL_1]", "[PHONE_1]", "[CARD_1]", "[IBAN_1]", "[SSN_1]", "[DOB_1]"})
        QVERIFY2(wire.contains(placeholder), placeholder);

    // The supervisor sees the real values again.
    QCOMPARE(redactor.restore(result.content),
             QStringLiteral("Thanks, I will send the summary to ada.lovelace@example.com and call "
                            "+44 20 7946 0958."));
}

void TestRedactor::cardsReadBackAsLastFourDigits_data()
{
    QTest::addColumn<QString>("said");
    QTest::addColumn<QString>("readBack");
    QTest::addColumn<QString>("neverBack");

    QTest::newRow("grouped") << "4111 1111 1111 1111"
                             << "the card \u2022\u2022\u2022\u2022 1111 is on file"
                             << "4111 1111";
    QTest::newRow("compact") << "4242424242424242"
                             << "the card \u2022\u2022\u2022\u2022 4242 is on file"
                             << "42424242";
    QTest::newRow("amex") << "3782 822463 10005"
                          << "the card \u2022\u2022\u2022\u2022 0005 is on file"
                          << "822463";
    QTest::newRow("spoken") << "five five five five, five five five five, five five five five, "
                               "four four four four"
                            << "the card \u2022\u2022\u2022\u2022 4444 is on file"
                            << "five five";
    QTest::newRow("spoken german") << "vier null null null null fünf sechs sechs fünf fünf sechs "
                                      "sechs fünf fünf fünf sechs"
                                   << "the card \u2022\u2022\u2022\u2022 5556 is on file"
                                   << "vier null";
}

void TestRedactor::cardsReadBackAsLastFourDigits()
{
    QFETCH(QString, said);
    QFETCH(QString, readBack);
    QFETCH(QString, neverBack);
    Redactor redactor;
    QCOMPARE(redactor.redact(said), QStringLiteral("[CARD_1]"));
    // What the agent will speak, and what the supervisor sees: the last four digits only.
    const QString restored = redactor.restore(QStringLiteral("the card [CARD_1] is on file"));
    QCOMPARE(restored, readBack);
    QVERIFY(!restored.contains(neverBack));
    // Nor is the whole number kept for later.
    for (const QString &value : redactor.mapping())
        QVERIFY(!value.contains(neverBack));
    QCOMPARE(Redactor::cardReadBack(u"4000056655665556"),
             QString(4, QChar(0x2022)) + QStringLiteral(" 5556"));
}

void TestRedactor::partialPlaceholderStart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("start");
    QTest::newRow("none") << "Thanks, I will send it" << 22;
    QTest::newRow("open bracket") << "send it to [" << 11;
    QTest::newRow("kind begun") << "send it to [EMA" << 11;
    QTest::newRow("number begun") << "to [EMAIL_1" << 3;
    QTest::newRow("customer name begun") << "Hello [CUSTOMER_GIV" << 6;
    QTest::newRow("complete") << "to [EMAIL_1] now" << 16;
    QTest::newRow("not a placeholder") << "see [note" << 9;
    QTest::newRow("too long to be one") << "[" + QString(40, u'A') << 41;
}

void TestRedactor::partialPlaceholderStart()
{
    QFETCH(QString, text);
    QFETCH(int, start);
    QCOMPARE(Redactor::partialPlaceholderStart(text), qsizetype(start));
}

void TestRedactor::privacySettingsFromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("pseudonymise");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty keeps the default") << QByteArray("{}") << true << false << "";
    QTest::newRow("on") << QByteArray(R"({"pseudonymiseCustomerName": true})") << true << true
                        << "";
    QTest::newRow("off") << QByteArray(R"({"pseudonymiseCustomerName": false})") << true << false
                         << "";
    QTest::newRow("string") << QByteArray(R"({"pseudonymiseCustomerName": "yes"})") << false
                            << false << "privacy.pseudonymiseCustomerName: expected true or false";
    QTest::newRow("number") << QByteArray(R"({"pseudonymiseCustomerName": 1})") << false << false
                            << "privacy.pseudonymiseCustomerName: expected true or false";
    QTest::newRow("unknown field") << QByteArray(R"({"pseudonymizeCustomerName": true})") << false
                                   << false << "privacy.pseudonymizeCustomerName: unknown field";
}

void TestRedactor::privacySettingsFromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(bool, pseudonymise);
    QFETCH(QString, error);
    QString message;
    const std::optional<PrivacySettings> settings =
        PrivacySettings::fromJson(QJsonDocument::fromJson(json).object(), {}, &message);
    QCOMPARE(settings.has_value(), ok);
    QCOMPARE(message, error);
    if (settings) {
        QCOMPARE(settings->pseudonymiseCustomerName, pseudonymise);
        // Round trip.
        QCOMPARE(PrivacySettings::fromJson(settings->toJson(), {}, nullptr), settings);
    }
}

void TestRedactor::spokenDataAndCustomerNameStayOffTheWire()
{
    SimulatorServer sim;
    QVERIFY(sim.listen());
    sim.setTiming(SimTiming::instant());
    ClientSettings settings;
    settings.baseUrl = sim.baseUrl();
    OpenAIClient client(settings, nullptr, PriceTable::defaults(), nullptr);

    PrivacySettings privacy;
    privacy.pseudonymiseCustomerName = true;
    Redactor redactor(privacy);
    redactor.setCustomerName(QStringLiteral("Lena Fischer"));
    const QString context = QStringLiteral("Customer: Lena Fischer. Purpose: renewal.");
    const QString said = QStringLiteral(
        "This is Lena. My card is four two four two, four two four two, four two four two, "
        "four two four two, and write to lena dot fischer at example dot org. My husband "
        "Jonas Weber lives at Hauptstraße 12, 10115 Berlin, phone oh seven nine one two three "
        "four five six seven eight.");
    ChatRequest request;
    request.primary.model = QStringLiteral("gpt-4o-mini");
    request.stream = true;
    request.messages = {ChatMessage::system(redactor.redact(context)),
                        ChatMessage::user(redactor.redact(said))};
    sim.queueReply(QStringLiteral("Thank you [CUSTOMER_GIVEN_NAME], the card [CARD_1] is saved "
                                  "and I will write to [EMAIL_1]."));
    ChatCall *call = client.chat(request);
    QSignalSpy finished(call, &ChatCall::finished);
    QVERIFY(finished.wait(10000));
    const ChatResult result = call->result();
    call->deleteLater();
    QVERIFY2(result.ok(), qPrintable(result.error.message));

    const QList<QByteArray> bodies = sim.receivedBodies();
    QCOMPARE(bodies.size(), 1);
    const QByteArray wire = bodies.first();
    for (const char *secret : {"Lena", "Fischer", "four two", "lena dot", "example dot org",
                               "Jonas", "Weber", "Hauptstra", "10115", "seven nine one"})
        QVERIFY2(!wire.contains(secret), secret);
    for (const char *placeholder : {"[CUSTOMER_NAME]", "[CUSTOMER_GIVEN_NAME]", "[CARD_1]",
                                    "[EMAIL_1]", "[NAME_1]", "[ADDRESS_1]", "[PHONE_1]"})
        QVERIFY2(wire.contains(placeholder), placeholder);

    // Back from the model: the name and the address come back, the card as its last four only.
    QCOMPARE(redactor.restore(result.content),
             QStringLiteral("Thank you Lena, the card ") + QString(4, QChar(0x2022)) +
                 QStringLiteral(" 4242 is saved and I will write to lena dot fischer at example "
                                "dot org."));
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
