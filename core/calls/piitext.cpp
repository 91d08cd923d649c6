#include "calls/piitext.h"

#include <algorithm>

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

} // namespace

PiiText::PiiText(QStringView text)
    : m_text(text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (!isWordChar(text.at(i))) {
            ++i;
            continue;
        }
        const qsizetype begin = i;
        while (i < n && isWordChar(text.at(i)))
            ++i;
        m_words.append(Word{begin, i});
        m_lower.append(text.mid(begin, i - begin).toString().toLower());
    }
}

QStringView PiiText::word(int i) const
{
    return m_text.mid(m_words.at(i).start, m_words.at(i).end - m_words.at(i).start);
}

QStringView PiiText::gapAfter(int i) const
{
    const qsizetype from = m_words.at(i).end;
    const qsizetype to = i + 1 < size() ? m_words.at(i + 1).start : m_text.size();
    return m_text.mid(from, to - from);
}

bool PiiText::spaceAfter(int i) const
{
    if (i + 1 >= size())
        return false;
    const QStringView gap = gapAfter(i);
    return !gap.isEmpty() && std::all_of(gap.begin(), gap.end(), [](QChar c) {
        return c == u' ' || c == u'\t' || c == QChar(0x00A0);
    });
}

bool PiiText::breakAfter(int i) const
{
    const QStringView gap = gapAfter(i);
    return std::any_of(gap.begin(), gap.end(), [](QChar c) {
        return c == u'.' || c == u',' || c == u';' || c == u':' || c == u'!' || c == u'?' ||
               c == u'\n' || c == u'\r';
    });
}

int PiiText::wordAtOrAfter(qsizetype pos) const
{
    const auto it = std::lower_bound(m_words.begin(), m_words.end(), pos,
                                     [](const Word &w, qsizetype p) { return w.start < p; });
    return int(it - m_words.begin());
}

bool PiiText::capitalised(int i) const
{
    const QChar c = m_text.at(m_words.at(i).start);
    return c.isUpper();
}

bool PiiText::allDigits(int i) const
{
    const QStringView w = word(i);
    return std::all_of(w.begin(), w.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool PiiText::allLetters(int i) const
{
    const QStringView w = word(i);
    return std::all_of(w.begin(), w.end(), [](QChar c) { return c.isLetter() || c.isMark(); });
}

bool PiiText::hasDigit(int i) const
{
    const QStringView w = word(i);
    return std::any_of(w.begin(), w.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool PiiText::matches(int i, const QStringList &phrase, int *last) const
{
    if (i < 0 || i + phrase.size() > size())
        return false;
    for (qsizetype k = 0; k < phrase.size(); ++k) {
        if (m_lower.at(i + k) != phrase.at(k))
            return false;
        if (k + 1 < phrase.size() && !spaceAfter(int(i + k)) && gapAfter(int(i + k)) != u"-")
            return false;
    }
    if (last)
        *last = int(i + phrase.size()) - 1;
    return true;
}
