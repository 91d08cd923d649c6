#include "calls/piidetector.h"
#include "calls/piinetworkscanner.h"
#include "calls/redactor.h"

#include <QTest>

// The PII detectors for spoken and context-bound data, one table per detector, English and
// German: spoken digits, spelled e-mail addresses, street addresses, passport and account
// numbers, IP addresses, names of other people, the customer's own name; and ordinary numbers,
// words and names that must stay.
class TestPiiDetector : public QObject
{
    Q_OBJECT

private slots:
    void spokenDigits_data();
    void spokenDigits();
    void spelledEmails_data();
    void spelledEmails();
    void addresses_data();
    void addresses();
    void identifiers_data();
    void identifiers();
    void ipAddresses_data();
    void ipAddresses();
    void personNames_data();
    void personNames();
    void leftAlone_data();
    void leftAlone();
    void spokenAndWrittenShareAPlaceholder();
    void namesStayNamedForTheCall();
    void customerName_data();
    void customerName();
    void customerNameNotTakenForSomeoneElse();
    void kindsAreReported_data();
    void kindsAreReported();
    void ipv6Validation_data();
    void ipv6Validation();
    void pathologicalSpokenInputStaysLinear_data();
    void pathologicalSpokenInputStaysLinear();

private:
    static void addRows();
    static void checkRedaction();
};

// Each row: the input and what goes on the wire.
void TestPiiDetector::addRows()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
}

void TestPiiDetector::checkRedaction()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    Redactor redactor;
    QCOMPARE(redactor.redact(input), expected);
}

void TestPiiDetector::spokenDigits_data()
{
    addRows();
    // cards: spoken like their digits, Luhn-checked
    QTest::newRow("en card digit by digit")
        << "it's four one one one one one one one one one one one one one one one, thanks"
        << "it's [CARD_1], thanks";
    QTest::newRow("en card grouped with commas")
        << "four two four two, four two four two, four two four two, four two four two."
        << "[CARD_1].";
    QTest::newRow("en card with doubles")
        << "card is double five double five double five double five double five double five "
           "four four four four"
        << "card is [CARD_1]";
    QTest::newRow("en card mixed with numerals")
        << "the number is 4111 one one one one 1111 1111 okay"
        << "the number is [CARD_1] okay";
    QTest::newRow("en amex")
        << "three seven eight two eight two two four six three one zero zero zero five"
        << "[CARD_1]";
    QTest::newRow("en card then expiry")
        << "four two four two four two four two four two four two four two four two one two "
           "two seven"
        << "[CARD_1] one two two seven";
    QTest::newRow("de card")
        << "Meine Karte: vier eins eins eins eins eins eins eins eins eins eins eins eins eins "
           "eins eins."
        << "Meine Karte: [CARD_1].";
    QTest::newRow("de card with doppel")
        << "fünf fünf fünf fünf doppel-fünf doppel-fünf fünf fünf fünf fünf vier vier vier vier"
        << "[CARD_1]";
    // phones
    QTest::newRow("en uk mobile with oh")
        << "my number is oh seven nine one two three four five six seven eight"
        << "my number is [PHONE_1]";
    QTest::newRow("en plus and doubles")
        << "plus four four seven seven double oh nine double oh one two three please"
        << "[PHONE_1] please";
    QTest::newRow("en us with tens and keyword")
        << "call me at five five five, one two three, forty-five sixty-seven"
        << "call me at [PHONE_1]";
    QTest::newRow("en hundred") << "phone oh eight hundred one two three four five six seven"
                                << "phone [PHONE_1]";
    QTest::newRow("en fillers inside")
        << "it's oh seven seven, uh, double oh nine double oh one two three"
        << "it's [PHONE_1]";
    QTest::newRow("de mobile")
        << "meine Nummer ist null eins sieben eins, zwei drei vier, fünf sechs sieben acht"
        << "meine Nummer ist [PHONE_1]";
    QTest::newRow("de pairs")
        << "Handy null eins fünf eins, zweiundvierzig, achtunddreißig, siebzehn, neun"
        << "Handy [PHONE_1]";
    QTest::newRow("de zwo and numerals") << "Telefonnummer: 030 zwo drei vier fünf sechs sieben"
                                         << "Telefonnummer: [PHONE_1]";
    QTest::newRow("de plus")
        << "plus vier neun eins sieben eins eins zwei drei vier fünf sechs sieben"
        << "[PHONE_1]";
    // other numbers
    QTest::newRow("en ssn with keyword")
        << "my social security number is one two three, four five, six seven eight nine"
        << "my social security number is [SSN_1]";
    QTest::newRow("en spoken iban")
        << "IBAN D E eight nine three seven zero four zero zero four four zero five three two "
           "zero one three zero zero zero"
        << "IBAN [IBAN_1]";
    QTest::newRow("en spoken iban with letters inside")
        << "it's G B eight two W E S T one two three four five six nine eight seven six five "
           "four three two"
        << "it's [IBAN_1]";
    QTest::newRow("de spoken iban")
        << "DE acht neun drei sieben null vier null null vier vier null fünf drei zwei null "
           "eins drei null null null"
        << "[IBAN_1]";
}

