#include "sim/simreplygenerator.h"

#include "sim/simagentplayer.h"
#include "sim/simcontextfacts.h"
#include "sim/simcustomerplayer.h"
#include "sim/simpersona.h"
#include "sim/simrandom.h"

namespace {

const QLatin1String kCustomerMarker("You are role-playing the customer");

QString lastUserMessage(const QList<SimMessage> &messages)
{
    for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
        if (it->role == QLatin1String("user"))
            return it->content;
    }
    return {};
}

QString clip(QString text, int max)
{
    text = text.simplified();
    if (text.size() > max)
        text = text.left(max - 3).trimmed() + QStringLiteral("...");
    return text;
}

} // namespace

SimReplyGenerator::Mode SimReplyGenerator::modeOf(const SimChatRequest &request)
{
    for (const SimMessage &message : request.messages) {
        if ((message.role == QLatin1String("system") ||
             message.role == QLatin1String("developer")) &&
            message.content.contains(kCustomerMarker, Qt::CaseInsensitive))
            return Mode::Customer;
    }
    const QString last = lastUserMessage(request.messages).trimmed();
    if (last.startsWith(QLatin1String("Summarise the conversation"), Qt::CaseInsensitive) ||
        last.startsWith(QLatin1String("Summarize the conversation"), Qt::CaseInsensitive))
        return Mode::Summary;
    return Mode::Agent;
}

quint64 SimReplyGenerator::conversationSeed(const SimChatRequest &request) const
{
    // The same conversation gets the same answer whatever the request order;
    // the request's own "seed" field varies it like the API's does.
    quint64 h = SimRandom::hash(QByteArray::number(m_seed));
    for (const SimMessage &message : request.messages) {
        h = SimRandom::hash(message.role.toUtf8(), h);
        h = SimRandom::hash(message.content.toUtf8(), h);
    }
    if (request.seed)
        h = SimRandom::hash(QByteArray::number(*request.seed), h);
    return h;
}

QString SimReplyGenerator::reply(const SimChatRequest &request) const
{
    const quint64 seed = conversationSeed(request);
    switch (modeOf(request)) {
    case Mode::Customer: {
        QString prompt;
        for (const SimMessage &message : request.messages) {
            if (message.role == QLatin1String("system") ||
                message.role == QLatin1String("developer"))
                prompt += message.content + QLatin1Char('\n');
        }
        // The persona's plan must not change from turn to turn: seed it by the prompt only.
        SimCustomerPlayer player(SimPersona::fromSystemPrompt(prompt),
                                 SimRandom::hash(prompt.toUtf8(), m_seed + 1), seed);
        return player.nextLine(request.messages);
    }
    case Mode::Summary:
        return summary(request.messages);
    case Mode::Agent:
        break;
    }
    SimAgentPlayer player(SimContextFacts::fromMessages(request.messages), seed);
    return player.nextLine(request.messages);
}

QString SimReplyGenerator::summary(const QList<SimMessage> &messages) const
{
    // The conversation is either in the earlier messages or quoted inside the
    // instruction ("Customer: ..." / "Agent: ..." lines).
    QStringList customer;
    QStringList agent;
    const QString instruction = lastUserMessage(messages);
    for (const auto &[label, value] : SimContextFacts::labelledLines(instruction)) {
        if (label.contains(QLatin1String("customer")))
            customer.append(value);
        else if (label.contains(QLatin1String("agent")) ||
                 label.contains(QLatin1String("assistant")))
            agent.append(value);
    }
    for (qsizetype i = 0; i + 1 < messages.size(); ++i) {
        const SimMessage &message = messages.at(i);
        if (message.role == QLatin1String("assistant"))
            agent.append(message.content);
        else if (message.role == QLatin1String("user"))
            customer.append(message.content);
    }
    const SimContextFacts facts = SimContextFacts::fromMessages(messages);
    QString text = QStringLiteral("Summary: %1 customer and %2 agent turns")
                       .arg(customer.size())
                       .arg(agent.size());
    if (!facts.purpose.isEmpty())
        text += QStringLiteral(" about %1").arg(facts.purpose);
    text += QLatin1Char('.');
    if (!customer.isEmpty())
        text += QStringLiteral(" The customer first said: \"%1\"").arg(clip(customer.first(), 80));
    if (customer.size() > 1)
        text += QStringLiteral(" and last said: \"%1\"").arg(clip(customer.last(), 80));
    if (!customer.isEmpty())
        text += QLatin1Char('.');
    if (!agent.isEmpty())
        text += QStringLiteral(" The agent last said: \"%1\".").arg(clip(agent.last(), 80));
    return text;
}
