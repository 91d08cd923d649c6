#include "calls/piidatescanner.h"

#include "calls/piiscan.h"

#include <array>

namespace {

using Candidate = PiiDetector::Candidate;

const std::array<QLatin1StringView, 12> kMonths = {
    QLatin1StringView("january"), QLatin1StringView("february"), QLatin1StringView("march"),
    QLatin1StringView("april"),   QLatin1StringView("may"),      QLatin1StringView("june"),
    QLatin1StringView("july"),    QLatin1StringView("august"),   QLatin1StringView("september"),
    QLatin1StringView("october"), QLatin1StringView("november"), QLatin1StringView("december")};

// Reads 1..maxDigits ASCII digits at pos; returns how many (0 if none) and the value.
int readNumber(QStringView text, qsizetype pos, int maxDigits, int *value)
{
    int count = 0;
    int v = 0;
    while (count < maxDigits && PiiScan::isAsciiDigit(PiiScan::charAt(text, pos + count))) {
        v = v * 10 + (text.at(pos + count).unicode() - u'0');
        ++count;
    }
    if (PiiScan::isAsciiDigit(PiiScan::charAt(text, pos + count)))
        return 0; // longer than allowed
    *value = v;
    return count;
}

// German month names where they differ from the English ones, and their abbreviations.
const std::array<QStringView, 14> kGermanMonths = {
    QStringView(u"januar"), QStringView(u"februar"), QStringView(u"märz"),
    QStringView(u"maerz"),  QStringView(u"mai"),     QStringView(u"juni"),
    QStringView(u"juli"),   QStringView(u"oktober"), QStringView(u"dezember"),
    QStringView(u"jän"),    QStringView(u"mär"),     QStringView(u"okt"),
    QStringView(u"dez"),    QStringView(u"jänner")};

// A month name (full, or its first three letters, or "sept", English or German) at pos;
// returns its length.
qsizetype readMonth(QStringView text, qsizetype pos)
{
    // Every month, English or German, starts with one of these letters.
    if (!PiiScan::boundaryBefore(text, pos) ||
        !QStringView(u"jfmasond").contains(PiiScan::charAt(text, pos).toLower()))
        return 0;
    for (QLatin1StringView month : kMonths) {
        if (PiiScan::startsWithNoCase(text, pos, month) &&
            PiiScan::boundaryAfter(text, pos + month.size()))
            return month.size();
    }
    for (QStringView month : kGermanMonths) {
        qsizetype end = pos + month.size();
        if (end <= text.size() &&
            text.mid(pos, month.size()).compare(month, Qt::CaseInsensitive) == 0) {
            if (month.size() == 3 && PiiScan::charAt(text, end) == u'.')
                ++end;
            if (PiiScan::boundaryAfter(text, end))
                return end - pos;
        }
    }
    for (QLatin1StringView month : kMonths) {
        for (qsizetype len : {qsizetype(4), qsizetype(3)}) {
            if (len == 4 && month != QLatin1StringView("september"))
                continue;
            qsizetype end = pos + len;
            if (PiiScan::startsWithNoCase(text, pos, month.left(len))) {
                if (PiiScan::charAt(text, end) == u'.')
                    ++end;
                if (PiiScan::boundaryAfter(text, end))
                    return end - pos;
            }
        }
    }
    return 0;
}

qsizetype skipSpaces(QStringView text, qsizetype pos)
{
    while (pos < text.size() && (text.at(pos) == u' ' || text.at(pos) == u'\t'))
        ++pos;
    return pos;
}

qsizetype skipOrdinal(QStringView text, qsizetype pos)
{
    for (QLatin1StringView suffix : {QLatin1StringView("st"), QLatin1StringView("nd"),
                                     QLatin1StringView("rd"), QLatin1StringView("th")}) {
        if (PiiScan::startsWithNoCase(text, pos, suffix) && PiiScan::boundaryAfter(text, pos + 2))
            return pos + 2;
    }
    return pos;
}

bool plausibleYear(int digits, int year)
{
    return digits == 2 || (digits == 4 && year >= 1900 && year <= 2100);
}

const std::initializer_list<QLatin1StringView> kBirthWords = {
    QLatin1StringView("born"),         QLatin1StringView("dob"),
    QLatin1StringView("d.o.b"),        QLatin1StringView("date of birth"),
    QLatin1StringView("birth date"),   QLatin1StringView("birthdate"),
    QLatin1StringView("birthday"),     QLatin1StringView("geboren"),
    QLatin1StringView("geburtsdatum"), QLatin1StringView("geburtstag"),
    QLatin1StringView("geb")};

} // namespace