void TestPiiDetector::spokenDigits()
{
    checkRedaction();
}

void TestPiiDetector::spelledEmails_data()
{
    addRows();
    QTest::newRow("en dots") << "It's lena dot fischer at example dot org."
                             << "It's [EMAIL_1].";
    QTest::newRow("de punkt") << "lena punkt fischer at example punkt de, bitte"
                              << "[EMAIL_1], bitte";
    QTest::newRow("spelled letters and underscore") << "l e n a underscore f at gmail dot com"
                                                    << "[EMAIL_1]";
    QTest::newRow("single word with email cue") << "my email is lena at example dot org"
                                                << "my email is [EMAIL_1]";
    QTest::newRow("single word with mail provider") << "write to jonas at gmx dot de"
                                                    << "write to [EMAIL_1]";
    QTest::newRow("de ät and web punkt de")
        << "meine E-Mail ist max punkt mustermann ät web punkt de"
        << "meine E-Mail ist [EMAIL_1]";
    QTest::newRow("written local part, spoken at") << "peter.meier at example.com"
                                                   << "[EMAIL_1]";
    QTest::newRow("hyphen and country tld") << "anna dash maria at firma dash online dot co dot uk"
                                            << "[EMAIL_1]";
    QTest::newRow("at sign between words") << "info dot berlin @ example dot de"
                                           << "[EMAIL_1]";
    QTest::newRow("name and spelled digits") << "my email is lena eight five at gmail dot com"
                                             << "my email is [EMAIL_1]";
    QTest::newRow("at zeichen") << "mail an tom punkt berg at-Zeichen posteo punkt de"
                                << "mail an [EMAIL_1]";
    QTest::newRow("contraction is no spelled letter")
        << "It's m dot a dot garcia at company dot com"
        << "It's [EMAIL_1]";
    QTest::newRow("klammeraffe needs no mail word") << "anna klammeraffe firma punkt com"
                                                    << "[EMAIL_1]";
    QTest::newRow("contact cue") << "contact me at info at brightside dot co dot uk"
                                 << "contact me at [EMAIL_1]";
}

void TestPiiDetector::spelledEmails()
{
    checkRedaction();
}

