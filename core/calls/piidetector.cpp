#include "calls/piidetector.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace {

using Candidate = PiiDetector::Candidate;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAlnum(QChar c)
{
    return c.isLetterOrNumber();
}

QChar charAt(QStringView text, qsizetype i)
{
    return i >= 0 && i < text.size() ? text.at(i) : QChar();
}

// True if text[pos...] starts with the ASCII `word`, case-insensitively.
bool startsWithNoCase(QStringView text, qsizetype pos, QLatin1StringView word)
{
    if (pos < 0 || pos + word.size() > text.size())
        return false;
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (text.at(pos + i).toLower() != QChar(word.at(i)))
            return false;
    }
    return true;
}

bool boundaryBefore(QStringView text, qsizetype pos)
{
    return pos == 0 || !isAlnum(text.at(pos - 1));
}

bool boundaryAfter(QStringView text, qsizetype end)
{
    return end >= text.size() || !isAlnum(text.at(end));
}

// True if one of `words` occurs as a whole word in text[from, to).
bool keywordIn(QStringView text, qsizetype from, qsizetype to,
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

bool overlapsAny(const QList<Candidate> &taken, qsizetype start, qsizetype length)
{
    for (const Candidate &c : taken) {
        if (start < c.start + c.length && c.start < start + length)
            return true;
    }
    return false;
}

void take(QList<Candidate> &taken, PiiKind kind, qsizetype start, qsizetype length, QString value)
{
    if (!overlapsAny(taken, start, length))
        taken.append(Candidate{kind, start, length, std::move(value)});
}

// ---- e-mail -------------------------------------------------------------------------------

bool isLocalChar(QChar c)
{
    return isAlnum(c) || c == u'.' || c == u'_' || c == u'%' || c == u'+' || c == u'-';
}

bool isDomainChar(QChar c)
{
    return isAlnum(c) || c == u'.' || c == u'-';
}

void findEmails(QStringView text, QList<Candidate> &out)
{
    // Each character is visited at most twice: expansions stop at the neighbouring '@'.
    for (qsizetype at = 0; at < text.size(); ++at) {
        if (text.at(at) != u'@')
            continue;
        qsizetype left = at;
        while (left > 0 && isLocalChar(text.at(left - 1)))
            --left;
        while (left < at && text.at(left) == u'.')
            ++left;
        qsizetype right = at + 1;
        while (right < text.size() && isDomainChar(text.at(right)))
            ++right;
        while (right > at + 1 && (text.at(right - 1) == u'.' || text.at(right - 1) == u'-'))
            --right;
        if (left == at || right <= at + 1)
            continue;
        const QStringView domain = text.mid(at + 1, right - at - 1);
        const qsizetype lastDot = domain.lastIndexOf(u'.');
        if (lastDot <= 0 || domain.contains(u"..") || domain.startsWith(u'.'))
            continue;
        const QStringView tld = domain.mid(lastDot + 1);
        if (tld.size() < 2 ||
            !std::all_of(tld.begin(), tld.end(), [](QChar c) { return c.isLetter(); }))
            continue;
        take(out, PiiKind::Email, left, right - left,
             text.mid(left, right - left).toString().toLower());
    }
}

// ---- IBAN ---------------------------------------------------------------------------------

int ibanLength(QStringView country)
{
    static const QHash<QString, int> lengths = {
        {QStringLiteral("AD"), 24}, {QStringLiteral("AE"), 23}, {QStringLiteral("AT"), 20},
        {QStringLiteral("BE"), 16}, {QStringLiteral("BG"), 22}, {QStringLiteral("BR"), 29},
        {QStringLiteral("CH"), 21}, {QStringLiteral("CY"), 28}, {QStringLiteral("CZ"), 24},
        {QStringLiteral("DE"), 22}, {QStringLiteral("DK"), 18}, {QStringLiteral("EE"), 20},
        {QStringLiteral("ES"), 24}, {QStringLiteral("FI"), 18}, {QStringLiteral("FR"), 27},
        {QStringLiteral("GB"), 22}, {QStringLiteral("GR"), 27}, {QStringLiteral("HR"), 21},
        {QStringLiteral("HU"), 28}, {QStringLiteral("IE"), 22}, {QStringLiteral("IL"), 23},
        {QStringLiteral("IS"), 26}, {QStringLiteral("IT"), 27}, {QStringLiteral("LI"), 21},
        {QStringLiteral("LT"), 20}, {QStringLiteral("LU"), 20}, {QStringLiteral("LV"), 21},
        {QStringLiteral("MC"), 27}, {QStringLiteral("MT"), 31}, {QStringLiteral("NL"), 18},
        {QStringLiteral("NO"), 15}, {QStringLiteral("PL"), 28}, {QStringLiteral("PT"), 25},
        {QStringLiteral("QA"), 29}, {QStringLiteral("RO"), 24}, {QStringLiteral("SA"), 24},
        {QStringLiteral("SE"), 24}, {QStringLiteral("SI"), 19}, {QStringLiteral("SK"), 24},
        {QStringLiteral("SM"), 27}, {QStringLiteral("TR"), 26},
    };
    return lengths.value(country.toString(), 0);
}

void findIbans(QStringView text, QList<Candidate> &out)
{
    for (qsizetype i = 0; i + 4 <= text.size(); ++i) {
        if (!isAsciiLetter(text.at(i)) || !isAsciiLetter(text.at(i + 1)) ||
            !isAsciiDigit(text.at(i + 2)) || !isAsciiDigit(text.at(i + 3)) ||
            !boundaryBefore(text, i))
            continue;
        // Collect up to 34 alphanumerics, allowing single spaces between groups; ends[k] is
        // the raw end position after the (k+1)-th character.
        QString compact;
        QList<qsizetype> ends;
        qsizetype j = i;
        while (j < text.size() && compact.size() < 34) {
            const QChar c = text.at(j);
            if (isAsciiDigit(c) || isAsciiLetter(c)) {
                compact += c.toUpper();
                ends.append(j + 1);
                ++j;
            } else if (c == u' ' && j + 1 < text.size() &&
                       (isAsciiDigit(text.at(j + 1)) || isAsciiLetter(text.at(j + 1)))) {
                ++j;
            } else {
                break;
            }
        }
        const int known = ibanLength(QStringView(compact).left(2));
        const int maxLen = known ? known : int(compact.size());
        const int minLen = known ? known : 15;
        for (int len = std::min<int>(maxLen, int(compact.size())); len >= minLen; --len) {
            const qsizetype end = ends.at(len - 1);
            if (!boundaryAfter(text, end))
                continue;
            const QStringView candidate = QStringView(compact).left(len);
            if (PiiDetector::ibanValid(candidate)) {
                take(out, PiiKind::Iban, i, end - i, candidate.toString());
                i = end - 1;
                break;
            }
        }
    }
}

// ---- dates of birth -----------------------------------------------------------------------

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
    while (count < maxDigits && isAsciiDigit(charAt(text, pos + count))) {
        v = v * 10 + (text.at(pos + count).unicode() - u'0');
        ++count;
    }
    if (isAsciiDigit(charAt(text, pos + count)))
        return 0; // longer than allowed
    *value = v;
    return count;
}

