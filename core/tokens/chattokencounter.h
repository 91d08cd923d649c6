#pragma once

#include "tokens/encoding.h"

#include <QList>
#include <QString>
#include <QStringView>

// One message of a chat request, as far as token counting is concerned.
struct ChatTokenMessage
{
    QString role;
    QString content;
    QString name;
};

// Counts the prompt tokens of a chat request the way the API bills them (prompt_tokens): each
// message costs a fixed overhead plus its role, content and name, and the reply is primed with
// three more tokens. Rule from OpenAI's cookbook "How to count tokens with tiktoken".
class ChatTokenCounter final
{
public:
    explicit ChatTokenCounter(QStringView model);

    int countPrompt(const QList<ChatTokenMessage> &messages) const;
    int countMessage(const ChatTokenMessage &message) const; // without the reply priming
    int count(QStringView text) const;

    const Encoding &encoding() const { return *m_encoding; }
    int tokensPerMessage() const { return m_tokensPerMessage; }
    int tokensPerName() const { return m_tokensPerName; }
    static constexpr int ReplyPrimingTokens = 3;

private:
    const Encoding *m_encoding;
    int m_tokensPerMessage = 3;
    int m_tokensPerName = 1;
};