void TestPiiDetector::addresses_data()
{
    addRows();
    QTest::newRow("en baker street with city") << "I live at 221B Baker Street, London."
                                               << "I live at [ADDRESS_1].";
    QTest::newRow("en avenue with apartment") << "It's 12 Oak Avenue, Apt 4 in the back"
                                              << "It's [ADDRESS_1] in the back";
    QTest::newRow("en flat first, uk postcode") << "Flat 2, 10 Downing Street, London SW1A 2AA"
                                                << "[ADDRESS_1]";
    QTest::newRow("en us with state and zip")
        << "send it to 742 Evergreen Terrace, Springfield, IL 62704 please"
        << "send it to [ADDRESS_1] please";
    QTest::newRow("en abbreviation") << "we're at 5 Elm St. near the park"
                                     << "we're at [ADDRESS_1] near the park";
    QTest::newRow("en lower case with cue") << "my address is 18 mill lane"
                                            << "my address is [ADDRESS_1]";
    QTest::newRow("en ordinal name") << "the office at 725 5th Avenue"
                                     << "the office at [ADDRESS_1]";
    QTest::newRow("de compound") << "Ich wohne in der Hauptstraße 12."
                                 << "Ich wohne in der [ADDRESS_1].";
    QTest::newRow("de preposition with postcode") << "Am Markt 3a, 10115 Berlin"
                                                  << "[ADDRESS_1]";
    QTest::newRow("de separate street word") << "Lieferung an Berliner Str. 5, 04109 Leipzig"
                                             << "Lieferung an [ADDRESS_1]";
    QTest::newRow("de hyphenated") << "Karl-Marx-Allee 90 ist die Adresse"
                                   << "[ADDRESS_1] ist die Adresse";
    QTest::newRow("de preposition with cue") << "meine Adresse: An der Alster 12"
                                             << "meine Adresse: [ADDRESS_1]";
    QTest::newRow("de postcode and known city") << "das ist in 80331 München"
                                                << "das ist in [ADDRESS_1]";
    QTest::newRow("de postcode with cue") << "ich wohne in 53111 Bonn-Beuel"
                                          << "ich wohne in [ADDRESS_1]";
    QTest::newRow("uk postcode alone") << "postcode NW1 6XE"
                                       << "postcode [ADDRESS_1]";
    QTest::newRow("at four-digit postcode") << "1010 Wien"
                                            << "[ADDRESS_1]";
    QTest::newRow("en house number in words") << "I'm at twelve Oak Avenue."
                                              << "I'm at [ADDRESS_1].";
    QTest::newRow("en possessive street name") << "The billing address is 90 Queen's Road."
                                               << "The billing address is [ADDRESS_1].";
}

void TestPiiDetector::addresses()
{
    checkRedaction();
}

void TestPiiDetector::identifiers_data()
{
    addRows();
    QTest::newRow("en passport written") << "passport number C01X00T47, issued 2019"
                                         << "passport number [PASSPORT_1], issued 2019";
    QTest::newRow("en passport nine digits") << "my passport is 123456789"
                                             << "my passport is [PASSPORT_1]";
    QTest::newRow("de passport spoken") << "Reisepassnummer C null eins X null null T vier sieben"
                                        << "Reisepassnummer [PASSPORT_1]";
    QTest::newRow("en account spoken")
        << "my account number is four five six seven eight nine one two"
        << "my account number is [ACCOUNT_1]";
    QTest::newRow("en customer number written") << "customer number: 00482913"
                                                << "customer number: [ACCOUNT_1]";
    QTest::newRow("en account no with full stop") << "account no. 77120934"
                                                  << "account no. [ACCOUNT_1]";
    QTest::newRow("de kundennummer with letters") << "Kundennummer KD-4711-2291, bitte"
                                                  << "Kundennummer [ACCOUNT_1], bitte";
    QTest::newRow("de kontonummer") << "Meine Kontonummer lautet 1234567890."
                                    << "Meine Kontonummer lautet [ACCOUNT_1].";
    QTest::newRow("de vertragsnummer spoken")
        << "Vertragsnummer ist sieben sieben acht, null null eins, vier"
        << "Vertragsnummer ist [ACCOUNT_1]";
    QTest::newRow("de steuer-id") << "meine Steuer-ID ist 12 345 678 901"
                                  << "meine Steuer-ID ist [NATID_1]";
    QTest::newRow("iban after account word stays an iban")
        << "account number GB82 WEST 1234 5698 7654 32"
        << "account number [IBAN_1]";
    QTest::newRow("account") << "account 123456789"
                             << "account [ACCOUNT_1]";
    QTest::newRow("question then answer") << "Kundennummer? Ja, das ist 55 20 31 77."
                                          << "Kundennummer? Ja, das ist [ACCOUNT_1].";
    QTest::newRow("keyword before a bare number")
        << "Passport, um, number is A B one two three four five six seven"
        << "Passport, um, number is [PASSPORT_1]";
    QTest::newRow("possessive s is no letter") << "My passport number's 1 2 3 4 5 6 7 8 9."
                                               << "My passport number's [PASSPORT_1].";
}

void TestPiiDetector::identifiers()
{
    checkRedaction();
}