// A date starting at pos; returns its length or 0. Numeric (d/m/y, m/d/y, y-m-d with / . -)
// or written ("12 March 1985", "12th of March, 1985", "March 12, 1985").
qsizetype PiiDateScanner::readDate(QStringView text, qsizetype pos)
{
    if (!PiiScan::boundaryBefore(text, pos))
        return 0;
    int a = 0;
    const int na = readNumber(text, pos, 4, &a);
    if (na > 0 && na != 3) {
        const QChar sep = PiiScan::charAt(text, pos + na);
        if (sep == u'/' || sep == u'.' || sep == u'-') {
            int b = 0;
            int c = 0;
            const int nb = readNumber(text, pos + na + 1, 2, &b);
            if (nb > 0 && PiiScan::charAt(text, pos + na + 1 + nb) == sep) {
                const qsizetype cpos = pos + na + 1 + nb + 1;
                const int nc = readNumber(text, cpos, 4, &c);
                const qsizetype end = cpos + nc;
                if (nc > 0 && PiiScan::boundaryAfter(text, end)) {
                    bool ok = false;
                    if (na == 4)
                        ok = plausibleYear(4, a) && nc <= 2 && b >= 1 && b <= 12 && c >= 1 &&
                             c <= 31;
                    else if (nc == 4 || nc == 2)
                        ok = plausibleYear(nc, c) && a >= 1 && b >= 1 && a <= 31 && b <= 31 &&
                             (a <= 12 || b <= 12);
                    if (ok)
                        return end - pos;
                }
            }
        }
        if (na <= 2 && a >= 1 && a <= 31) {
            // "12 March 1985", "12th of March, 1985"
            qsizetype p = skipOrdinal(text, pos + na);
            if (p == pos + na && PiiScan::charAt(text, p) == u'.')
                ++p; // German ordinal: "3. Mai 1990"
            p = skipSpaces(text, p);
            if (PiiScan::startsWithNoCase(text, p, QLatin1StringView("of")) &&
                PiiScan::boundaryAfter(text, p + 2))
                p = skipSpaces(text, p + 2);
            const qsizetype m = readMonth(text, p);
            if (m > 0) {
                p += m;
                if (PiiScan::charAt(text, p) == u',')
                    ++p;
                p = skipSpaces(text, p);
                int year = 0;
                const int ny = readNumber(text, p, 4, &year);
                if (ny == 4 && plausibleYear(4, year) && PiiScan::boundaryAfter(text, p + ny))
                    return p + ny - pos;
            }
        }
        return 0;
    }
    // "March 12, 1985"
    const qsizetype m = readMonth(text, pos);
    if (m == 0)
        return 0;
    qsizetype p = skipSpaces(text, pos + m);
    int day = 0;
    const int nd = readNumber(text, p, 2, &day);
    if (nd == 0 || day < 1 || day > 31)
        return 0;
    p = skipOrdinal(text, p + nd);
    if (PiiScan::charAt(text, p) == u',')
        ++p;
    p = skipSpaces(text, p);
    int year = 0;
    const int ny = readNumber(text, p, 4, &year);
    if (ny == 4 && plausibleYear(4, year) && PiiScan::boundaryAfter(text, p + ny))
        return p + ny - pos;
    return 0;
}

void PiiDateScanner::findDatesOfBirth(QStringView text, PiiFindings &out)
{
    constexpr qsizetype before = 60; // keyword up to this far before the date...
    constexpr qsizetype after = 30;  // ...or this far after it ("12/03/1985 is my birthday")
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!PiiScan::isAsciiDigit(c) && !PiiScan::isAsciiLetter(c))
            continue;
        const qsizetype len = readDate(text, i);
        if (len == 0)
            continue;
        if (PiiScan::keywordIn(text, i - before, i, kBirthWords) ||
            PiiScan::keywordIn(text, i + len, i + len + after, kBirthWords)) {
            out.take(PiiKind::DateOfBirth, i, len, text.mid(i, len).toString().toLower());
        }
        i += len - 1;
    }
}
