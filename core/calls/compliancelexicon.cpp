#include "calls/compliancelexicon.h"

// Lower case, typographic apostrophes and hyphens unified, contractions expanded, punctuation
// turned into spaces, single spaces, padded with one space on both sides so that " phrase "
// matches whole words only.
QString ComplianceLexicon::normalise(const QString &text)
{
    QString s;
    s.reserve(text.size() + 2);
    s += u' ';
    for (QChar c : text) {
        if (c == QChar(0x2019) || c == QChar(0x2018) || c == u'`')
            c = u'\'';
        if (c.isLetterOrNumber() || c == u'\'') {
            s += c.toLower();
        } else if (c == u',' || c == u'.' || c == u';' || c == u':' || c == u'!' || c == u'?') {
            // Clause boundary: no phrase may span it ("the bus stop, calling from...").
            s += QStringLiteral(" | ");
        } else if (!s.endsWith(u' ')) {
            s += u' ';
        }
    }
    if (!s.endsWith(u' '))
        s += u' ';
    static const QList<std::pair<QString, QString>> contractions = {
        {QStringLiteral(" don't "), QStringLiteral(" do not ")},
        {QStringLiteral(" dont "), QStringLiteral(" do not ")},
        {QStringLiteral(" doesn't "), QStringLiteral(" does not ")},
        {QStringLiteral(" didn't "), QStringLiteral(" did not ")},
        {QStringLiteral(" won't "), QStringLiteral(" will not ")},
        {QStringLiteral(" can't "), QStringLiteral(" can not ")},
        {QStringLiteral(" cant "), QStringLiteral(" can not ")},
        {QStringLiteral(" cannot "), QStringLiteral(" can not ")},
        {QStringLiteral(" i'm "), QStringLiteral(" i am ")},
        {QStringLiteral(" you're "), QStringLiteral(" you are ")},
        {QStringLiteral(" i'd "), QStringLiteral(" i would ")},
        {QStringLiteral(" wanna "), QStringLiteral(" want to ")},
        {QStringLiteral(" gotta "), QStringLiteral(" got to ")},
    };
    for (const auto &[from, to] : contractions) {
        // Twice: overlapping matches share their padding space.
        s.replace(from, to);
        s.replace(from, to);
    }
    // Remaining apostrophes separate words ("m'appelez", "quelqu'un").
    s.replace(u'\'', u' ');
    return u' ' + s.simplified() + u' ';
}

bool ComplianceLexicon::containsPhrase(const QString &normalised, const QString &phrase)
{
    return normalised.contains(u' ' + phrase + u' ');
}

QStringList ComplianceLexicon::phrasesIn(const QString &normalised, const QStringList &phrases)
{
    QStringList found;
    for (const QString &phrase : phrases) {
        if (containsPhrase(normalised, phrase))
            found << phrase;
    }
    return found;
}

bool ComplianceLexicon::hasLatinLetters(const QString &text)
{
    for (QChar c : text) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            return true;
    }
    return false;
}

bool ComplianceLexicon::hasLetters(const QString &text)
{
    for (QChar c : text) {
        if (c.isLetter())
            return true;
    }
    return false;
}

const QStringList &ComplianceLexicon::optOutPhrases()
{
    static const QStringList phrases = {
        QStringLiteral("stop calling"), QStringLiteral("stop phoning"),
        QStringLiteral("stop ringing"), QStringLiteral("stop contacting"),
        QStringLiteral("quit calling"), QStringLiteral("do not call me"),
        QStringLiteral("do not call again"), QStringLiteral("do not call this number"),
        QStringLiteral("do not ever call"), QStringLiteral("never call me"),
        QStringLiteral("never call again"), QStringLiteral("never call here"),
        QStringLiteral("do not contact me"), QStringLiteral("never contact me"),
        QStringLiteral("do not call list"), QStringLiteral("dnc list"),
        QStringLiteral("no call list"), QStringLiteral("remove my number"),
        QStringLiteral("remove me from"), QStringLiteral("take me off"),
        QStringLiteral("take my number off"), QStringLiteral("delete my number"),
        QStringLiteral("lose my number"), QStringLiteral("unsubscribe"), QStringLiteral("opt out"),
        QStringLiteral("opt me out"), QStringLiteral("not call me again"),
        QStringLiteral("not to call me"),
        // A few other languages the campaigns use.
        QStringLiteral("nicht mehr anrufen"), QStringLiteral("rufen sie mich nicht"),
        QStringLiteral("no me llame"), QStringLiteral("no me llamen"),
        QStringLiteral("dejen de llamar"), QStringLiteral("ne m appelez plus"),
        QStringLiteral("arretez de m appeler"), QStringLiteral("arrêtez de m appeler")};
    return phrases;
}

const QStringList &ComplianceLexicon::humanVerbs()
{
    static const QStringList verbs = {
        QStringLiteral("speak to"),       QStringLiteral("speak with"),
        QStringLiteral("talk to"),        QStringLiteral("talk with"),
        QStringLiteral("connect me"),     QStringLiteral("transfer me"),
        QStringLiteral("put me through"), QStringLiteral("get me"),
        QStringLiteral("give me"),        QStringLiteral("i want"),
        QStringLiteral("i need"),         QStringLiteral("can i have"),
        QStringLiteral("let me speak"),   QStringLiteral("pass me")};
    return verbs;
}