void TestPiiDetector::ipAddresses_data()
{
    addRows();
    QTest::newRow("ipv4") << "my IP is 192.168.1.20."
                          << "my IP is [IP_1].";
    QTest::newRow("ipv4 with port") << "server 10.0.0.5:8080"
                                    << "server [IP_1]:8080";
    QTest::newRow("ipv6 compressed") << "IPv6 2001:db8::8a2e:370:7334 here"
                                     << "IPv6 [IP_1] here";
    QTest::newRow("ipv6 full") << "2001:0db8:85a3:0000:0000:8a2e:0370:7334"
                               << "[IP_1]";
    QTest::newRow("ipv6 loopback") << "ping ::1 now"
                                   << "ping [IP_1] now";
    QTest::newRow("ipv6 link local") << "fe80::1ff:fe23:4567:890a,"
                                     << "[IP_1],";
    QTest::newRow("ipv6 with ipv4 tail") << "::ffff:192.0.2.128"
                                         << "[IP_1]";
    QTest::newRow("de ipv4") << "Die IP-Adresse ist 203.0.113.7"
                             << "Die IP-Adresse ist [IP_1]";
}

void TestPiiDetector::ipAddresses()
{
    checkRedaction();
}

void TestPiiDetector::personNames_data()
{
    addRows();
    QTest::newRow("en husband full name") << "my husband Peter Schmidt handles the bills"
                                          << "my husband [NAME_1] handles the bills";
    QTest::newRow("en ask for") << "please ask for Maria"
                                << "please ask for [NAME_1]";
    QTest::newRow("en title kept outside") << "I spoke to Dr. Patel yesterday"
                                           << "I spoke to Dr. [NAME_1] yesterday";
    QTest::newRow("en mrs") << "Mrs O'Brien called"
                            << "Mrs [NAME_1] called";
    QTest::newRow("en relation with comma") << "my daughter, Emma, will pay"
                                            << "my daughter, [NAME_1], will pay";
    QTest::newRow("en relation named") << "our neighbour named Tom Baker has a key"
                                       << "our neighbour named [NAME_1] has a key";
    QTest::newRow("en late husband") << "my late husband John handled it"
                                     << "my late husband [NAME_1] handled it";
    QTest::newRow("en particle") << "talk to Ludwig van Beethoven"
                                 << "talk to [NAME_1]";
    QTest::newRow("de kollege herr") << "mein Kollege Herr Weber ruft an"
                                     << "mein Kollege Herr [NAME_1] ruft an";
    QTest::newRow("de frau with name") << "meine Frau Anna-Lena kümmert sich"
                                       << "meine Frau [NAME_1] kümmert sich";
    QTest::newRow("de fragen nach") << "fragen Sie nach Frau Berg"
                                    << "fragen Sie nach Frau [NAME_1]";
    QTest::newRow("de mit gesprochen") << "ich habe mit Jonas gesprochen"
                                       << "ich habe mit [NAME_1] gesprochen";
    QTest::newRow("de sohn heißt") << "mein Sohn heißt Maximilian"
                                   << "mein Sohn heißt [NAME_1]";
    QTest::newRow("de dative") << "bei meiner Mutter Ingrid Hoffmann"
                               << "bei meiner Mutter [NAME_1]";
    QTest::newRow("someone from the company") << "Lisa from your team promised a refund"
                                              << "[NAME_1] from your team promised a refund";
    QTest::newRow("de jemand aus der firma") << "Petra aus Ihrer Buchhaltung hat es zugesagt"
                                             << "[NAME_1] aus Ihrer Buchhaltung hat es zugesagt";
    QTest::newRow("in the name of") << "it's in the name of Robert Miller"
                                    << "it's in the name of [NAME_1]";
    QTest::newRow("named again") << "my husband Peter will call; Peter knows the password"
                                 << "my husband [NAME_1] will call; [NAME_1] knows the password";
}

void TestPiiDetector::personNames()
{
    checkRedaction();
}