// A month name (full, or its first three letters, or "sept") at pos; returns its length.
qsizetype readMonth(QStringView text, qsizetype pos)
{
    if (!boundaryBefore(text, pos))
        return 0;
    for (QLatin1StringView month : kMonths) {
        if (startsWithNoCase(text, pos, month) && boundaryAfter(text, pos + month.size()))
            return month.size();
    }
    for (QLatin1StringView month : kMonths) {
        for (qsizetype len : {qsizetype(4), qsizetype(3)}) {
            if (len == 4 && month != QLatin1StringView("september"))
                continue;
            qsizetype end = pos + len;
            if (startsWithNoCase(text, pos, month.left(len))) {
                if (charAt(text, end) == u'.')
                    ++end;
                if (boundaryAfter(text, end))
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
        if (startsWithNoCase(text, pos, suffix) && boundaryAfter(text, pos + 2))
            return pos + 2;
    }
    return pos;
}

bool plausibleYear(int digits, int year)
{
    return digits == 2 || (digits == 4 && year >= 1900 && year <= 2100);
}

// A date starting at pos; returns its length or 0. Numeric (d/m/y, m/d/y, y-m-d with / . -)
// or written ("12 March 1985", "12th of March, 1985", "March 12, 1985").
qsizetype readDate(QStringView text, qsizetype pos)
{
    if (!boundaryBefore(text, pos))
        return 0;
    int a = 0;
    const int na = readNumber(text, pos, 4, &a);
    if (na > 0 && na != 3) {
        const QChar sep = charAt(text, pos + na);
        if (sep == u'/' || sep == u'.' || sep == u'-') {
            int b = 0;
            int c = 0;
            const int nb = readNumber(text, pos + na + 1, 2, &b);
            if (nb > 0 && charAt(text, pos + na + 1 + nb) == sep) {
                const qsizetype cpos = pos + na + 1 + nb + 1;
                const int nc = readNumber(text, cpos, 4, &c);
                const qsizetype end = cpos + nc;
                if (nc > 0 && boundaryAfter(text, end)) {
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
            p = skipSpaces(text, p);
            if (startsWithNoCase(text, p, QLatin1StringView("of")) && boundaryAfter(text, p + 2))
                p = skipSpaces(text, p + 2);
            const qsizetype m = readMonth(text, p);
            if (m > 0) {
                p += m;
                if (charAt(text, p) == u',')
                    ++p;
                p = skipSpaces(text, p);
                int year = 0;
                const int ny = readNumber(text, p, 4, &year);
                if (ny == 4 && plausibleYear(4, year) && boundaryAfter(text, p + ny))
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
    if (charAt(text, p) == u',')
        ++p;
    p = skipSpaces(text, p);
    int year = 0;
    const int ny = readNumber(text, p, 4, &year);
    if (ny == 4 && plausibleYear(4, year) && boundaryAfter(text, p + ny))
        return p + ny - pos;
    return 0;
}

const std::initializer_list<QLatin1StringView> kBirthWords = {
    QLatin1StringView("born"),       QLatin1StringView("dob"),
    QLatin1StringView("d.o.b"),      QLatin1StringView("date of birth"),
    QLatin1StringView("birth date"), QLatin1StringView("birthdate"),
    QLatin1StringView("birthday"),   QLatin1StringView("geboren")};

void findDatesOfBirth(QStringView text, QList<Candidate> &out)
{
    constexpr qsizetype before = 60; // keyword up to this far before the date...
    constexpr qsizetype after = 30;  // ...or this far after it ("12/03/1985 is my birthday")
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isAsciiDigit(c) && !isAsciiLetter(c))
            continue;
        const qsizetype len = readDate(text, i);
        if (len == 0)
            continue;
        if (keywordIn(text, i - before, i, kBirthWords) ||
            keywordIn(text, i + len, i + len + after, kBirthWords)) {
            take(out, PiiKind::DateOfBirth, i, len, text.mid(i, len).toString().toLower());
        }
        i += len - 1;
    }
}

// ---- national ids (letters involved) ------------------------------------------------------

void findNationalIds(QStringView text, QList<Candidate> &out)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!boundaryBefore(text, i))
            continue;
        // UK National Insurance number: AB 12 34 56 C (spaces optional).
        if (isAsciiLetter(charAt(text, i)) && isAsciiLetter(charAt(text, i + 1))) {
            QString compact = text.mid(i, 2).toString().toUpper();
            qsizetype p = i + 2;
            int digits = 0;
            while (digits < 6) {
                if (charAt(text, p) == u' ' && digits % 2 == 0)
                    ++p;
                if (!isAsciiDigit(charAt(text, p)))
                    break;
                compact += text.at(p);
                ++p;
                ++digits;
            }
            if (digits == 6) {
                if (charAt(text, p) == u' ')
                    ++p;
                if (isAsciiLetter(charAt(text, p)) && boundaryAfter(text, p + 1)) {
                    compact += text.at(p).toUpper();
                    if (PiiDetector::ninoValid(compact)) {
                        take(out, PiiKind::NationalId, i, p + 1 - i, compact);
                        i = p;
                        continue;
                    }
                }
            }
        }
        // Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter).
        const bool nie = QStringLiteral("XYZxyz").contains(charAt(text, i));
        if (nie || isAsciiDigit(charAt(text, i))) {
            QString compact;
            qsizetype p = i;
            if (nie)
                compact += text.at(p++).toUpper();
            while (compact.size() < 8 && isAsciiDigit(charAt(text, p)))
                compact += text.at(p++);
            if (compact.size() == 8) {
                if (charAt(text, p) == u'-')
                    ++p;
                if (isAsciiLetter(charAt(text, p)) && boundaryAfter(text, p + 1)) {
                    compact += text.at(p).toUpper();
                    if (PiiDetector::dniValid(compact)) {
                        take(out, PiiKind::NationalId, i, p + 1 - i, compact);
                        i = p;
                    }
                }
            }
        }
    }
}

// ---- digit runs: SSN, cards, phones -------------------------------------------------------

struct Group
{
    qsizetype start = 0;
    qsizetype end = 0;
    bool parenthesised = false;
};

struct DigitRun
{
    qsizetype start = 0;
    qsizetype end = 0;
    bool plus = false;
    QList<Group> groups;
    QList<QChar> separators; // between groups (' ' for a parenthesis boundary)
    QString digits;
};

bool isRunSeparator(QChar c)
{
    return c == u' ' || c == u'-' || c == u'.' || c == QChar(0x00A0);
}

// Reads digit groups joined by single separators (space, hyphen, dot) or parentheses, starting
// at pos. Stops after 24 digits' worth of groups so that long inputs stay linear.
DigitRun readDigitRun(QStringView text, qsizetype pos)
{
    DigitRun run;
    run.start = pos;
    qsizetype p = pos;
    if (charAt(text, p) == u'+') {
        run.plus = true;
        ++p;
    }
    while (p < text.size() && run.digits.size() <= 24) {
        Group group;
        const bool paren = charAt(text, p) == u'(';
        qsizetype q = paren ? p + 1 : p;
        const qsizetype digitsStart = q;
        while (isAsciiDigit(charAt(text, q)))
            ++q;
        if (q == digitsStart || (paren && charAt(text, q) != u')'))
            break;
        group.start = digitsStart;
        group.end = q;
        group.parenthesised = paren;
        run.digits += text.mid(digitsStart, q - digitsStart);
        if (paren)
            ++q;
        run.groups.append(group);
        run.end = q;
        // A separator continues the run only if another group follows it.
        const QChar next = charAt(text, q);
        if (isRunSeparator(next) &&
            (isAsciiDigit(charAt(text, q + 1)) || charAt(text, q + 1) == u'(')) {
            run.separators.append(next);
            p = q + 1;
        } else if (next == u'(' || (paren && isAsciiDigit(next))) {
            run.separators.append(u' ');
            p = q;
        } else {
            break;
        }
    }
    return run;
}

bool groupsMatch(const DigitRun &run, std::initializer_list<int> lengths)
{
    if (run.groups.size() != qsizetype(lengths.size()))
        return false;
    qsizetype k = 0;
    for (int len : lengths) {
        if (run.groups.at(k).end - run.groups.at(k).start != len)
            return false;
        ++k;
    }
    return true;
}

bool sameSeparators(const DigitRun &run)
{
    return std::all_of(run.separators.begin(), run.separators.end(),
                       [&](QChar c) { return c == run.separators.first(); });
}

bool plausibleCardStart(QChar first)
{
    return first >= u'2' && first <= u'6';
}

bool tryCard(QStringView text, const DigitRun &run, QList<Candidate> &out)
{
    if (run.plus)
        return false;
    // Try the whole run first, then contiguous runs of groups (a card followed by an expiry
    // date or a reference), longest first.
    const qsizetype n = run.groups.size();
    for (qsizetype span = n; span >= 1; --span) {
        for (qsizetype first = 0; first + span <= n; ++first) {
            QString digits;
            bool shortGroup = false;
            for (qsizetype k = first; k < first + span; ++k) {
                const Group &g = run.groups.at(k);
                digits += text.mid(g.start, g.end - g.start);
                shortGroup = shortGroup || g.parenthesised || (span > 1 && g.end - g.start < 3);
            }
            if (shortGroup || digits.size() < 13 || digits.size() > 19 ||
                !plausibleCardStart(digits.at(0)) || !PiiDetector::luhnValid(digits))
                continue;
            const qsizetype start = run.groups.at(first).start;
            const qsizetype end = run.groups.at(first + span - 1).end;
            if (!boundaryBefore(text, start) || !boundaryAfter(text, end))
                continue;
            take(out, PiiKind::Card, start, end - start, digits);
            return true;
        }
    }
    return false;
}

const std::initializer_list<QLatin1StringView> kPhoneWords = {
    QLatin1StringView("phone"),   QLatin1StringView("mobile"),    QLatin1StringView("cell"),
    QLatin1StringView("tel"),     QLatin1StringView("telephone"), QLatin1StringView("whatsapp"),
    QLatin1StringView("call me"), QLatin1StringView("reach me"),  QLatin1StringView("text me")};

bool isPhone(QStringView text, const DigitRun &run)
{
    const qsizetype digits = run.digits.size();
    const bool hasParens = std::any_of(run.groups.begin(), run.groups.end(),
                                       [](const Group &g) { return g.parenthesised; });
    if (run.plus)
        return digits >= 8 && digits <= 15;
    if (run.digits.startsWith(QLatin1StringView("00")))
        return digits >= 10 && digits <= 15;
    if (hasParens)
        return digits >= 9 && digits <= 13;
    if (run.digits.startsWith(u'0'))
        return digits >= 9 && digits <= 12;
    // North American grouping: 555-123-4567, 1-800-555-0199, 555.123.4567.
    if ((groupsMatch(run, {3, 3, 4}) || groupsMatch(run, {1, 3, 3, 4})) && sameSeparators(run))
        return true;
    // A bare ten-digit number is a phone number only when the text says so.
    if (run.groups.size() == 1 && digits == 10 && run.digits.at(0) >= u'2')
        return keywordIn(text, run.start - 40, run.start, kPhoneWords);
    return false;
}

bool isSsn(QStringView text, const DigitRun &run)
{
    if (run.plus || run.digits.size() != 9 || !PiiDetector::ssnValid(run.digits))
        return false;
    if (groupsMatch(run, {3, 2, 4}) && sameSeparators(run) &&
        (run.separators.first() == u'-' || run.separators.first() == u' '))
        return true;
    return run.groups.size() == 1 &&
           keywordIn(text, run.start - 40, run.start,
                     {QLatin1StringView("ssn"), QLatin1StringView("social security")});
}

void findDigitRuns(QStringView text, QList<Candidate> &out)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool starts = isAsciiDigit(c) || (c == u'+' && isAsciiDigit(charAt(text, i + 1))) ||
                            (c == u'(' && isAsciiDigit(charAt(text, i + 1)));
        if (!starts || !boundaryBefore(text, i))
            continue;
        const DigitRun run = readDigitRun(text, i);
        if (run.groups.isEmpty())
            continue;
        const qsizetype length = run.end - run.start;
        if (boundaryAfter(text, run.end) && run.digits.size() <= 24) {
            if (isSsn(text, run)) {
                take(out, PiiKind::Ssn, run.start, length, run.digits);
            } else if (!tryCard(text, run, out) && isPhone(text, run)) {
                take(out, PiiKind::Phone, run.start, length,
                     (run.plus ? QStringLiteral("+") : QString()) + run.digits);
            }
        }
        i = std::max(i, run.end - 1);
    }
}

