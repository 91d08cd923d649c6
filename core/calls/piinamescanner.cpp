#include "calls/piinamescanner.h"

#include <QHash>
#include <QSet>

namespace {

QSet<QString> wordSet(std::initializer_list<const char16_t *> words)
{
    QSet<QString> set;
    for (const char16_t *w : words)
        set.insert(QString::fromUtf16(w));
    return set;
}

const QSet<QString> &titles()
{
    static const QSet<QString> set =
        wordSet({u"Mr", u"Mrs", u"Ms", u"Miss", u"Mx", u"Dr", u"Prof", u"Professor", u"Herr",
                 u"Herrn", u"Frau", u"Fräulein"});
    return set;
}

// Capitalised words that are not names: pronouns, articles, departments, roles, days, months,
// greetings.
const QSet<QString> &notNames()
{
    static const QSet<QString> set = wordSet({u"i",
                                              u"the",
                                              u"a",
                                              u"an",
                                              u"this",
                                              u"that",
                                              u"these",
                                              u"those",
                                              u"it",
                                              u"he",
                                              u"she",
                                              u"we",
                                              u"they",
                                              u"you",
                                              u"your",
                                              u"my",
                                              u"our",
                                              u"his",
                                              u"her",
                                              u"their",
                                              u"someone",
                                              u"somebody",
                                              u"anyone",
                                              u"anybody",
                                              u"everyone",
                                              u"nobody",
                                              u"customer",
                                              u"service",
                                              u"services",
                                              u"support",
                                              u"sales",
                                              u"billing",
                                              u"team",
                                              u"department",
                                              u"manager",
                                              u"supervisor",
                                              u"agent",
                                              u"human",
                                              u"person",
                                              u"people",
                                              u"monday",
                                              u"tuesday",
                                              u"wednesday",
                                              u"thursday",
                                              u"friday",
                                              u"saturday",
                                              u"sunday",
                                              u"january",
                                              u"february",
                                              u"march",
                                              u"april",
                                              u"may",
                                              u"june",
                                              u"july",
                                              u"august",
                                              u"september",
                                              u"october",
                                              u"november",
                                              u"december",
                                              u"today",
                                              u"tomorrow",
                                              u"yesterday",
                                              u"okay",
                                              u"ok",
                                              u"yes",
                                              u"no",
                                              u"please",
                                              u"thanks",
                                              u"thank",
                                              u"hello",
                                              u"hi",
                                              u"sorry",
                                              u"and",
                                              u"but",
                                              u"or",
                                              u"so",
                                              u"then",
                                              u"ai",
                                              u"bot",
                                              u"robot",
                                              u"technician",
                                              u"accounts",
                                              u"complaints",
                                              u"reception",
                                              u"operator",
                                              u"representative",
                                              u"management",
                                              u"head",
                                              u"office",
                                              u"legal",
                                              u"technical",
                                              u"tech",
                                              u"helpdesk",
                                              u"help",
                                              u"desk",
                                              u"finance",
                                              u"hr",
                                              u"it",
                                              u"marketing",
                                              u"billing",
                                              u"premium",
                                              u"plus",
                                              u"basic",
                                              u"broadband",
                                              u"internet",
                                              u"mobile",
                                              u"fibre",
                                              u"fiber",
                                              u"ich",
                                              u"sie",
                                              u"er",
                                              u"es",
                                              u"wir",
                                              u"ihr",
                                              u"ihnen",
                                              u"der",
                                              u"die",
                                              u"das",
                                              u"dem",
                                              u"den",
                                              u"ein",
                                              u"eine",
                                              u"einen",
                                              u"einem",
                                              u"jemand",
                                              u"jemandem",
                                              u"jemanden",
                                              u"niemand",
                                              u"kundendienst",
                                              u"kundenservice",
                                              u"vertrieb",
                                              u"buchhaltung",
                                              u"abteilung",
                                              u"technik",
                                              u"montag",
                                              u"dienstag",
                                              u"mittwoch",
                                              u"donnerstag",
                                              u"freitag",
                                              u"samstag",
                                              u"sonntag",
                                              u"januar",
                                              u"februar",
                                              u"märz",
                                              u"mai",
                                              u"juni",
                                              u"juli",
                                              u"oktober",
                                              u"dezember",
                                              u"heute",
                                              u"morgen",
                                              u"gestern",
                                              u"ja",
                                              u"nein",
                                              u"bitte",
                                              u"danke",
                                              u"hallo",
                                              u"und",
                                              u"aber",
                                              u"oder",
                                              u"also",
                                              u"dann",
                                              u"ki",
                                              u"mitarbeiter",
                                              u"mitarbeiterin",
                                              u"vorgesetzten",
                                              u"chef",
                                              u"chefin",
                                              u"leiter",
                                              u"leiterin",
                                              u"zentrale",
                                              u"hotline",
                                              u"mensch",
                                              u"menschen",
                                              u"berater",
                                              u"beraterin",
                                              u"kollegen",
                                              u"ihrem",
                                              u"ihrer",
                                              u"ihren",
                                              u"ihre",
                                              u"meinem",
                                              u"meiner",
                                              u"bescheid",
                                              u"doktor",
                                              u"anruf",
                                              u"rückruf",
                                              u"termin",
                                              u"vertrag",
                                              u"rechnung",
                                              u"hause",
                                              u"home",
                                              u"work",
                                              u"arbeit",
                                              u"urlaub",
                                              u"holiday",
                                              u"sir",
                                              u"madam",
                                              u"mister",
                                              u"dear",
                                              u"lieber",
                                              u"liebe"});
    return set;
}

const QSet<QString> &particles()
{
    static const QSet<QString> set =
        wordSet({u"von", u"van", u"de", u"der", u"den", u"da", u"di", u"del", u"du", u"la", u"le",
                 u"zu", u"ten", u"ter", u"dos", u"y"});
    return set;
}

bool isTitle(const PiiText &t, int i)
{
    return t.capitalised(i) && titles().contains(t.word(i).toString());
}

bool nameWord(const PiiText &t, int i, const PiiFindings &out)
{
    if (i < 0 || i >= t.size() || !t.capitalised(i) || !t.allLetters(i) ||
        notNames().contains(t.lower(i)) || titles().contains(t.word(i).toString()))
        return false;
    const QStringView w = t.word(i);
    // All capitals is an acronym ("IBAN", "ID"), unless it is short and the only way the text is
    // written; a single letter is an initial, not a name.
    if (w.size() < 2 || (w.size() > 1 && w.toString().isUpper()))
        return false;
    return out.isFree(t.start(i), t.end(i) - t.start(i));
}

struct Span
{
    int first = -1;
    int last = -1;
};

// A name starting at word i, after an optional title (left outside the span).
Span readName(const PiiText &t, int i, const PiiFindings &out)
{
    Span span;
    if (i < t.size() && isTitle(t, i)) {
        const QStringView gap = t.gapAfter(i);
        if (gap != u" " && gap != u". ")
            return span;
        ++i;
        if (i < t.size() && isTitle(t, i) && (t.gapAfter(i) == u" " || t.gapAfter(i) == u". "))
            ++i; // "Frau Dr. Klein"
    }
    // "O'Brien", "D'Angelo": an initial joined to the name by an apostrophe.
    const bool elided = i + 1 < t.size() && t.word(i).size() == 1 && t.capitalised(i) &&
                        (t.gapAfter(i) == u"'" || t.gapAfter(i) == u"’") && nameWord(t, i + 1, out);
    if (!elided && !nameWord(t, i, out))
        return span;
    span.first = i;
    span.last = elided ? i + 1 : i;
    for (int words = 1; words < 4 && span.last + 1 < t.size();) {
        const QStringView gap = t.gapAfter(span.last);
        const int next = span.last + 1;
        if ((gap == u"-" || gap == u"'" || gap == u"’") && nameWord(t, next, out)) {
            span.last = next; // "Anna-Lena", "O'Brien"
        } else if (gap == u" " && nameWord(t, next, out)) {
            span.last = next;
            ++words;
        } else if (gap == u" " && particles().contains(t.word(next).toString()) &&
                   t.spaceAfter(next) && nameWord(t, next + 1, out)) {
            span.last = next + 1; // "Ludwig van Beethoven"
            ++words;
        } else {
            break;
        }
    }
    return span;
}

const QSet<QString> &possessives()
{
    static const QSet<QString> set =
        wordSet({u"my",      u"our",     u"his",     u"her",    u"their",  u"your",   u"mein",
                 u"meine",   u"meinem",  u"meinen",  u"meiner", u"meines", u"unser",  u"unsere",
                 u"unserem", u"unseren", u"unserer", u"sein",   u"seine",  u"seinem", u"seiner",
                 u"ihr",     u"ihre",    u"ihrem",   u"ihrer"});
    return set;
}

const QSet<QString> &relations()
{
    static const QSet<QString> set = wordSet({u"husband",
                                              u"wife",
                                              u"son",
                                              u"daughter",
                                              u"partner",
                                              u"colleague",
                                              u"coworker",
                                              u"boss",
                                              u"manager",
                                              u"brother",
                                              u"sister",
                                              u"mother",
                                              u"father",
                                              u"mum",
                                              u"mom",
                                              u"dad",
                                              u"friend",
                                              u"neighbour",
                                              u"neighbor",
                                              u"landlord",
                                              u"landlady",
                                              u"girlfriend",
                                              u"boyfriend",
                                              u"fiancé",
                                              u"fiancée",
                                              u"fiance",
                                              u"uncle",
                                              u"aunt",
                                              u"grandmother",
                                              u"grandfather",
                                              u"grandma",
                                              u"grandpa",
                                              u"nephew",
                                              u"niece",
                                              u"cousin",
                                              u"carer",
                                              u"caregiver",
                                              u"assistant",
                                              u"accountant",
                                              u"lawyer",
                                              u"doctor",
                                              u"flatmate",
                                              u"roommate",
                                              u"tenant",
                                              u"child",
                                              u"kid",
                                              u"stepson",
                                              u"stepdaughter",
                                              u"spouse",
                                              u"mann",
                                              u"ehemann",
                                              u"frau",
                                              u"ehefrau",
                                              u"sohn",
                                              u"tochter",
                                              u"kind",
                                              u"kollege",
                                              u"kollegen",
                                              u"kollegin",
                                              u"chef",
                                              u"chefin",
                                              u"bruder",
                                              u"schwester",
                                              u"mutter",
                                              u"vater",
                                              u"mama",
                                              u"papa",
                                              u"freund",
                                              u"freundin",
                                              u"nachbar",
                                              u"nachbarn",
                                              u"nachbarin",
                                              u"partnerin",
                                              u"vermieter",
                                              u"vermieterin",
                                              u"enkel",
                                              u"enkelin",
                                              u"onkel",
                                              u"tante",
                                              u"cousine",
                                              u"schwager",
                                              u"schwägerin",
                                              u"schwiegermutter",
                                              u"schwiegervater",
                                              u"lebensgefährte",
                                              u"lebensgefährten",
                                              u"lebensgefährtin",
                                              u"betreuer",
                                              u"betreuerin",
                                              u"anwalt",
                                              u"anwältin",
                                              u"steuerberater",
                                              u"steuerberaterin",
                                              u"mitbewohner",
                                              u"mitbewohnerin",
                                              u"sohnes",
                                              u"bruders",
                                              u"vaters"});
    return set;
}

const QSet<QString> &relationAdjectives()
{
    static const QSet<QString> set = wordSet(
        {u"late",        u"ex",           u"former",   u"new",       u"old",        u"eldest",
         u"youngest",    u"older",        u"younger",  u"little",    u"big",        u"best",
         u"verstorbene", u"verstorbener", u"neuer",    u"neue",      u"alter",      u"ältere",
         u"älterer",     u"jüngere",      u"jüngerer", u"ehemalige", u"ehemaliger", u"beste",
         u"bester",      u"kleine",       u"kleiner",  u"große",     u"großer"});
    return set;
}

// Words between a relation and the name: "my son, named Tom", "mein Sohn heißt Max".
const QSet<QString> &relationFillers()
{
    static const QSet<QString> set =
        wordSet({u"named", u"called", u"is", u"namens", u"heißt", u"heisst", u"ist"});
    return set;
}

// "my husband", "meine verstorbene Mutter": returns the word after the relation, or -1.
int afterRelation(const PiiText &t, int i)
{
    if (!possessives().contains(t.lower(i)) || !t.spaceAfter(i))
        return -1;
    int k = i + 1;
    if (relationAdjectives().contains(t.lower(k)) && t.spaceAfter(k))
        ++k;
    if (k >= t.size() || !relations().contains(t.lower(k)))
        return -1;
    int next = k + 1;
    if (next < t.size() && relationFillers().contains(t.lower(next)) &&
        (t.gapAfter(k) == u" " || t.gapAfter(k) == u", "))
        ++next;
    const QStringView gap = t.gapAfter(next - 1);
    return next < t.size() && (gap == u" " || gap == u", ") ? next : -1;
}

// Phrases after which a name follows, keyed by their first word.
const QHash<QString, QList<QStringList>> &namingPhrases()
{
    static const QHash<QString, QList<QStringList>> index = [] {
        QHash<QString, QList<QStringList>> i;
        for (const char16_t *p : {u"ask for",
                                  u"asked for",
                                  u"asking for",
                                  u"speak to",
                                  u"speak with",
                                  u"talk to",
                                  u"talk with",
                                  u"talked to",
                                  u"talked with",
                                  u"spoke to",
                                  u"spoke with",
                                  u"spoken to",
                                  u"spoken with",
                                  u"speaking to",
                                  u"speaking with",
                                  u"put me through to",
                                  u"transfer me to",
                                  u"connect me with",
                                  u"connect me to",
                                  u"his name is",
                                  u"her name is",
                                  u"their name is",
                                  u"named",
                                  u"on behalf of",
                                  u"contact person is",
                                  u"care of",
                                  u"in the name of",
                                  u"name of",
                                  u"fragen sie nach",
                                  u"fragen nach",
                                  u"frag nach",
                                  u"fragen sie bitte nach",
                                  u"verlangen sie",
                                  u"sprechen sie mit",
                                  u"spreche mit",
                                  u"sprechen mit",
                                  u"sprach mit",
                                  u"verbinden sie mich mit",
                                  u"ansprechpartner ist",
                                  u"ansprechpartnerin ist",
                                  u"im auftrag von",
                                  u"namens",
                                  u"sein name ist",
                                  u"ihr name ist",
                                  u"auf den namen",
                                  u"auf den namen von"}) {
            const QStringList words = QString::fromUtf16(p).split(u' ');
            i[words.first()].append(words);
        }
        return i;
    }();
    return index;
}

// After a naming phrase: the word where the name starts, or -1. The longest phrase wins.
int afterPhrase(const PiiText &t, int i)
{
    const auto it = namingPhrases().constFind(t.lower(i));
    if (it == namingPhrases().constEnd())
        return -1;
    int best = -1;
    for (const QStringList &phrase : *it) {
        int last = -1;
        if (t.matches(i, phrase, &last) && last + 1 < t.size() && last + 1 > best &&
            (t.gapAfter(last) == u" " || t.gapAfter(last) == u", "))
            best = last + 1;
    }
    return best;
}

// "mit Jonas gesprochen", "mit Frau Berg sprechen": the name between "mit" and the verb.
Span betweenMitAndVerb(const PiiText &t, int i, const PiiFindings &out)
{
    static const QSet<QString> verbs =
        wordSet({u"sprechen", u"gesprochen", u"telefoniert", u"reden", u"geredet", u"verbinden",
                 u"verbunden", u"sprach", u"spreche"});
    if (t.lower(i) != u"mit" || !t.spaceAfter(i))
        return {};
    const Span span = readName(t, i + 1, out);
    if (span.first < 0 || span.last + 1 >= t.size() || !t.spaceAfter(span.last) ||
        !verbs.contains(t.lower(span.last + 1)))
        return {};
    return span;
}

// "Lisa from your team", "Petra aus Ihrer Buchhaltung": someone of the company, named first.
Span beforeFromYour(const PiiText &t, int i, const PiiFindings &out)
{
    static const QSet<QString> from = wordSet({u"from", u"at", u"aus", u"von", u"bei"});
    static const QSet<QString> your =
        wordSet({u"your", u"ihrer", u"ihrem", u"ihren", u"ihre", u"eurer", u"eurem"});
    const Span span = readName(t, i, out);
    if (span.first < 0 || span.last + 2 >= t.size() || !t.spaceAfter(span.last) ||
        !t.spaceAfter(span.last + 1) || !from.contains(t.lower(span.last + 1)) ||
        !your.contains(t.lower(span.last + 2)))
        return {};
    return span;
}

QString valueOf(const PiiText &t, const Span &span)
{
    QString value;
    for (int k = span.first; k <= span.last; ++k) {
        if (!value.isEmpty())
            value += u' ';
        value += t.lower(k);
    }
    return value;
}

bool takeSpan(const PiiText &t, const Span &span, PiiFindings &out)
{
    const qsizetype start = t.start(span.first);
    const qsizetype end = t.end(span.last);
    return out.take(PiiKind::PersonName, start, end - start, valueOf(t, span));
}

// The length of `part` (words separated by white space in the configured name) at pos, or 0.
qsizetype matchPart(QStringView text, qsizetype pos, QStringView part)
{
    qsizetype p = pos;
    qsizetype k = 0;
    while (k < part.size()) {
        if (part.at(k).isSpace()) {
            if (p >= text.size() || !text.at(p).isSpace())
                return 0;
            while (k < part.size() && part.at(k).isSpace())
                ++k;
            while (p < text.size() && text.at(p).isSpace())
                ++p;
            continue;
        }
        if (p >= text.size() || text.at(p).toCaseFolded() != part.at(k).toCaseFolded())
            return 0;
        ++p;
        ++k;
    }
    return PiiScan::boundaryAfter(text, p) ? p - pos : 0;
}

} // namespace

