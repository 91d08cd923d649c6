#pragma once

#include "calls/piidetector.h"

#include <QBitArray>
#include <QLatin1StringView>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <initializer_list>

// Character-level helpers shared by the PII scanners (internal to calls/).
class PiiScan final
{
public:
    using Candidate = PiiDetector::Candidate;

    static bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }

    static bool isAsciiLetter(QChar c)
    {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    }

    static bool isAlnum(QChar c) { return c.isLetterOrNumber(); }

    // A word list written as one string, words separated by spaces: u"mr mrs ms".
    static QSet<QString> words(QStringView spaceSeparated)
    {
        QSet<QString> set;
        for (QStringView word : spaceSeparated.split(u' ', Qt::SkipEmptyParts))
            set.insert(word.toString());
        return set;
    }

    static QChar charAt(QStringView text, qsizetype i)
    {
        return i >= 0 && i < text.size() ? text.at(i) : QChar();
    }

    // True if text[pos...] starts with the ASCII `word`, case-insensitively.
    static bool startsWithNoCase(QStringView text, qsizetype pos, QLatin1StringView word)
    {
        if (pos < 0 || pos + word.size() > text.size())
            return false;
        for (qsizetype i = 0; i < word.size(); ++i) {
            if (text.at(pos + i).toLower() != QChar(word.at(i)))
                return false;
        }
        return true;
    }

    static bool boundaryBefore(QStringView text, qsizetype pos)
    {
        return pos == 0 || !isAlnum(text.at(pos - 1));
    }

    static bool boundaryAfter(QStringView text, qsizetype end)
    {
        return end >= text.size() || !isAlnum(text.at(end));
    }

    // True if one of `words` occurs as a whole word in text[from, to).
    static bool keywordIn(QStringView text, qsizetype from, qsizetype to,
                          std::initializer_list<QLatin1StringView> words)
    {
        from = std::max<qsizetype>(0, from);
        to = std::min(text.size(), to);
        for (qsizetype i = from; i < to; ++i) {
            if (!boundaryBefore(text, i))
                continue;
            for (QLatin1StringView word : words) {
                if (i + word.size() <= to && startsWithNoCase(text, i, word) &&
                    boundaryAfter(text, i + word.size()))
                    return true;
            }
        }
        return false;
    }
};

// What the scanners found so far. The first scanner to claim characters keeps them: scanners run
// in priority order. Claims are kept per character, so a check costs the candidate's length and
// many findings in a long text stay linear.
class PiiFindings final
{
public:
    using Candidate = PiiDetector::Candidate;

    explicit PiiFindings(qsizetype textSize)
        : m_claimed(textSize)
    {}

    bool isFree(qsizetype start, qsizetype length) const
    {
        if (start < 0 || length <= 0 || start + length > m_claimed.size())
            return false;
        for (qsizetype i = start; i < start + length; ++i) {
            if (m_claimed.testBit(i))
                return false;
        }
        return true;
    }

    // Takes the span unless another finding already holds part of it; true if taken.
    bool take(PiiKind kind, qsizetype start, qsizetype length, QString value)
    {
        if (!isFree(start, length))
            return false;
        m_claimed.fill(true, start, start + length);
        m_found.append(Candidate{kind, start, length, std::move(value)});
        return true;
    }

    // Forgets the findings of one kind (found only to keep other scanners off their characters).
    void drop(PiiKind kind)
    {
        m_found.removeIf([kind](const Candidate &c) { return c.kind == kind; });
    }

    QList<Candidate> sorted() const
    {
        QList<Candidate> list = m_found;
        std::sort(list.begin(), list.end(),
                  [](const Candidate &a, const Candidate &b) { return a.start < b.start; });
        return list;
    }

private:
    QBitArray m_claimed;
    QList<Candidate> m_found;
};