void TestPiiDetector::leftAlone_data()
{
    QTest::addColumn<QString>("input");
    // numbers in words that are not personal
    QTest::newRow("year") << "back in twenty twenty-four we signed";
    QTest::newRow("price") << "it costs forty-nine ninety-nine a month";
    QTest::newRow("time") << "call me at two thirty tomorrow";
    QTest::newRow("quantity") << "I ordered three boxes and two cables";
    QTest::newRow("de price") << "das kostet neunundzwanzig Euro neunzig";
    QTest::newRow("de time") << "ich bin um halb drei zu Hause";
    QTest::newRow("counting") << "one two three four five six seven eight nine ten";
    QTest::newRow("spoken order number")
        << "my order number is four five six seven eight nine one two";
    QTest::newRow("de bestellnummer") << "Bestellnummer sieben acht neun null eins zwei drei vier";
    QTest::newRow("spoken non-luhn card")
        << "four one one one one one one one one one one one one one one two";
    QTest::newRow("oh as a word") << "Oh, I see. One moment.";
    QTest::newRow("ten digits spoken without keyword")
        << "the code was five five five one two three four five six seven";
    // at and dot that are no e-mail
    QTest::newRow("looked at a website") << "I looked at amazon dot com yesterday";
    QTest::newRow("meet at") << "let's meet at nine dot five";
    QTest::newRow("at the office") << "I'm at the office dot";
    // street-like words
    QTest::newRow("road without number") << "I live on Baker Street";
    QTest::newRow("miles down the road") << "we drove 20 miles down the road";
    QTest::newRow("de am montag") << "Am Montag 3 Termine";
    QTest::newRow("de numbers and nouns") << "Wir haben 10000 Kunden in 2024";
    QTest::newRow("de heimweg") << "auf dem Rückweg";
    QTest::newRow("postcode-like amount") << "about 50000 Euro";
    // names: roles, departments, products, capitalised words
    QTest::newRow("speak to a manager") << "I want to speak to a manager";
    QTest::newRow("speak to customer service") << "can I talk to Customer Service";
    QTest::newRow("de kundendienst") << "verbinden Sie mich mit dem Kundendienst";
    QTest::newRow("de meine frau verb") << "meine Frau und ich";
    QTest::newRow("title alone") << "Mr and Mrs";
    QTest::newRow("my name is") << "my name is on the account";
    QTest::newRow("product") << "ask for Premium Plus";
    // network-looking text
    QTest::newRow("version") << "version 1.2.3.4 of the app";
    QTest::newRow("five parts") << "1.2.3.4.5";
    QTest::newRow("out of range") << "256.1.1.1";
    QTest::newRow("clock") << "at 10:30:45 exactly";
    QTest::newRow("ipv6-like word") << "ratio 3:2:1 here";
    // keyed identifiers too short or of the wrong sort
    QTest::newRow("short customer number") << "customer number 12";
    QTest::newRow("passport without digits") << "my passport is expired";
}

void TestPiiDetector::leftAlone()
{
    QFETCH(QString, input);
    const QList<PiiDetector::Candidate> found = PiiDetector::detect(input);
    for (const PiiDetector::Candidate &c : found)
        qWarning() << "found" << Redactor::placeholderPrefix(c.kind)
                   << input.mid(c.start, c.length);
    QVERIFY(found.isEmpty());
}

void TestPiiDetector::spokenAndWrittenShareAPlaceholder()
{
    Redactor redactor;
    QCOMPARE(redactor.redact(QStringLiteral("lena.fischer@example.org")),
             QStringLiteral("[EMAIL_1]"));
    QCOMPARE(redactor.redact(QStringLiteral("that's lena dot fischer at example dot org")),
             QStringLiteral("that's [EMAIL_1]"));
    QCOMPARE(redactor.redact(QStringLiteral("card 4111 1111 1111 1111")),
             QStringLiteral("card [CARD_1]"));
    QCOMPARE(redactor.redact(QStringLiteral(
                 "again: four one one one one one one one one one one one one one one one")),
             QStringLiteral("again: [CARD_1]"));
    QCOMPARE(redactor.redact(QStringLiteral("+44 7700 900123")), QStringLiteral("[PHONE_1]"));
    QCOMPARE(redactor.redact(QStringLiteral(
                 "plus four four seven seven double oh nine double oh one two three")),
             QStringLiteral("[PHONE_1]"));
}

