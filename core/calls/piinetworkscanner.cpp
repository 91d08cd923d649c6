#include "calls/piinetworkscanner.h"

namespace {

bool isHex(QChar c)
{
    return PiiScan::isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Reads "a.b.c.d" at pos; returns its length or 0.
qsizetype readIpv4(QStringView text, qsizetype pos)
{
    qsizetype p = pos;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (PiiScan::charAt(text, p) != u'.')
                return 0;
            ++p;
        }
        const qsizetype begin = p;
        int value = 0;
        while (p - begin < 4 && PiiScan::isAsciiDigit(PiiScan::charAt(text, p)))
            value = value * 10 + (text.at(p++).unicode() - u'0');
        const qsizetype len = p - begin;
        if (len == 0 || len > 3 || value > 255 || (len > 1 && text.at(begin) == u'0'))
            return 0;
    }
    return p - pos;
}

bool versionBefore(QStringView text, qsizetype pos)
{
    return PiiScan::keywordIn(text, pos - 16, pos,
                              {QLatin1StringView("version"), QLatin1StringView("ver"),
                               QLatin1StringView("v"), QLatin1StringView("firmware"),
                               QLatin1StringView("build"), QLatin1StringView("release")});
}

bool validIpv4(QStringView s)
{
    return readIpv4(s, 0) == s.size();
}

} // namespace

bool PiiNetworkScanner::ipv6Valid(QStringView s)
{
    if (s.size() < 2 || s.size() > 45)
        return false;
    const qsizetype compressed = s.indexOf(u"::");
    if (compressed >= 0 && s.indexOf(u"::", compressed + 1) >= 0)
        return false;
    int groups = 0;
    const auto countGroups = [&groups](QStringView part, bool last) {
        if (part.isEmpty())
            return true;
        const QList<QStringView> items = part.split(u':');
        for (qsizetype k = 0; k < items.size(); ++k) {
            const QStringView g = items.at(k);
            if (last && k == items.size() - 1 && g.contains(u'.')) {
                if (!validIpv4(g))
                    return false;
                groups += 2;
                continue;
            }
            if (g.isEmpty() || g.size() > 4 || !std::all_of(g.begin(), g.end(), isHex))
                return false;
            ++groups;
        }
        return true;
    };
    if (compressed >= 0) {
        if (!countGroups(s.left(compressed), false) || !countGroups(s.mid(compressed + 2), true))
            return false;
        return groups < 8;
    }
    return countGroups(s, true) && groups == 8;
}

void PiiNetworkScanner::find(QStringView text, PiiFindings &out)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar prev = PiiScan::charAt(text, i - 1);
        if (!(isHex(c) || c == u':') || PiiScan::isAlnum(prev) || prev == u':' || prev == u'.')
            continue;
        // IPv4, not inside a longer dotted run ("1.2.3.4.5") and not a version number.
        if (const qsizetype len = readIpv4(text, i)) {
            const qsizetype end = i + len;
            const bool longer = PiiScan::charAt(text, end) == u'.' &&
                                PiiScan::isAsciiDigit(PiiScan::charAt(text, end + 1));
            if (!longer && PiiScan::boundaryAfter(text, end) && !versionBefore(text, i)) {
                out.take(PiiKind::IpAddress, i, len, text.mid(i, len).toString());
                i = end - 1;
                continue;
            }
        }
        // IPv6: the longest run of hex digits, colons and dots, trailing punctuation trimmed.
        qsizetype end = i;
        while (end < text.size() && end - i < 46 &&
               (isHex(text.at(end)) || text.at(end) == u':' || text.at(end) == u'.'))
            ++end;
        if (PiiScan::isAlnum(PiiScan::charAt(text, end)))
            continue;
        while (end > i && text.at(end - 1) == u'.')
            --end;
        if (end > i + 1 && text.at(end - 1) == u':' && text.at(end - 2) != u':')
            --end;
        const QStringView candidate = text.mid(i, end - i);
        if (candidate.count(u':') >= 2 &&
            std::any_of(candidate.begin(), candidate.end(), PiiScan::isAsciiDigit) &&
            ipv6Valid(candidate)) {
            out.take(PiiKind::IpAddress, i, end - i, candidate.toString().toLower());
            i = end - 1;
        }
    }
}
