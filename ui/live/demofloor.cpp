#include "demofloor.h"

#include "uilog.h"

#include <QDir>
#include <QFile>

namespace {

Scenario persona(const QString &name, const QString &campaign, const QString &purpose,
                 const QString &mood, const QString &goal, const QString &pushback,
                 const QStringList &facts, const QStringList &products, int maxTurns)
{
    Scenario s;
    s.name = campaign + QLatin1Char('-') + mood;
    s.context.customerName = name;
    s.context.customerId =
        QStringLiteral("demo-") + name.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    s.context.campaign = campaign;
    s.context.purpose = purpose;
    s.context.products = products;
    s.context.complianceNotes =
        QStringLiteral("Disclose that you are an AI. Honour opt-out requests.");
    CustomerPersona p;
    p.name = name;
    p.mood = mood;
    p.goal = goal;
    p.pushback = pushback;
    p.facts = facts;
    p.maxTurns = maxTurns;
    s.persona = p;
    s.limits.maxTurns = maxTurns + 2;
    return s;
}

const QStringList kNames = {
    QStringLiteral("Maria Lopez"), QStringLiteral("Tom Becker"),   QStringLiteral("Aisha Khan"),
    QStringLiteral("John Carter"), QStringLiteral("Yuki Tanaka"),  QStringLiteral("Lena Novak"),
    QStringLiteral("Omar Haddad"), QStringLiteral("Grace Miller"), QStringLiteral("Pedro Alves"),
    QStringLiteral("Ines Dubois"), QStringLiteral("Sam O'Neill"),  QStringLiteral("Hana Kim"),
};

} // namespace

QList<Scenario> DemoFloor::builtIn()
{
    return {
        persona(QStringLiteral("Maria Lopez"), QStringLiteral("renewals"),
                QStringLiteral("Renew the home internet contract that expires next month"),
                QStringLiteral("friendly"), QStringLiteral("Renew if the price stays the same"),
                QStringLiteral("low"), {QStringLiteral("Contract ends on the 30th")},
                {QStringLiteral("Fibre 500")}, 8),
        persona(QStringLiteral("Tom Becker"), QStringLiteral("collections"),
                QStringLiteral("Agree a payment plan for an overdue invoice"),
                QStringLiteral("angry"),
                QStringLiteral("Wants to speak to a manager about the fees"),
                QStringLiteral("high"), {QStringLiteral("Invoice 4471 is 40 days overdue")},
                {QStringLiteral("Payment plan")}, 10),
        persona(QStringLiteral("Aisha Khan"), QStringLiteral("onboarding"),
                QStringLiteral("Welcome call and set-up of online banking"),
                QStringLiteral("confused"), QStringLiteral("Understand how to log in"),
                QStringLiteral("medium"), {QStringLiteral("Opened the account last week")},
                {QStringLiteral("Online banking"), QStringLiteral("Mobile app")}, 9),
        persona(QStringLiteral("John Carter"), QStringLiteral("win-back"),
                QStringLiteral("Offer a discount to a customer who cancelled"),
                QStringLiteral("impatient"), QStringLiteral("Get off the phone quickly"),
                QStringLiteral("high"), {QStringLiteral("Cancelled two weeks ago")},
                {QStringLiteral("Premium plan")}, 7),
        persona(QStringLiteral("Yuki Tanaka"), QStringLiteral("appointments"),
                QStringLiteral("Confirm the technician visit on Tuesday"),
                QStringLiteral("friendly"), QStringLiteral("Move the visit to the afternoon"),
                QStringLiteral("low"), {QStringLiteral("Works until 1 pm on Tuesdays")},
                {QStringLiteral("Router installation")}, 8),
        persona(QStringLiteral("Lena Novak"), QStringLiteral("surveys"),
                QStringLiteral("Satisfaction survey after a support ticket"),
                QStringLiteral("annoyed"), QStringLiteral("Complain that the issue is not fixed"),
                QStringLiteral("medium"), {QStringLiteral("Ticket 9921 was closed unresolved")},
                {QStringLiteral("Support")}, 9),
    };
}

QList<Scenario> DemoFloor::scenarios(qint64 customerDelayMs)
{
    QList<Scenario> result;
    const QDir dir(QStringLiteral(":/demo-scenarios"));
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QString error;
        std::optional<Scenario> scenario = Scenario::load(dir.filePath(file), &error);
        if (!scenario) {
            qCWarning(lcUi) << "skipping demo scenario" << file << ":" << error;
            continue;
        }
        // Only simulated customers belong on the demo floor; typed calls need a person.
        if (scenario->isTyped())
            continue;
        result << *scenario;
    }
    if (result.isEmpty())
        result = builtIn();
    for (Scenario &scenario : result)
        scenario.limits.customerDelayMs = customerDelayMs;
    return result;
}

Scenario DemoFloor::scenarioFor(const QList<Scenario> &scenarios, int n)
{
    if (scenarios.isEmpty())
        return {};
    Scenario s = scenarios.at(n % scenarios.size());
    if (n >= scenarios.size()) {
        // A later round: another customer with the same situation.
        const QString name = kNames.at(n % kNames.size());
        s.context.customerName = name;
        s.context.customerId = QStringLiteral("demo-%1").arg(n);
        if (s.persona)
            s.persona->name = name;
    }
    return s;
}