void TestPiiDetector::namesStayNamedForTheCall()
{
    Redactor redactor;
    QCOMPARE(redactor.redact(QStringLiteral("my husband Peter Schmidt pays the bills")),
             QStringLiteral("my husband [NAME_1] pays the bills"));
    // A later turn: no relation word any more, the name is still known.
    QCOMPARE(redactor.redact(QStringLiteral("Peter Schmidt said it was fine")),
             QStringLiteral("[NAME_1] said it was fine"));
    QCOMPARE(redactor.redact(QStringLiteral("Peter will call")),
             QStringLiteral("[NAME_2] will call"));
    QCOMPARE(redactor.restore(QStringLiteral("Say hello to [NAME_2] and [NAME_1].")),
             QStringLiteral("Say hello to Peter and Peter Schmidt."));
    // A fresh call knows nobody.
    Redactor other;
    QCOMPARE(other.redact(QStringLiteral("Peter will call")), QStringLiteral("Peter will call"));
}

void TestPiiDetector::customerName_data()
{
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("restored");

    QTest::newRow("full name") << "Lena Fischer"
                               << "Hello, this is Lena Fischer speaking."
                               << "Hello, this is [CUSTOMER_NAME] speaking."
                               << "Hello, this is Lena Fischer speaking.";
    QTest::newRow("lower case full name") << "Lena Fischer"
                                          << "this is lena fischer"
                                          << "this is [CUSTOMER_NAME]"
                                          << "this is Lena Fischer";
    QTest::newRow("family name with title") << "Lena Fischer"
                                            << "Guten Tag, Frau Fischer!"
                                            << "Guten Tag, Frau [CUSTOMER_FAMILY_NAME]!"
                                            << "Guten Tag, Frau Fischer!";
    QTest::newRow("given name") << "Lena Fischer"
                                << "Thanks, Lena."
                                << "Thanks, [CUSTOMER_GIVEN_NAME]."
                                << "Thanks, Lena.";
    QTest::newRow("lower-case word is not the name") << "Mark Wood"
                                                     << "I'll mark the wood"
                                                     << "I'll mark the wood"
                                                     << "I'll mark the wood";
    QTest::newRow("one-word name") << "Cher"
                                   << "Cher here, and cher is a word"
                                   << "[CUSTOMER_NAME] here, and cher is a word"
                                   << "Cher here, and cher is a word";
    QTest::newRow("in the context message") << "Jonas Becker"
                                            << "Customer: Jonas Becker\nPurpose: renewal"
                                            << "Customer: [CUSTOMER_NAME]\nPurpose: renewal"
                                            << "Customer: Jonas Becker\nPurpose: renewal";
    QTest::newRow("other people stay other people")
        << "Lena Fischer"
        << "Lena here, my husband Tom Fischer pays"
        << "[CUSTOMER_GIVEN_NAME] here, my husband [NAME_1] [CUSTOMER_FAMILY_NAME] pays"
        << "Lena here, my husband Tom Fischer pays";
}

void TestPiiDetector::customerName()
{
    QFETCH(QString, customer);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, restored);
    PrivacySettings settings;
    settings.pseudonymiseCustomerName = true;
    Redactor redactor(settings);
    redactor.setCustomerName(customer);
    const QString sent = redactor.redact(input);
    QCOMPARE(sent, expected);
    QCOMPARE(redactor.restore(sent), restored);
}

void TestPiiDetector::customerNameNotTakenForSomeoneElse()
{
    // Default: the customer's name goes on the wire (the agent greets them by it), and is not
    // masked as another person's either.
    Redactor redactor;
    redactor.setCustomerName(QStringLiteral("Maria Lopez"));
    QCOMPARE(redactor.redact(QStringLiteral("please ask for Maria Lopez or my son Diego")),
             QStringLiteral("please ask for Maria Lopez or my son [NAME_1]"));
    QVERIFY(!redactor.mapping().contains(QStringLiteral("[CUSTOMER_NAME]")));
}

