#include "calls/piinamescanner.h"

#include <QHash>
#include <QSet>

namespace {

const QSet<QString> &titles()
{
    static const QSet<QString> set =
        PiiScan::words(u"Mr Mrs Ms Miss Mx Dr Prof Professor Herr Herrn Frau Fräulein");
    return set;
}

// Capitalised words that are not names: pronouns, articles, departments, roles, days, months,
// greetings.
const QSet<QString> &notNames()
{
    static const QSet<QString> set = PiiScan::words(
        u"i the a an this that these those it he she we they you your my our his her their "
        u"someone somebody anyone anybody everyone nobody customer service services support "
        u"sales billing team department manager supervisor agent human person people monday "
        u"tuesday wednesday thursday friday saturday sunday january february march april may "
        u"june july august september october november december today tomorrow yesterday okay "
        u"ok yes no please thanks thank hello hi sorry and but or so then ai bot robot "
        u"technician accounts complaints reception operator representative management head "
        u"office legal technical tech helpdesk help desk finance hr it marketing billing "
        u"premium plus basic broadband internet mobile fibre fiber ich sie er es wir ihr "
        u"ihnen der die das dem den ein eine einen einem jemand jemandem jemanden niemand "
        u"kundendienst kundenservice vertrieb buchhaltung abteilung technik montag dienstag "
        u"mittwoch donnerstag freitag samstag sonntag januar februar märz mai juni juli "
        u"oktober dezember heute morgen gestern ja nein bitte danke hallo und aber oder also "
        u"dann ki mitarbeiter mitarbeiterin vorgesetzten chef chefin leiter leiterin "
        u"zentrale hotline mensch menschen berater beraterin kollegen ihrem ihrer ihren ihre "
        u"meinem meiner bescheid doktor anruf rückruf termin vertrag rechnung hause home "
        u"work arbeit urlaub holiday sir madam mister dear lieber liebe");
    return set;
}

const QSet<QString> &particles()
{
    static const QSet<QString> set =
        PiiScan::words(u"von van de der den da di del du la le zu ten ter dos y");
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
    static const QSet<QString> set = PiiScan::words(
        u"my our his her their your mein meine meinem meinen meiner meines unser unsere "
        u"unserem unseren unserer sein seine seinem seiner ihr ihre ihrem ihrer");
    return set;
}

const QSet<QString> &relations()
{
    static const QSet<QString> set = PiiScan::words(
        u"husband wife son daughter partner colleague coworker boss manager brother sister "
        u"mother father mum mom dad friend neighbour neighbor landlord landlady girlfriend "
        u"boyfriend fiancé fiancée fiance uncle aunt grandmother grandfather grandma grandpa "
        u"nephew niece cousin carer caregiver assistant accountant lawyer doctor flatmate "
        u"roommate tenant child kid stepson stepdaughter spouse mann ehemann frau ehefrau "
        u"sohn tochter kind kollege kollegen kollegin chef chefin bruder schwester mutter "
        u"vater mama papa freund freundin nachbar nachbarn nachbarin partnerin vermieter "
        u"vermieterin enkel enkelin onkel tante cousine schwager schwägerin schwiegermutter "
        u"schwiegervater lebensgefährte lebensgefährten lebensgefährtin betreuer betreuerin "
        u"anwalt anwältin steuerberater steuerberaterin mitbewohner mitbewohnerin sohnes "
        u"bruders vaters");
    return set;
}

const QSet<QString> &relationAdjectives()
{
    static const QSet<QString> set = PiiScan::words(
        u"late ex former new old eldest youngest older younger little big best verstorbene "
        u"verstorbener neuer neue alter ältere älterer jüngere jüngerer ehemalige ehemaliger "
        u"beste bester kleine kleiner große großer");
    return set;
}

// Words between a relation and the name: "my son, named Tom", "mein Sohn heißt Max".
const QSet<QString> &relationFillers()
{
    static const QSet<QString> set = PiiScan::words(u"named called is namens heißt heisst ist");
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
        const QStringView phrases =
            u"ask for|asked for|asking for|speak to|speak with|talk to|talk with|talked to|"
            u"talked with|spoke to|spoke with|spoken to|spoken with|speaking to|"
            u"speaking with|put me through to|transfer me to|connect me with|connect me to|"
            u"his name is|her name is|their name is|named|on behalf of|contact person is|"
            u"care of|in the name of|name of|fragen sie nach|fragen nach|frag nach|"
            u"fragen sie bitte nach|verlangen sie|sprechen sie mit|spreche mit|sprechen mit|"
            u"sprach mit|verbinden sie mich mit|ansprechpartner ist|ansprechpartnerin ist|"
            u"im auftrag von|namens|sein name ist|ihr name ist|auf den namen|"
            u"auf den namen von";
        for (QStringView phrase : phrases.split(u'|')) {
            const QStringList words = phrase.toString().split(u' ');
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
    static const QSet<QString> verbs = PiiScan::words(
        u"sprechen gesprochen telefoniert reden geredet verbinden verbunden sprach spreche");
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
    static const QSet<QString> from = PiiScan::words(u"from at aus von bei");
    static const QSet<QString> your = PiiScan::words(u"your ihrer ihrem ihren ihre eurer eurem");
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
