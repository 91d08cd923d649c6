// Scenario-level: a customer says a card number digit by digit and spells an e-mail address in a
// real call (CallSession, the OpenAI client, the simulator on a loopback port). Only placeholders
// reach the wire; the agent's spoken turn gets the address back and the card as its last four
// digits only.

#include "callrig.h"

#include <QTest>

class TestPiiOnTheWire : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void spokenCardAndSpelledEmail();

private:
    std::unique_ptr<CallRig> m_rig;
};

void TestPiiOnTheWire::init()
{
    m_rig = std::make_unique<CallRig>();
    QVERIFY(m_rig->isValid());
}

void TestPiiOnTheWire::cleanup()
{
    m_rig.reset();
}

void TestPiiOnTheWire::spokenCardAndSpelledEmail()
{
    const QString card = QStringLiteral(
        "four two four two, four two four two, four two four two, four two four two");
    const QString email = QStringLiteral("lena dot fischer at example dot org");
    m_rig->sim.queueReply(QStringLiteral(
        "Hello Maria, I'm VoiceAI, an AI assistant calling about your fibre upgrade."));
    m_rig->sim.queueReply(QStringLiteral("Thank you. I have saved the card [CARD_1]."));
    m_rig->sim.queueReply(QStringLiteral("I will send the confirmation to [EMAIL_1]."));
    auto session = m_rig->start(CallRig::scriptedScenario(
        {QStringLiteral("Fine, my card is %1.").arg(card),
         QStringLiteral("And the e-mail is %1, please.").arg(email), QStringLiteral("Goodbye.")}));
    QVERIFY(CallRig::waitEnded(session.get()));

    // The wire: every request body the simulator received.
    bool cardPlaceholderSent = false;
    bool emailPlaceholderSent = false;
    for (const QByteArray &body : m_rig->sim.receivedBodies()) {
        for (const char *secret :
             {"four two four two", "4242", "lena dot fischer", "fischer", "example dot org"})
            QVERIFY2(!body.contains(secret), secret);
        cardPlaceholderSent = cardPlaceholderSent || body.contains("[CARD_1]");
        emailPlaceholderSent = emailPlaceholderSent || body.contains("[EMAIL_1]");
    }
    QVERIFY(cardPlaceholderSent);
    QVERIFY(emailPlaceholderSent);

    // The agent's spoken turns: the address restored, the card as "•••• 4242" only.
    const auto turns = CallRig::ofKind(session->events(), QStringLiteral("agent.turn"));
    QStringList spoken;
    for (const auto &turn : turns)
        spoken.append(turn.payload.value(QStringLiteral("text")).toString());
    const QString all = spoken.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("the card ") + QString(4, QChar(0x2022)) +
                          QStringLiteral(" 4242.")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("confirmation to ") + email), qPrintable(all));
    QVERIFY(!all.contains(card));
    QVERIFY(!all.contains(QLatin1String("[CARD_1]")));

    // The customer's own words are kept for the supervisor, with the redacted form beside them.
    const auto utterances =
        CallRig::ofKind(session->events(), QStringLiteral("customer.utterance"));
    QVERIFY(utterances.size() >= 2);
    QVERIFY(utterances.at(0)
                .payload.value(QStringLiteral("redacted"))
                .toString()
                .contains(QLatin1String("[CARD_1]")));
    QVERIFY(utterances.at(1)
                .payload.value(QStringLiteral("redacted"))
                .toString()
                .contains(QLatin1String("[EMAIL_1]")));
}

QTEST_GUILESS_MAIN(TestPiiOnTheWire)
#include "tst_piionthewire.moc"
