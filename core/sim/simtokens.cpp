#include "sim/simtokens.h"

namespace {

// Until exact counts are linked in: about one token per 4 characters of
// English, never fewer than the number of words and punctuation marks.
int approximateCount(const QString &text)
{
    int words = 0;
    bool inWord = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (!inWord)
                ++words;
            inWord = true;
        } else {
            inWord = false;
            if (!c.isSpace())
                ++words;
        }
    }
    return std::max(words, static_cast<int>((text.size() + 3) / 4));
}

} // namespace

int SimTokens::countPrompt(const QString &model, const QList<SimMessage> &messages)
{
    // The API's accounting: 3 tokens per message, 1 per name, 3 to prime the reply.
    int total = 3;
    for (const SimMessage &message : messages) {
        total += 3 + count(model, message.role) + count(model, message.content);
        if (!message.name.isEmpty())
            total += 1 + count(model, message.name);
    }
    return total;
}

int SimTokens::count(const QString &model, const QString &text)
{
    Q_UNUSED(model);
    return approximateCount(text);
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