int luhnSum(QStringView digits)
{
    int sum = 0;
    bool doubled = false;
    for (qsizetype k = digits.size() - 1; k >= 0; --k) {
        int d = digits.at(k).unicode() - u'0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum;
}

} // namespace

QList<Candidate> PiiDetector::detect(QStringView text)
{
    QList<Candidate> found;
    // Order is priority: a later detector never takes characters an earlier one claimed.
    findEmails(text, found);
    findIbans(text, found);
    findDatesOfBirth(text, found);
    findNationalIds(text, found);
    findDigitRuns(text, found);
    std::sort(found.begin(), found.end(),
              [](const Candidate &a, const Candidate &b) { return a.start < b.start; });
    return found;
}

bool PiiDetector::luhnValid(QStringView digits)
{
    if (digits.isEmpty() || !std::all_of(digits.begin(), digits.end(), isAsciiDigit))
        return false;
    return luhnSum(digits) % 10 == 0;
}

bool PiiDetector::ibanValid(QStringView iban)
{
    if (iban.size() < 15 || iban.size() > 34 || !isAsciiLetter(iban.at(0)) ||
        !isAsciiLetter(iban.at(1)) || !isAsciiDigit(iban.at(2)) || !isAsciiDigit(iban.at(3)))
        return false;
    const int known = ibanLength(iban.left(2));
    if (known && known != iban.size())
        return false;
    // ISO 13616: move the first four characters to the end, letters become 10..35, mod 97 == 1.
    int remainder = 0;
    for (qsizetype k = 0; k < iban.size(); ++k) {
        const QChar c = iban.at((k + 4) % iban.size());
        if (isAsciiDigit(c)) {
            remainder = (remainder * 10 + (c.unicode() - u'0')) % 97;
        } else if (c >= u'A' && c <= u'Z') {
            remainder = (remainder * 100 + (c.unicode() - u'A' + 10)) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

bool PiiDetector::ssnValid(QStringView d)
{
    if (d.size() != 9 || !std::all_of(d.begin(), d.end(), isAsciiDigit))
        return false;
    // SSA rules: area 000, 666 and 900-999, group 00 and serial 0000 are never issued.
    const QStringView area = d.left(3);
    if (area == u"000" || area == u"666" || area.at(0) == u'9')
        return false;
    return d.mid(3, 2) != u"00" && d.mid(5, 4) != u"0000";
}

bool PiiDetector::ninoValid(QStringView n)
{
    if (n.size() != 9)
        return false;
    const QChar a = n.at(0);
    const QChar b = n.at(1);
    const QChar suffix = n.at(8);
    if (QStringView(u"DFIQUV").contains(a) || QStringView(u"DFIOQUV").contains(b))
        return false;
    static const QStringList invalidPrefixes = {
        QStringLiteral("BG"), QStringLiteral("GB"), QStringLiteral("KN"), QStringLiteral("NK"),
        QStringLiteral("NT"), QStringLiteral("TN"), QStringLiteral("ZZ")};
    if (invalidPrefixes.contains(n.left(2).toString()))
        return false;
    return suffix >= u'A' && suffix <= u'D' &&
           std::all_of(n.begin() + 2, n.begin() + 8, isAsciiDigit);
}

bool PiiDetector::dniValid(QStringView n)
{
    if (n.size() != 9)
        return false;
    QString digits = n.left(8).toString();
    if (digits.at(0) == u'X')
        digits[0] = u'0';
    else if (digits.at(0) == u'Y')
        digits[0] = u'1';
    else if (digits.at(0) == u'Z')
        digits[0] = u'2';
    if (!std::all_of(digits.begin(), digits.end(), isAsciiDigit))
        return false;
    static const QString letters = QStringLiteral("TRWAGMYFPDXBNJZSQVHLCKE");
    return letters.at(digits.toInt() % 23) == n.at(8);
}
