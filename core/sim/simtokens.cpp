#include "sim/simtokens.h"

#include "tokens/chattokencounter.h"

int SimTokens::countPrompt(const QString &model, const QList<SimMessage> &messages)
{
    QList<ChatTokenMessage> list;
    list.reserve(messages.size());
    for (const SimMessage &message : messages)
        list.append({message.role, message.content, message.name});
    return ChatTokenCounter(model).countPrompt(list);
}

int SimTokens::count(const QString &model, const QString &text)
{
    return ChatTokenCounter(model).count(text);
}

QStringList SimTokens::pieces(const QString &text)
{
    QStringList result;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty())
            result.append(current);
        current.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool wordChar = c.isLetterOrNumber() || c == QLatin1Char('\'');
        if (c.isSpace()) {
            // A space starts the next piece, as in BPE vocabularies.
            if (!current.isEmpty() && !current.back().isSpace())
                flush();
            current += c;
        } else if (wordChar) {
            if (!current.isEmpty() && !current.back().isSpace() &&
                !current.back().isLetterOrNumber() && current.back() != QLatin1Char('\''))
                flush();
            current += c;
        } else {
            if (!current.isEmpty() && !current.back().isSpace())
                flush();
            current += c;
        }
        if (c.isHighSurrogate() && i + 1 < text.size())
            current += text.at(++i); // never split a surrogate pair
    }
    flush();
    return result;
}
