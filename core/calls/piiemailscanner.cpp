#include "calls/piiemailscanner.h"

#include "calls/piicues.h"

#include <QHash>
#include <QSet>

namespace {

bool isLocalChar(QChar c)
{
    return PiiScan::isAlnum(c) || c == u'.' || c == u'_' || c == u'%' || c == u'+' || c == u'-';
}

bool isDomainChar(QChar c)
{
    return PiiScan::isAlnum(c) || c == u'.' || c == u'-';
}

bool isOneOf(const QString &word, std::initializer_list<const char16_t *> words)
{
    for (const char16_t *w : words) {
        if (word == QStringView(w))
            return true;
    }
    return false;
}

// The character a spoken connector stands for, or 0.
char16_t spokenConnector(const QString &word)
{
    if (isOneOf(word, {u"dot", u"punkt", u"point"}))
        return u'.';
    if (isOneOf(word, {u"underscore", u"unterstrich"}))
        return u'_';
    if (isOneOf(word, {u"dash", u"hyphen", u"minus", u"bindestrich"}))
        return u'-';
    return 0;
}

// The character a written gap stands for ("lena.fischer", "example.org"), or 0.
char16_t writtenConnector(QStringView gap)
{
    if (gap == u"." || gap == u"_" || gap == u"-")
        return gap.at(0).unicode();
    return 0;
}

bool isTld(const QString &label)
{
    static const QSet<QString> tlds = PiiScan::words(
        u"com org net de at ch uk io eu info fr it es nl be edu gov biz us ca au pl dk se no "
        u"fi ie pt me tv app dev online shop email");
    return tlds.contains(label);
}

bool isMailProvider(const QString &label)
{
    static const QSet<QString> providers = PiiScan::words(
        u"gmail googlemail gmx web yahoo outlook hotmail icloud posteo aol proton protonmail "
        u"freenet mailbox live");
    return providers.contains(label);
}

// A spelled character: a single letter or digit, or a digit said as a word ("lena eight five").
QString spelledChar(const PiiText &text, int i)
{
    if (text.word(i).size() == 1)
        return text.lower(i);
    static const QHash<QString, QString> digits = [] {
        QHash<QString, QString> d;
        const char16_t *words[] = {u"zero", u"one",   u"two",    u"three", u"four",
                                   u"five", u"six",   u"seven",  u"eight", u"nine",
                                   u"null", u"eins",  u"zwei",   u"drei",  u"vier",
                                   u"fünf", u"sechs", u"sieben", u"acht",  u"neun"};
        for (int k = 0; k < 20; ++k)
            d.insert(QString::fromUtf16(words[k]), QString(QChar(u'0' + k % 10)));
        return d;
    }();
    return digits.value(text.lower(i));
}

// Not the "s" of "It's" or the "m" of "I'm": a letter after an apostrophe ends a contraction.
bool isSpelledChar(const PiiText &text, int i)
{
    if (i > 0 && (text.gapAfter(i - 1) == u"'" || text.gapAfter(i - 1) == u"’"))
        return false;
    return !spelledChar(text, i).isEmpty();
}

struct Unit
{
    int first = 0;
    int last = -1;
    QString value;
    bool spelled = false; // two or more single characters: "l e n a"
};

// A label or local-part unit starting at word i going forward: a spelled run of single
// characters joined by spaces ("g m x"), else the word itself.
Unit unitForward(const PiiText &text, int i)
{
    Unit unit{i, i, text.lower(i), false};
    if (!isSpelledChar(text, i))
        return unit;
    unit.value = spelledChar(text, i);
    while (unit.last + 1 < text.size() && text.spaceAfter(unit.last) &&
           isSpelledChar(text, unit.last + 1) && !spokenConnector(text.lower(unit.last + 1))) {
        ++unit.last;
        unit.value += spelledChar(text, unit.last);
    }
    unit.spelled = unit.last > unit.first;
    return unit;
}

Unit unitBackward(const PiiText &text, int i)
{
    Unit unit{i, i, text.lower(i), false};
    if (!isSpelledChar(text, i))
        return unit;
    unit.value = spelledChar(text, i);
    while (unit.first > 0 && text.spaceAfter(unit.first - 1) &&
           isSpelledChar(text, unit.first - 1)) {
        --unit.first;
        unit.value.prepend(spelledChar(text, unit.first));
    }
    unit.spelled = unit.last > unit.first;
    return unit;
}

struct Domain
{
    int last = -1;
    QString value;
    QString firstLabel;
};

// "example dot org", "gmail.com", "example punkt co punkt uk"; the longest reading ending in a
// top-level domain.
Domain readDomain(const PiiText &text, int first)
{
    Domain best;
    QString value;
    int k = first;
    for (int labels = 0; labels < 6 && k < text.size(); ++labels) {
        const Unit label = unitForward(text, k);
        if (spokenConnector(label.value) || label.value == u"at")
            break;
        value += label.value;
        if (labels == 0)
            best.firstLabel = label.value;
        if (labels > 0 && isTld(label.value)) {
            best.last = label.last;
            best.value = value;
        }
        const int next = label.last + 1;
        if (next >= text.size())
            break;
        if (const char16_t c = writtenConnector(text.gapAfter(label.last))) {
            value += QChar(c);
            k = next;
        } else if (text.spaceAfter(label.last) && spokenConnector(text.lower(next)) &&
                   spokenConnector(text.lower(next)) != u'_' && next + 1 < text.size() &&
                   text.spaceAfter(next)) {
            value += QChar(spokenConnector(text.lower(next)));
            k = next + 1;
        } else {
            break;
        }
    }
    return best;
}

struct Local
{
    int first = -1;
    QString value;
    bool connected = false; // a connector ("dot", "_") or a spelled run makes it clearly a name
};

Local readLocal(const PiiText &text, int last)
{
    Local local;
    int k = last;
    bool wordJoined = false;
    for (int units = 0; units < 8 && k >= 0; ++units) {
        const Unit unit = unitBackward(text, k);
        if (spokenConnector(unit.value) || unit.value == u"at")
            break;
        local.value.prepend(unit.value);
        local.first = unit.first;
        local.connected = local.connected || unit.spelled;
        const int before = unit.first - 1;
        if (before < 0)
            break;
        if (const char16_t c = writtenConnector(text.gapAfter(before))) {
            local.value.prepend(QChar(c));
            local.connected = true;
            k = before;
        } else if (before > 0 && text.spaceAfter(before) && text.spaceAfter(before - 1) &&
                   spokenConnector(text.lower(before))) {
            local.value.prepend(QChar(spokenConnector(text.lower(before))));
            local.connected = true;
            k = before - 1;
        } else if (!wordJoined && unit.spelled && text.spaceAfter(before) &&
                   std::all_of(unit.value.begin(), unit.value.end(),
                               [](QChar c) { return c.isDigit(); }) &&
                   !isSpelledChar(text, before)) {
            wordJoined = true; // "lena 8 5": a name followed by spelled digits
            k = before;
        } else {
            break;
        }
    }
    return local;
}

} // namespace

