#include "calls/piinumberscanner.h"

#include "calls/piiscan.h"

namespace {

using Candidate = PiiDetector::Candidate;

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
    if (PiiScan::charAt(text, p) == u'+') {
        run.plus = true;
        ++p;
    }
    while (p < text.size() && run.digits.size() <= 24) {
        Group group;
        const bool paren = PiiScan::charAt(text, p) == u'(';
        qsizetype q = paren ? p + 1 : p;
        const qsizetype digitsStart = q;
        while (PiiScan::isAsciiDigit(PiiScan::charAt(text, q)))
            ++q;
        if (q == digitsStart || (paren && PiiScan::charAt(text, q) != u')'))
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
        const QChar next = PiiScan::charAt(text, q);
        if (isRunSeparator(next) && (PiiScan::isAsciiDigit(PiiScan::charAt(text, q + 1)) ||
                                     PiiScan::charAt(text, q + 1) == u'(')) {
            run.separators.append(next);
            p = q + 1;
        } else if (next == u'(' || (paren && PiiScan::isAsciiDigit(next))) {
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

bool tryCard(QStringView text, const DigitRun &run, PiiFindings &out)
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
            if (!PiiScan::boundaryBefore(text, start) || !PiiScan::boundaryAfter(text, end))
                continue;
            out.take(PiiKind::Card, start, end - start, digits);
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
        return PiiScan::keywordIn(text, run.start - 40, run.start, kPhoneWords);
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
           PiiScan::keywordIn(text, run.start - 40, run.start,
                              {QLatin1StringView("ssn"), QLatin1StringView("social security")});
}

} // namespace

void PiiNumberScanner::findDigitRuns(QStringView text, PiiFindings &out)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool starts = PiiScan::isAsciiDigit(c) ||
                            (c == u'+' && PiiScan::isAsciiDigit(PiiScan::charAt(text, i + 1))) ||
                            (c == u'(' && PiiScan::isAsciiDigit(PiiScan::charAt(text, i + 1)));
        if (!starts || !PiiScan::boundaryBefore(text, i))
            continue;
        const DigitRun run = readDigitRun(text, i);
        if (run.groups.isEmpty())
            continue;
        const qsizetype length = run.end - run.start;
        if (PiiScan::boundaryAfter(text, run.end) && run.digits.size() <= 24) {
            if (isSsn(text, run)) {
                out.take(PiiKind::Ssn, run.start, length, run.digits);
            } else if (!tryCard(text, run, out) && isPhone(text, run)) {
                out.take(PiiKind::Phone, run.start, length,
                         (run.plus ? QStringLiteral("+") : QString()) + run.digits);
            }
        }
        i = std::max(i, run.end - 1);
    }
}
