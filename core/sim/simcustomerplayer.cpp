#include "sim/simcustomerplayer.h"

namespace {

using Mood = SimPersona::Mood;
using Pushback = SimPersona::Pushback;

QString sentence(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty() && !text.back().isPunct())
        text += QLatin1Char('.');
    return text;
}

QString lowerFirst(QString text)
{
    if (text.size() > 1 && text.at(0).isUpper() && text.at(1).isLower())
        text[0] = text.at(0).toLower();
    return text;
}

} // namespace

SimCustomerPlayer::SimCustomerPlayer(SimPersona persona, quint64 planSeed, quint64 phraseSeed)
    : m_persona(std::move(persona))
    , m_planSeed(planSeed)
    , m_random(phraseSeed)
{}

QString SimCustomerPlayer::nextLine(const QList<SimMessage> &messages)
{
    int turn = 1;
    QString agentLine;
    for (const SimMessage &message : messages) {
        if (message.role == QLatin1String("assistant")) {
            ++turn;
            m_said.append(message.content);
        } else if (message.role == QLatin1String("user"))
            agentLine = message.content;
    }
    if (agentLine.contains(QLatin1String("goodbye"), Qt::CaseInsensitive))
        return farewell();

    // When the persona asks for a person or opts out depends on its mood and
    // pushback, and on the seed (stable per persona, not per turn).
    SimRandom plan(m_planSeed);
    const int maxTurns = m_persona.maxTurns > 0 ? m_persona.maxTurns : 3 + plan.below(3);
    const bool hostile = m_persona.mood == Mood::Angry && m_persona.pushback == Pushback::High;
    const int optOutTurn = m_persona.wantsOptOut ? 2 : (hostile ? 3 : -1);
    const bool pushy = m_persona.pushback != Pushback::Low &&
                       (m_persona.mood == Mood::Angry || m_persona.mood == Mood::Impatient);
    const int humanTurn = m_persona.wantsHuman ? 2 : (pushy && plan.chance(50) ? 3 : -1);

    if (turn == optOutTurn)
        return optOut();
    if (turn >= maxTurns)
        return windDown();
    if (turn == 1)
        return opening();

    QStringList parts;
    if (turn == 2)
        parts.append(goalLine());
    const qsizetype factIndex = turn - 2;
    if (factIndex < m_persona.facts.size())
        parts.append(factLine(m_persona.facts.at(factIndex)));
    if (turn == humanTurn)
        parts.append(askForHuman());
    else if (turn > 2 || m_persona.facts.isEmpty())
        parts.append(reaction(agentLine));
    return parts.join(QLatin1Char(' '));
}

QString SimCustomerPlayer::opening()
{
    const QString who =
        m_persona.name.isEmpty() ? QString() : QStringLiteral(", this is %1").arg(m_persona.name);
    switch (m_persona.mood) {
    case Mood::Angry:
        return m_random.pick(
            {QStringLiteral("Yes? Who is this? I'm not in the mood for sales calls."),
             QStringLiteral("What now? I've had enough calls from you people.")});
    case Mood::Impatient:
        return m_random.pickFresh(
            m_said, {QStringLiteral("Yes%1. I only have a minute, what is it?").arg(who),
                     QStringLiteral("Make it quick, please. What's this about?")});
    case Mood::Confused:
        return m_random.pick(
            {QStringLiteral("Hello? Sorry, who is calling?"),
             QStringLiteral("Oh, hello%1. I'm not sure I follow, what is this about?").arg(who)});
    case Mood::Friendly:
        return m_random.pick(
            {QStringLiteral("Hi%1! Sure, I have a few minutes.").arg(who),
             QStringLiteral("Hello%1, nice to hear from you. Go ahead.").arg(who)});
    case Mood::Neutral:
        break;
    }
    return m_random.pickFresh(m_said, {QStringLiteral("Hello%1. Yes, now is fine.").arg(who),
                                       QStringLiteral("Hi%1. What can I do for you?").arg(who)});
}