void PiiEmailScanner::findWritten(QStringView text, PiiFindings &out)
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
        out.take(PiiKind::Email, left, right - left,
                 text.mid(left, right - left).toString().toLower());
    }
}

void PiiEmailScanner::findSpoken(const PiiText &text, PiiFindings &out)
{
    for (int i = 1; i < text.size(); ++i) {
        int localLast = -1;
        int domainFirst = -1;
        const QString &w = text.lower(i);
        if (w == u"at" || w == u"ät" || w == u"klammeraffe") {
            localLast = i - 1;
            domainFirst = i + 1;
            if (domainFirst < text.size() && text.lower(domainFirst) == u"zeichen")
                ++domainFirst; // "at-Zeichen"
        } else if (text.gapAfter(i - 1).trimmed() == u"@") {
            localLast = i - 1;
            domainFirst = i;
        } else {
            continue;
        }
        if (domainFirst >= text.size())
            continue;
        const Domain domain = readDomain(text, domainFirst);
        if (domain.last < 0)
            continue;
        const Local local = readLocal(text, localLast);
        if (local.first < 0 || local.value.isEmpty())
            continue;
        // Only "at" is also an ordinary word: "I looked at amazon dot com".
        if (w == u"at" && !local.connected && !isMailProvider(domain.firstLabel) &&
            !PiiCues::emailCueBefore(text, local.first))
            continue;
        const qsizetype start = text.start(local.first);
        const qsizetype end = text.end(domain.last);
        if (out.take(PiiKind::Email, start, end - start, local.value + u'@' + domain.value))
            i = domain.last;
    }
}
