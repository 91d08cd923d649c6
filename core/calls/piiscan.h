#pragma once

#include "calls/piidetector.h"

#include <QLatin1StringView>
#include <QList>
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

    static bool overlapsAny(const QList<Candidate> &taken, qsizetype start, qsizetype length)
    {
        for (const Candidate &c : taken) {
            if (start < c.start + c.length && c.start < start + length)
                return true;
        }
        return false;
    }

    static void take(QList<Candidate> &taken, PiiKind kind, qsizetype start, qsizetype length,
                     QString value)
    {
        if (!overlapsAny(taken, start, length))
            taken.append(Candidate{kind, start, length, std::move(value)});
    }
};