QString SimCustomerPlayer::goalLine()
{
    if (m_persona.goal.isEmpty())
        return QStringLiteral("So what exactly are you offering?");
    const QString goal = lowerFirst(sentence(m_persona.goal));
    switch (m_persona.mood) {
    case Mood::Angry:
        return QStringLiteral("Look, all I want is this: %1").arg(goal);
    case Mood::Impatient:
        return QStringLiteral("Fine. Here's what I need: %1").arg(goal);
    case Mood::Confused:
        return QStringLiteral(
                   "I think what I'd like is this: %1 Is that something you can help with?")
            .arg(goal);
    case Mood::Friendly:
        return QStringLiteral("Actually, good timing. What I'd like is this: %1").arg(goal);
    case Mood::Neutral:
        break;
    }
    return QStringLiteral("Here's what I'm after: %1").arg(goal);
}

QString SimCustomerPlayer::factLine(const QString &fact)
{
    const QString text = lowerFirst(sentence(fact));
    if (m_persona.mood == Mood::Angry)
        return QStringLiteral("And I've told your company before: %1").arg(text);
    return m_random.pickFresh(m_said, {QStringLiteral("You should know that %1").arg(text),
                                       QStringLiteral("Just so you know, %1").arg(text)});
}

QString SimCustomerPlayer::reaction(const QString &agentLine)
{
    const bool mentionsPrice = agentLine.contains(QLatin1String("price"), Qt::CaseInsensitive) ||
                               agentLine.contains(QLatin1String("cost"), Qt::CaseInsensitive) ||
                               agentLine.contains(QLatin1Char('$'));
    switch (m_persona.pushback) {
    case Pushback::High:
        if (m_persona.mood == Mood::Angry)
            return m_random.pick(
                {QStringLiteral("This is really frustrating. I don't believe a word of it."),
                 QStringLiteral("No. That's not good enough, and I'm getting annoyed.")});
        return mentionsPrice
                   ? QStringLiteral("That's far too expensive for me.")
                   : m_random.pickFresh(
                         m_said, {QStringLiteral("I'm not convinced. Why would I want that?"),
                                  QStringLiteral("I've heard that before. What's the catch?")});
    case Pushback::Medium:
        return m_random.pickFresh(
            m_said, {QStringLiteral("Hmm, I'm not sure. Can you explain that a bit more?"),
                     QStringLiteral("Maybe. How much would that cost me?"),
                     QStringLiteral("What would change for me, exactly?")});
    case Pushback::Low:
        break;
    }
    if (m_persona.mood == Mood::Confused)
        return QStringLiteral("Sorry, what do you mean by that?");
    return m_random.pickFresh(m_said, {QStringLiteral("Okay, that sounds reasonable."),
                                       QStringLiteral("Great, that's helpful, thank you."),
                                       QStringLiteral("Sounds good. What's the next step?")});
}

QString SimCustomerPlayer::askForHuman()
{
    if (m_persona.mood == Mood::Angry)
        return QStringLiteral("I don't want to talk to a machine. Put me through to a human, now.");
    return m_random.pickFresh(m_said,
                              {QStringLiteral("Can I speak to a human, please?"),
                               QStringLiteral("I'd rather talk to a real person about this.")});
}

QString SimCustomerPlayer::optOut()
{
    return QStringLiteral("Stop calling me. Put me on your do-not-call list.");
}

QString SimCustomerPlayer::windDown()
{
    switch (m_persona.mood) {
    case Mood::Angry:
        return QStringLiteral("I've heard enough. Goodbye.");
    case Mood::Impatient:
        return QStringLiteral("Alright, I have to go. Goodbye.");
    default:
        break;
    }
    return m_random.pick(
        {QStringLiteral("Okay, that answers my question. Thanks for your help. Goodbye."),
         QStringLiteral("Alright, I think that's all I needed. Thank you, goodbye.")});
}

QString SimCustomerPlayer::farewell()
{
    return m_persona.mood == Mood::Angry ? QStringLiteral("Bye.") : QStringLiteral("Goodbye.");
}
