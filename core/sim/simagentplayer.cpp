#include "sim/simagentplayer.h"

namespace {

bool containsAny(const QString &text, std::initializer_list<const char *> words)
{
    for (const char *word : words) {
        if (text.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

SimAgentPlayer::SimAgentPlayer(SimContextFacts facts, quint64 seed)
    : m_facts(std::move(facts))
    , m_random(seed)
{}

QString SimAgentPlayer::nextLine(const QList<SimMessage> &messages)
{
    int agentTurns = 0;
    QString customerLine;
    for (const SimMessage &message : messages) {
        if (message.role == QLatin1String("assistant")) {
            ++agentTurns;
            m_said.append(message.content);
        } else if (message.role == QLatin1String("user"))
            customerLine = message.content;
    }
    if (agentTurns == 0) {
        // A customer who hangs up before the agent spoke still gets a proper goodbye.
        if (containsAny(customerLine, {"goodbye", "bye"}))
            return QStringLiteral(
                "I'm VoiceAI, an AI assistant. Sorry to have disturbed you. Goodbye!");
        return greeting();
    }
    QString reply = answer(customerLine, agentTurns);
    if (!m_facts.guidance.isEmpty() && !reply.contains(QLatin1String("Goodbye"))) {
        QString guidance = m_facts.guidance.trimmed();
        if (!guidance.isEmpty() && !guidance.back().isPunct())
            guidance += QLatin1Char('.');
        reply += QStringLiteral(" I'd also like to add: %1").arg(guidance);
    }
    return reply;
}

QString SimAgentPlayer::greeting() const
{
    const QString hello = m_facts.customerName.isEmpty()
                              ? QStringLiteral("Hello")
                              : QStringLiteral("Hello %1").arg(m_facts.customerName);
    const QString company = m_facts.company.isEmpty()
                                ? QString()
                                : QStringLiteral(" on behalf of %1").arg(m_facts.company);
    return QStringLiteral("%1, I'm VoiceAI, an AI assistant calling%2 %3. Is now a good "
                          "time to talk?")
        .arg(hello, company, purposeClause());
}

QString SimAgentPlayer::answer(const QString &line, int agentTurn)
{
    const QString name = nameSuffix();
    if (containsAny(line,
                    {"stop calling", "do-not-call", "do not call", "don't call", "remove me"}))
        return QStringLiteral("I understand%1, and I'm sorry for the trouble. I've noted that you "
                              "don't want to be called again. Goodbye.")
            .arg(name);
    if (containsAny(line, {"goodbye", "bye", "that's all", "hang up"}))
        return m_random.pick(
            {QStringLiteral("Thank you for your time%1. Have a great day. Goodbye!").arg(name),
             QStringLiteral("It was a pleasure speaking with you%1. Goodbye!").arg(name)});
    if (containsAny(line, {"human", "real person", "manager", "supervisor", "representative"}))
        return QStringLiteral("Of course%1. I'm asking a member of our team to join the call "
                              "now. Please stay on the line.")
            .arg(name);

    const QString item = product(agentTurn);
    if (containsAny(line, {"price", "cost", "expensive", "afford", "too much", "cheap"}))
        return m_random.pick(
            {QStringLiteral("I understand that cost matters. %1 is priced to save you money over "
                            "the year, and I can send you the exact figures before you decide.")
                 .arg(item),
             QStringLiteral("That's a fair question. With %1 most customers in your situation pay "
                            "less than today. Shall I go through the numbers with you?")
                 .arg(item)});
    if (containsAny(line, {"frustrat", "annoy", "not interested", "no thanks", "don't believe",
                           "not good enough"}))
        return QStringLiteral("I'm sorry this has been frustrating%1. I only want to help; "
                              "if it's not useful, just tell me and I'll stop there.")
            .arg(name);
    if (containsAny(line, {"what do you mean", "explain", "not sure", "don't understand",
                           "who is calling", "what is this about", "what's this about"}))
        return QStringLiteral("Of course. I'm calling %1. In short, %2 could make this "
                              "simpler for you. Would you like to hear how?")
            .arg(purposeClause(), item);
    if (line.contains(QLatin1Char('?')))
        return m_random.pickFresh(
            m_said, {QStringLiteral("Good question. %1 is the option I would recommend here. "
                                    "Would you like the details?")
                         .arg(item),
                     QStringLiteral("Yes, I can help with that: we can use %1. "
                                    "Shall I set that up for you?")
                         .arg(item)});
    if (agentTurn > 2)
        // The purpose was said already; repeating it every turn sounds scripted.
        return m_random.pickFresh(
            m_said, {QStringLiteral("Thank you%1, that's helpful. I'd suggest %2: it fits what "
                                    "you described. Shall we go ahead?")
                         .arg(name, item),
                     QStringLiteral("That makes sense%1. In your situation many customers "
                                    "choose %2. Would you like me to arrange that?")
                         .arg(name, item),
                     QStringLiteral("I understand. I can offer you %1. Would that work for you?")
                         .arg(item)});
    return m_random.pickFresh(
        m_said, {QStringLiteral("Thank you%1, that's helpful. Since I'm calling %2, I'd "
                                "suggest %3: it fits what you described. Shall we go ahead?")
                     .arg(name, purposeClause(), item),
                 QStringLiteral("That makes sense%1. I'm calling %2, and in your situation many "
                                "customers choose %3. Would you like me to arrange that?")
                     .arg(name, purposeClause(), item),
                 QStringLiteral("I understand. I'm calling %1, and I can offer you %2. "
                                "Would that work for you?")
                     .arg(purposeClause(), item)});
}

QString SimAgentPlayer::product(int agentTurn) const
{
    if (m_facts.products.isEmpty())
        return QStringLiteral("our standard plan");
    return m_facts.products.at((agentTurn - 1) % m_facts.products.size());
}

QString SimAgentPlayer::purposeClause() const
{
    QString purpose = m_facts.purpose.trimmed();
    if (purpose.isEmpty())
        return QStringLiteral("to see how we can help you today");
    // Purposes are written for the agent ("Remind the customer of ..."); spoken to the
    // customer they become "to remind you of ...". Noun phrases stay "about ...".
    static const QStringList verbs = {
        QStringLiteral("agree"),   QStringLiteral("arrange"), QStringLiteral("ask"),
        QStringLiteral("clarify"), QStringLiteral("resolve"), QStringLiteral("book"),
        QStringLiteral("check"),   QStringLiteral("collect"), QStringLiteral("confirm"),
        QStringLiteral("discuss"), QStringLiteral("explain"), QStringLiteral("follow"),
        QStringLiteral("help"),    QStringLiteral("inform"),  QStringLiteral("introduce"),
        QStringLiteral("invite"),  QStringLiteral("keep"),    QStringLiteral("notify"),
        QStringLiteral("offer"),   QStringLiteral("present"), QStringLiteral("remind"),
        QStringLiteral("renew"),   QStringLiteral("review"),  QStringLiteral("schedule"),
        QStringLiteral("tell"),    QStringLiteral("update"),  QStringLiteral("verify")};
    const QString firstWord = purpose.section(QLatin1Char(' '), 0, 0).toLower();
    if (!verbs.contains(firstWord)) {
        if (purpose.size() > 1 && purpose.at(0).isUpper() && purpose.at(1).isLower())
            purpose[0] = purpose.at(0).toLower();
        return QStringLiteral("about %1").arg(purpose);
    }
    purpose[0] = purpose.at(0).toLower();
    purpose.replace(QStringLiteral("the customer's"), QStringLiteral("your"));
    purpose.replace(QStringLiteral("a customer who asked to cancel their"),
                    QStringLiteral("you after you asked to cancel your"));
    purpose.replace(QStringLiteral("the customer"), QStringLiteral("you"));
    purpose.replace(QStringLiteral("to customers on the"), QStringLiteral("on your"));
    return QStringLiteral("to %1").arg(purpose);
}

QString SimAgentPlayer::nameSuffix() const
{
    if (m_facts.customerName.isEmpty())
        return {};
    return QStringLiteral(", %1").arg(m_facts.customerName.section(QLatin1Char(' '), 0, 0));
}