void TestPiiDetector::kindsAreReported_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("span");

    QTest::newRow("spoken card") << "card four two four two four two four two four two four two "
                                    "four two four two"
                                 << int(PiiKind::Card)
                                 << "four two four two four two four two four two four two four "
                                    "two four two";
    QTest::newRow("spoken phone") << "my number is oh seven nine one two three four five six"
                                  << int(PiiKind::Phone)
                                  << "oh seven nine one two three four five six";
    QTest::newRow("written plus kept")
        << "+49 one five one, two three four five six seven" << int(PiiKind::Phone)
        << "+49 one five one, two three four five six seven";
    QTest::newRow("address") << "12 Oak Avenue, Apt 4" << int(PiiKind::Address)
                             << "12 Oak Avenue, Apt 4";
    QTest::newRow("passport") << "Passnummer C01X00T47" << int(PiiKind::Passport) << "C01X00T47";
    QTest::newRow("account") << "Kundennummer 4711 0815" << int(PiiKind::Account) << "4711 0815";
    QTest::newRow("ip") << "from 198.51.100.23" << int(PiiKind::IpAddress) << "198.51.100.23";
    QTest::newRow("name") << "ask for Maria" << int(PiiKind::PersonName) << "Maria";
    QTest::newRow("spelled email") << "jo dot doe at example dot com" << int(PiiKind::Email)
                                   << "jo dot doe at example dot com";
}

void TestPiiDetector::kindsAreReported()
{
    QFETCH(QString, input);
    QFETCH(int, kind);
    QFETCH(QString, span);
    const QList<PiiDetector::Candidate> found = PiiDetector::detect(input);
    QCOMPARE(found.size(), 1);
    QCOMPARE(int(found.first().kind), kind);
    QCOMPARE(input.mid(found.first().start, found.first().length), span);
}

void TestPiiDetector::ipv6Validation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("full") << "2001:db8:0:0:0:0:2:1" << true;
    QTest::newRow("compressed") << "2001:db8::2:1" << true;
    QTest::newRow("all zero") << "::" << true;
    QTest::newRow("ipv4 tail") << "::ffff:10.0.0.1" << true;
    QTest::newRow("two compressions") << "1::2::3" << false;
    QTest::newRow("too many groups") << "1:2:3:4:5:6:7:8:9" << false;
    QTest::newRow("seven groups uncompressed") << "1:2:3:4:5:6:7" << false;
    QTest::newRow("group too long") << "12345::1" << false;
    QTest::newRow("not hex") << "2001:db8::g1" << false;
    QTest::newRow("bad ipv4 tail") << "::ffff:10.0.0.256" << false;
    QTest::newRow("ipv4 tail not last") << "::10.0.0.1:1" << false;
}

void TestPiiDetector::ipv6Validation()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(PiiNetworkScanner::ipv6Valid(text), valid);
}

void TestPiiDetector::pathologicalSpokenInputStaysLinear_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("endless spoken digits") << QString(QStringLiteral("one ")).repeated(60000);
    QTest::newRow("endless doubles") << QString(QStringLiteral("double ")).repeated(60000);
    QTest::newRow("endless dots") << QString(QStringLiteral("a dot ")).repeated(40000);
    QTest::newRow("endless at") << QString(QStringLiteral("x at y dot ")).repeated(20000);
    QTest::newRow("endless spelled letters")
        << QString(QStringLiteral("l e ")).repeated(50000) + QStringLiteral("at gmail dot com");
    QTest::newRow("endless capitalised names")
        << QStringLiteral("my husband ") + QString(QStringLiteral("Peter ")).repeated(40000);
    QTest::newRow("endless titles") << QString(QStringLiteral("Mr Mr ")).repeated(40000);
    QTest::newRow("endless house numbers") << QString(QStringLiteral("12 Oak ")).repeated(30000);
    QTest::newRow("endless street words")
        << QString(QString::fromUtf16(u"Hauptstraße 1 ")).repeated(20000);
    QTest::newRow("endless colons") << QString(QStringLiteral("a:")).repeated(100000);
    QTest::newRow("endless keyword") << QString(QStringLiteral("account number ")).repeated(20000);
}

void TestPiiDetector::pathologicalSpokenInputStaysLinear()
{
    // No timing assertion: a quadratic scanner would not finish within the test's time limit.
    QFETCH(QString, input);
    Redactor redactor;
    const QString out = redactor.redact(input);
    QVERIFY(!out.isEmpty());
}

QTEST_GUILESS_MAIN(TestPiiDetector)
#include "tst_piidetector.moc"