const QStringList &ComplianceLexicon::humanTargets()
{
    static const QStringList targets = {
        QStringLiteral("person"),  QStringLiteral("human"),      QStringLiteral("humans"),
        QStringLiteral("people"),  QStringLiteral("someone"),    QStringLiteral("somebody"),
        QStringLiteral("manager"), QStringLiteral("supervisor"), QStringLiteral("representative"),
        QStringLiteral("rep"),     QStringLiteral("operator"),   QStringLiteral("agent"),
        QStringLiteral("advisor"), QStringLiteral("adviser"),    QStringLiteral("colleague"),
        QStringLiteral("staff")};
    return targets;
}

const QStringList &ComplianceLexicon::humanStandalone()
{
    static const QStringList phrases = {
        QStringLiteral("real person"),        QStringLiteral("human being"),
        QStringLiteral("live agent"),         QStringLiteral("real agent"),
        QStringLiteral("actual person"),      QStringLiteral("mit einem menschen"),
        QStringLiteral("con una persona"),    QStringLiteral("con un humano"),
        QStringLiteral("parler a quelqu un"), QStringLiteral("parler à quelqu un"),
        QStringLiteral("une vraie personne")};
    return phrases;
}

const QStringList &ComplianceLexicon::declinePrefixes()
{
    static const QStringList prefixes = {
        QStringLiteral("do not want to"), QStringLiteral("do not need to"),
        QStringLiteral("no need to"), QStringLiteral("not want to"),
        QStringLiteral("did not ask to")};
    return prefixes;
}

const QStringList &ComplianceLexicon::disclosurePhrases()
{
    static const QStringList phrases = {QStringLiteral("an ai"),
                                        QStringLiteral("ai assistant"),
                                        QStringLiteral("ai agent"),
                                        QStringLiteral("ai powered"),
                                        QStringLiteral("ai voice"),
                                        QStringLiteral("ai system"),
                                        QStringLiteral("artificial intelligence"),
                                        QStringLiteral("virtual assistant"),
                                        QStringLiteral("virtual agent"),
                                        QStringLiteral("automated assistant"),
                                        QStringLiteral("automated agent"),
                                        QStringLiteral("automated system"),
                                        QStringLiteral("automated voice"),
                                        QStringLiteral("digital assistant"),
                                        QStringLiteral("a bot"),
                                        QStringLiteral("chatbot"),
                                        QStringLiteral("not a human"),
                                        QStringLiteral("not a real person")};
    return phrases;
}

const QStringList &ComplianceLexicon::denialPhrases()
{
    static const QStringList phrases = {
        QStringLiteral("not an ai"),     QStringLiteral("not a bot"),
        QStringLiteral("not a robot"),   QStringLiteral("not ai"),
        QStringLiteral("not automated"), QStringLiteral("i am human"),
        QStringLiteral("i am a human"),  QStringLiteral("i am a real person")};
    return phrases;
}

const QHash<QString, double> &ComplianceLexicon::negativeLexicon()
{
    static const QHash<QString, double> words = {
        {QStringLiteral("furious"), 2},    {QStringLiteral("outraged"), 2},
        {QStringLiteral("disgusting"), 2}, {QStringLiteral("scam"), 2},
        {QStringLiteral("scammer"), 2},    {QStringLiteral("fraud"), 2},
        {QStringLiteral("harassment"), 2}, {QStringLiteral("harassing"), 2},
        {QStringLiteral("lawyer"), 2},     {QStringLiteral("sue"), 2},
        {QStringLiteral("lawsuit"), 2},    {QStringLiteral("unacceptable"), 2},
        {QStringLiteral("ridiculous"), 2}, {QStringLiteral("useless"), 2},
        {QStringLiteral("hate"), 2},       {QStringLiteral("worst"), 2},
        {QStringLiteral("terrible"), 2},   {QStringLiteral("awful"), 2},
        {QStringLiteral("pathetic"), 2},   {QStringLiteral("liar"), 2},
        {QStringLiteral("lying"), 2},      {QStringLiteral("complaint"), 1.5},
        {QStringLiteral("fuck"), 2},       {QStringLiteral("fucking"), 2},
        {QStringLiteral("shit"), 2},       {QStringLiteral("angry"), 1},
        {QStringLiteral("annoyed"), 1},    {QStringLiteral("annoying"), 1},
        {QStringLiteral("frustrated"), 1}, {QStringLiteral("frustrating"), 1},
        {QStringLiteral("upset"), 1},      {QStringLiteral("disappointed"), 1},
        {QStringLiteral("unhappy"), 1},    {QStringLiteral("rude"), 1},
        {QStringLiteral("complain"), 1},   {QStringLiteral("cancel"), 1},
        {QStringLiteral("bad"), 0.5},      {QStringLiteral("damn"), 1},
        {QStringLiteral("crap"), 1},       {QStringLiteral("bloody"), 1},
        {QStringLiteral("stupid"), 1.5},   {QStringLiteral("idiot"), 2},
        {QStringLiteral("waste"), 1},      {QStringLiteral("sick"), 0.5},
        {QStringLiteral("fed"), 0.5},      {QStringLiteral("nonsense"), 1}};
    return words;
}
