#include "calls/piiaddressscanner.h"

#include "calls/piicues.h"
#include "calls/piispokendigits.h"

#include <QSet>

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// "12", "221B", "3a": 1-4 digits with an optional letter, from 1.
bool isHouseNumber(const PiiText &t, int i)
{
    const QStringView w = t.word(i);
    qsizetype digits = 0;
    while (digits < w.size() && isAsciiDigit(w.at(digits)))
        ++digits;
    if (digits == 0 || digits > 4 || w.at(0) == u'0')
        return false;
    return digits == w.size() || (digits + 1 == w.size() && w.at(digits).isLetter());
}

// The last word of a house number at i: "12", "12-14", "12/1".
int houseNumberEnd(const PiiText &t, int i)
{
    const QStringView gap = i + 1 < t.size() ? t.gapAfter(i) : QStringView();
    if ((gap == u"-" || gap == u"/") && t.allDigits(i + 1) && t.word(i + 1).size() <= 4)
        return i + 1;
    return i;
}

bool isEnglishSuffix(const QString &w)
{
    static const QSet<QString> suffixes = PiiScan::words(
        u"street st road rd avenue ave lane ln drive dr boulevard blvd way court ct place pl "
        u"close crescent terrace square sq gardens grove hill row parkway highway hwy mews "
        u"walk circle trail parade rise quay wharf green park gate");
    return suffixes.contains(w);
}

// German street words: a compound ending in a street noun ("Hauptstraße", "Goethestr"), or the
// bare noun after a name ("Berliner Straße", "Karl-Marx-Allee").
const QStringList &germanSuffixes()
{
    static const QStringList suffixes = {
        QString::fromUtf16(u"straße"), QStringLiteral("strasse"),  QStringLiteral("str"),
        QStringLiteral("weg"),         QStringLiteral("allee"),    QStringLiteral("platz"),
        QStringLiteral("gasse"),       QStringLiteral("ring"),     QStringLiteral("damm"),
        QStringLiteral("ufer"),        QStringLiteral("chaussee"), QStringLiteral("steig"),
        QStringLiteral("pfad"),        QStringLiteral("graben"),   QStringLiteral("promenade"),
        QStringLiteral("zeile"),       QStringLiteral("stieg"),    QStringLiteral("kamp")};
    return suffixes;
}

enum class GermanStreet { No, Compound, Bare };

GermanStreet germanStreetWord(const PiiText &t, int i)
{
    const QString &w = t.lower(i);
    for (const QString &suffix : germanSuffixes()) {
        if (!w.endsWith(suffix))
            continue;
        // "Str" needs its full stop ("Goethestr. 10").
        if (suffix == u"str" && !t.gapAfter(i).startsWith(u'.'))
            continue;
        if (w.size() == suffix.size())
            return GermanStreet::Bare;
        if (w.size() >= suffix.size() + 3)
            return GermanStreet::Compound;
    }
    return GermanStreet::No;
}

const QSet<QString> &nonNames()
{
    static const QSet<QString> words = PiiScan::words(
        u"the a an and or is my our your i it der die das ein eine dem den des und oder ist "
        u"mein meine please thanks bitte danke but aber postcode code zip plz am im zum zur "
        u"euro eur dollar dollars pounds items stück mal minutes minuten uhr times years "
        u"jahre days tage kunden prozent");
    return words;
}

bool nameWord(const PiiText &t, int i, bool anyCase)
{
    if (i < 0 || i >= t.size() || nonNames().contains(t.lower(i)))
        return false;
    const QStringView w = t.word(i);
    if (w.size() >= 3 && isAsciiDigit(w.at(0))) { // "5th Avenue"
        const QStringView suffix = w.right(2);
        return std::all_of(w.begin(), w.end() - 2, isAsciiDigit) &&
               (suffix == u"st" || suffix == u"nd" || suffix == u"rd" || suffix == u"th");
    }
    return t.allLetters(i) && (anyCase || t.capitalised(i));
}

bool spaceOrComma(const PiiText &t, int i)
{
    const QStringView gap = t.gapAfter(i);
    return i + 1 < t.size() && (t.spaceAfter(i) || gap == u", " || gap == u",");
}

