#include "tokens/chattokencounter.h"

#include "tokens/tokenizer.h"

ChatTokenCounter::ChatTokenCounter(QStringView model)
    : m_encoding(&Tokenizer::forModel(model))
{
    // gpt-3.5-turbo-0301 framed messages differently: 4 tokens each, and a name replaced the role.
    if (model.trimmed().startsWith(QLatin1String("gpt-3.5-turbo-0301"), Qt::CaseInsensitive)) {
        m_tokensPerMessage = 4;
        m_tokensPerName = -1;
    }
}

int ChatTokenCounter::countMessage(const ChatTokenMessage &message) const
{
    int tokens = m_tokensPerMessage + count(message.role) + count(message.content);
    if (!message.name.isEmpty())
        tokens += count(message.name) + m_tokensPerName;
    return tokens;
}

int ChatTokenCounter::countPrompt(const QList<ChatTokenMessage> &messages) const
{
    int tokens = ReplyPrimingTokens;
    for (const ChatTokenMessage &m : messages)
        tokens += countMessage(m);
    return tokens;
}

int ChatTokenCounter::count(QStringView text) const
{
    return int(m_encoding->count(text));
}
