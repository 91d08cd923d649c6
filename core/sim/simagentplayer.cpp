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
    return QStringLiteral("%1, I'm VoiceAI, an AI assistant calling%2 about %3. Is now a good "
                          "time to talk?")
        .arg(hello, company, purposePhrase());
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
        return QStringLiteral("I'm sorry this has been frustrating%1. I only want to help with %2; "
                              "if it's not useful, just tell me and I'll stop there.")
            .arg(name, purposePhrase());
    if (containsAny(line, {"what do you mean", "explain", "not sure", "don't understand",
                           "who is calling", "what is this about", "what's this about"}))
        return QStringLiteral("Of course. I'm calling about %1. In short, %2 could make this "
                              "simpler for you. Would you like to hear how?")
            .arg(purposePhrase(), item);
    if (line.contains(QLatin1Char('?')))
        return m_random.pickFresh(
            m_said, {QStringLiteral("Good question. Regarding %1, %2 is the option I "
                                    "would recommend. Would you like the details?")
                         .arg(purposePhrase(), item),
                     QStringLiteral("Yes, I can help with that. For %1 we can use %2. "
                                    "Shall I set that up for you?")
                         .arg(purposePhrase(), item)});
    return m_random.pickFresh(
        m_said, {QStringLiteral("Thank you%1, that's helpful. About %2: %3 fits what you "
                                "described. Shall we go ahead?")
                     .arg(name, purposePhrase(), item),
                 QStringLiteral("That makes sense%1. For %2, many customers choose %3. "
                                "Would you like me to arrange that?")
                     .arg(name, purposePhrase(), item),
                 QStringLiteral("I understand. To follow up on %1, I can offer you %2. "
                                "Would that work for you?")
                     .arg(purposePhrase(), item)});
}

QString SimAgentPlayer::product(int agentTurn) const
{
    if (m_facts.products.isEmpty())
        return QStringLiteral("our standard plan");
    return m_facts.products.at((agentTurn - 1) % m_facts.products.size());
}

QString SimAgentPlayer::purposePhrase() const
{
    QString purpose = m_facts.purpose.trimmed();
    if (purpose.isEmpty())
        return QStringLiteral("how we can help you today");
    if (purpose.size() > 1 && purpose.at(0).isUpper() && purpose.at(1).isLower())
        purpose[0] = purpose.at(0).toLower();
    return purpose;
}

QString SimAgentPlayer::nameSuffix() const
{
    if (m_facts.customerName.isEmpty())
        return {};
    return QStringLiteral(", %1").arg(m_facts.customerName.section(QLatin1Char(' '), 0, 0));
}