// "Apt 4", "Flat 2B", "Suite 100", "Wohnung 3": the unit word at i and its value.
int readUnit(const PiiText &t, int i)
{
    static const QSet<QString> units =
        PiiScan::words(u"apt apartment flat suite unit floor wohnung whg etage room");
    if (i + 1 >= t.size() || !units.contains(t.lower(i)))
        return -1;
    const QStringView gap = t.gapAfter(i);
    if (gap != u" " && gap != u". " && gap != u" #")
        return -1;
    return t.word(i + 1).size() <= 5 && t.hasDigit(i + 1) ? i + 1 : -1;
}

bool ukOutward(QStringView w)
{
    // A9, A99, A9A, AA9, AA99, AA9A
    if (w.size() < 2 || w.size() > 4 || !w.at(0).isUpper() || !w.at(0).isLetter())
        return false;
    qsizetype p = 1;
    if (w.at(p).isLetter() && w.at(p).isUpper())
        ++p;
    const qsizetype digits = p;
    while (p < w.size() && isAsciiDigit(w.at(p)))
        ++p;
    if (p == digits || p - digits > 2)
        return false;
    if (p < w.size() && w.at(p).isUpper() && p - digits == 1)
        ++p;
    return p == w.size();
}

bool ukInward(QStringView w)
{
    return w.size() == 3 && isAsciiDigit(w.at(0)) && w.at(1).isUpper() && w.at(2).isUpper() &&
           w.at(1).isLetter() && w.at(2).isLetter();
}

int readUkPostcode(const PiiText &t, int i)
{
    if (i + 1 >= t.size() || !t.spaceAfter(i) || !ukOutward(t.word(i)) || !ukInward(t.word(i + 1)))
        return -1;
    return i + 1;
}

int readUsStateZip(const PiiText &t, int i)
{
    static const QSet<QString> states = PiiScan::words(
        u"AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE "
        u"NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC");
    if (i + 1 >= t.size() || !t.spaceAfter(i) || !states.contains(t.word(i).toString()) ||
        !t.allDigits(i + 1) || t.word(i + 1).size() != 5)
        return -1;
    if (t.gapAfter(i + 1) == u"-" && t.allDigits(i + 2) && t.word(i + 2).size() == 4)
        return i + 2; // ZIP+4
    return i + 1;
}

// City words: capitalised, joined by spaces or hyphens, particles inside ("Frankfurt am Main",
// "Stratford-upon-Avon"). Returns the last word or -1.
int readCity(const PiiText &t, int i)
{
    static const QSet<QString> particles = PiiScan::words(u"am an der im bei ob upon on sur le");
    if (!nameWord(t, i, false))
        return -1;
    int last = i;
    for (int words = 1; words < 4 && last + 1 < t.size(); ++words) {
        const QStringView gap = t.gapAfter(last);
        if (gap != u" " && gap != u"-")
            break;
        const int next = last + 1;
        if (nameWord(t, next, false)) {
            last = next;
        } else if (particles.contains(t.lower(next)) && next + 1 < t.size() &&
                   (t.gapAfter(next) == u" " || t.gapAfter(next) == u"-") &&
                   nameWord(t, next + 1, false)) {
            last = next + 1;
        } else {
            break;
        }
    }
    return last;
}

bool knownCity(const QString &lower)
{
    static const QSet<QString> cities = PiiScan::words(
        u"berlin hamburg münchen köln frankfurt stuttgart düsseldorf leipzig dortmund essen "
        u"bremen dresden hannover nürnberg duisburg bochum wuppertal bielefeld bonn münster "
        u"mannheim karlsruhe augsburg wiesbaden mainz kiel freiburg potsdam rostock wien "
        u"graz linz salzburg innsbruck zürich bern basel genf lausanne luzern");
    return cities.contains(lower);
}

// "10115 Berlin", "1010 Wien": postcode and city; -1 if none.
int readPostcodeCity(const PiiText &t, int i)
{
    const QStringView w = t.word(i);
    if (!t.allDigits(i) || w.size() < 4 || w.size() > 5 || !t.spaceAfter(i))
        return -1;
    return readCity(t, i + 1);
}