void PiiNameScanner::findCustomer(const PiiText &t, const QString &customerName, PiiFindings &out)
{
    const QString full = customerName.simplified();
    if (full.size() < 2)
        return;
    const QStringList parts = full.split(u' ');
    const QString given = parts.first();
    const QString family = parts.size() > 1 ? parts.last() : QString();
    const QStringView text = t.text();
    for (int i = 0; i < t.size(); ++i) {
        const qsizetype start = t.start(i);
        // A one-word name needs its capital letter too.
        qsizetype len = parts.size() > 1 || t.capitalised(i) ? matchPart(text, start, full) : 0;
        QString value = QStringLiteral("full");
        // Single words only with a capital letter: "mark" and "wood" are words too.
        if (len == 0 && parts.size() > 1 && t.capitalised(i)) {
            if (given.size() > 1 && (len = matchPart(text, start, given)) > 0) {
                value = QStringLiteral("given");
            } else if (family.size() > 1 && (len = matchPart(text, start, family)) > 0) {
                value = QStringLiteral("family");
            }
        }
        if (len > 0 && out.take(PiiKind::CustomerName, start, len, value))
            i = t.wordAtOrAfter(start + len) - 1;
    }
}

void PiiNameScanner::findOthers(const PiiText &t, const QStringList &knownNames, PiiFindings &out)
{
    QSet<QString> named;
    for (const QString &name : knownNames) {
        for (const QString &word : name.split(u' ', Qt::SkipEmptyParts))
            named.insert(word);
    }
    for (int i = 0; i < t.size(); ++i) {
        Span span;
        if (isTitle(t, i)) {
            span = readName(t, i, out);
        } else if (const int k = afterRelation(t, i); k >= 0) {
            span = readName(t, k, out);
        } else if (const int k = afterPhrase(t, i); k >= 0) {
            span = readName(t, k, out);
        } else {
            span = betweenMitAndVerb(t, i, out);
            if (span.first < 0)
                span = beforeFromYour(t, i, out);
        }
        if (span.first >= 0 && takeSpan(t, span, out)) {
            for (int k = span.first; k <= span.last; ++k)
                named.insert(t.lower(k));
            i = span.last;
        }
    }
    if (named.isEmpty())
        return;
    // Once named, a person is named again without a title or relation: "Peter will call back".
    for (int i = 0; i < t.size(); ++i) {
        if (!named.contains(t.lower(i)) || !nameWord(t, i, out) || t.word(i).size() < 3)
            continue;
        Span span{i, i};
        while (span.last + 1 < t.size() && t.spaceAfter(span.last) &&
               named.contains(t.lower(span.last + 1)) && nameWord(t, span.last + 1, out))
            ++span.last;
        if (takeSpan(t, span, out))
            i = span.last;
    }
}