// What may follow a street: ", 10115 Berlin", ", London NW1 6XE", ", Springfield, IL 62704",
// ", London." Returns the new last word.
int readTail(const PiiText &t, int last)
{
    if (!spaceOrComma(t, last))
        return last;
    const bool comma = t.gapAfter(last).startsWith(u',');
    const int k = last + 1;
    if (const int end = readUkPostcode(t, k); end >= 0)
        return end;
    if (const int end = readPostcodeCity(t, k); end >= 0)
        return end;
    if (const int end = readUsStateZip(t, k); end >= 0)
        return end;
    const int city = readCity(t, k);
    if (city < 0 || !comma)
        return last;
    if (spaceOrComma(t, city)) {
        if (const int end = readUkPostcode(t, city + 1); end >= 0)
            return end;
        if (const int end = readUsStateZip(t, city + 1); end >= 0)
            return end;
    }
    // A city alone only at the end of a clause: "221B Baker Street, London."
    return city + 1 >= t.size() || t.breakAfter(city) ? city : last;
}

QString normalised(QStringView text)
{
    return text.toString().simplified().toLower();
}

bool takeWords(const PiiText &t, int first, int last, PiiFindings &out)
{
    const qsizetype start = t.start(first);
    qsizetype end = t.end(last);
    if (t.gapAfter(last).startsWith(u'.') && t.word(last).size() <= 4 && t.allLetters(last) &&
        (t.lower(last) == u"st" || t.lower(last) == u"str" || t.lower(last) == u"rd" ||
         t.lower(last) == u"ave" || t.lower(last) == u"dr" || t.lower(last) == u"blvd" ||
         t.lower(last) == u"ln"))
        ++end; // the abbreviation's full stop belongs to it
    return out.take(PiiKind::Address, start, end - start,
                    normalised(t.text().mid(start, end - start)));
}

// English: [Flat 2,] 221B Baker Street[, Apt 4][, London NW1 6XE]
int englishStreet(const PiiText &t, int h, bool cue, int *first)
{
    int number = -1;
    if (isHouseNumber(t, h)) {
        number = houseNumberEnd(t, h);
    } else if (PiiSpokenDigits::isSpokenStart(t, h)) {
        // "twelve Oak Avenue", "twenty-one Mill Lane"
        const PiiSpokenDigits::Run run =
            PiiSpokenDigits::read(t, h, PiiSpokenDigits::Mode::Digits, 4);
        if (run.isEmpty() || run.symbols.size() > 3 || run.symbols.startsWith(u'0'))
            return -1;
        number = run.last;
    } else {
        return -1;
    }
    if (!t.spaceAfter(number))
        return -1;
    // One to three name words, then the street word: "221B Baker Street", "90 Queen's Road".
    int suffix = -1;
    int names = 0;
    for (int k = number + 1; k < t.size() && names <= 3; ++k) {
        if (names > 0 && isEnglishSuffix(t.lower(k)) && (cue || t.capitalised(k))) {
            suffix = k;
            break;
        }
        if (!nameWord(t, k, cue))
            break;
        ++names;
        if (k + 2 < t.size() && (t.gapAfter(k) == u"'" || t.gapAfter(k) == u"’") &&
            t.lower(k + 1) == u"s")
            ++k; // the possessive belongs to the name
        if (!t.spaceAfter(k))
            break;
    }
    if (suffix < 0)
        return -1;
    if (suffix + 1 < t.size() && t.spaceAfter(suffix) && isEnglishSuffix(t.lower(suffix + 1)) &&
        t.capitalised(suffix + 1))
        ++suffix; // "Church Hill Road"
    int last = suffix;
    const QStringView gap = t.gapAfter(last);
    if (gap == u" " || gap == u", " || gap == u". " || gap == u" #" || gap == u", #") {
        if (const int unit = readUnit(t, last + 1); unit >= 0)
            last = unit;
        else if (gap.endsWith(u'#') && t.word(last + 1).size() <= 5)
            last = last + 1;
    }
    *first = h;
    // "Flat 2, 10 Downing Street"
    if (h >= 2 && (t.gapAfter(h - 1) == u", " || t.gapAfter(h - 1) == u" ") &&
        readUnit(t, h - 2) == h - 1)
        *first = h - 2;
    return readTail(t, last);
}

// German: Hauptstraße 12, Berliner Str. 5, Karl-Marx-Allee 90[, 10243 Berlin]
int germanStreet(const PiiText &t, int s, bool cue, int *first)
{
    const GermanStreet kind = germanStreetWord(t, s);
    if (kind == GermanStreet::No || s + 1 >= t.size())
        return -1;
    const QStringView gap = t.gapAfter(s);
    if (gap != u" " && gap != u". " && gap != u".")
        return -1;
    if (!isHouseNumber(t, s + 1))
        return -1;
    int start = s;
    if (kind == GermanStreet::Bare) {
        // The name before the noun: joined by hyphens, or one adjective ("Berliner").
        while (start > 0 && t.gapAfter(start - 1) == u"-" && nameWord(t, start - 1, cue))
            --start;
        if (start == s && start > 0 && t.spaceAfter(start - 1) && nameWord(t, start - 1, false))
            --start;
        if (start == s)
            return -1;
    } else {
        while (start > 0 && t.gapAfter(start - 1) == u"-" && nameWord(t, start - 1, cue))
            --start;
    }
    if (!cue && !t.capitalised(start))
        return -1;
    *first = start;
    return readTail(t, houseNumberEnd(t, s + 1));
}

// German, led by a preposition: Am Markt 3a, An der Alster 12, Im Winkel 4 — only with an
// address word before it or a postcode after it ("Am Montag 3 Termine" is no address).
int germanPrepositionStreet(const PiiText &t, int p, bool cue, int *first)
{
    static const QSet<QString> direct = PiiScan::words(u"am im zum zur beim");
    static const QSet<QString> withArticle = PiiScan::words(u"an in auf hinter vor unter über");
    static const QSet<QString> articles = PiiScan::words(u"der dem den die");
    int k = p + 1;
    if (direct.contains(t.lower(p))) {
        // k is the first name word
    } else if (withArticle.contains(t.lower(p)) && k < t.size() && articles.contains(t.lower(k)) &&
               t.spaceAfter(p)) {
        ++k;
    } else {
        return -1;
    }
    if (!t.spaceAfter(k - 1))
        return -1;
    int names = 0;
    // "in der Hauptstraße 12": the street is the compound, the preposition is only grammar.
    while (names < 2 && k < t.size() && nameWord(t, k, false) && t.spaceAfter(k) &&
           germanStreetWord(t, k) == GermanStreet::No) {
        ++names;
        ++k;
    }
    if (names == 0 || k >= t.size() || !isHouseNumber(t, k))
        return -1;
    const int number = houseNumberEnd(t, k);
    const int last = readTail(t, number);
    if (!cue && last == number)
        return -1;
    if (!cue && readPostcodeCity(t, number + 1) < 0 && readUkPostcode(t, number + 1) < 0)
        return -1;
    *first = p;
    return last;
}

// A postcode with its city, no street: "London SW1A 1AA", "Springfield, IL 62704",
// "10115 Berlin" (after an address word, or a known city).
int postcodeAlone(const PiiText &t, int i, bool cue, int *first)
{
    *first = i;
    if (const int end = readUkPostcode(t, i); end >= 0) {
        if (i > 0 && spaceOrComma(t, i - 1) && nameWord(t, i - 1, false) &&
            !PiiCues::addressCueBefore(t, i, 1))
            *first = i - 1;
        return end;
    }
    if (const int end = readUsStateZip(t, i); end >= 0) {
        // "Springfield, IL 62704": the city before the state.
        if (i >= 1 && t.gapAfter(i - 1).startsWith(u',') && nameWord(t, i - 1, false)) {
            *first = i - 1;
            if (i >= 2 && t.spaceAfter(i - 2) && nameWord(t, i - 2, false))
                *first = i - 2;
        }
        return end;
    }
    if (const int end = readPostcodeCity(t, i); end >= 0) {
        if (cue || knownCity(t.lower(i + 1)))
            return end;
    }
    return -1;
}

} // namespace

void PiiAddressScanner::find(const PiiText &t, PiiFindings &out)
{
    for (int i = 0; i < t.size(); ++i) {
        const bool cue = PiiCues::addressCueBefore(t, i);
        int first = -1;
        int last = englishStreet(t, i, cue, &first);
        if (last < 0)
            last = germanStreet(t, i, cue, &first);
        if (last < 0)
            last = germanPrepositionStreet(t, i, cue, &first);
        if (last < 0)
            last = postcodeAlone(t, i, cue, &first);
        if (last >= 0 && takeWords(t, first, last, out))
            i = last;
    }
}
