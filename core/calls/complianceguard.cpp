#include "calls/complianceguard.h"

#include <QHash>

#include <exception>

namespace {

// Lower case, typographic apostrophes and hyphens unified, contractions expanded, punctuation
// turned into spaces, single spaces, padded with one space on both sides so that " phrase "
// matches whole words only.
QString normalise(const QString &text)
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

bool containsPhrase(const QString &normalised, const QString &phrase)
{
    return normalised.contains(u' ' + phrase + u' ');
}

QStringList phrasesIn(const QString &normalised, const QStringList &phrases)
{
    QStringList found;
    for (const QString &phrase : phrases) {
        if (containsPhrase(normalised, phrase))
            found << phrase;
    }
    return found;
}

bool hasLatinLetters(const QString &text)
{
    for (QChar c : text) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            return true;
    }
    return false;
}

bool hasLetters(const QString &text)
{
    for (QChar c : text) {
        if (c.isLetter())
            return true;
    }
    return false;
}

const QStringList &optOutPhrases()
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

const QStringList &humanVerbs()
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

const QStringList &humanTargets()
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

const QStringList &humanStandalone()
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

const QStringList &declinePrefixes()
{
    static const QStringList prefixes = {
        QStringLiteral("do not want to"), QStringLiteral("do not need to"),
        QStringLiteral("no need to"), QStringLiteral("not want to"),
        QStringLiteral("did not ask to")};
    return prefixes;
}

const QStringList &disclosurePhrases()
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

const QStringList &denialPhrases()
{
    static const QStringList phrases = {
        QStringLiteral("not an ai"),     QStringLiteral("not a bot"),
        QStringLiteral("not a robot"),   QStringLiteral("not ai"),
        QStringLiteral("not automated"), QStringLiteral("i am human"),
        QStringLiteral("i am a human"),  QStringLiteral("i am a real person")};
    return phrases;
}

const QHash<QString, double> &negativeLexicon()
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

ComplianceFinding failedClosed(const QString &detail)
{
    ComplianceFinding finding;
    finding.type = ComplianceFindingType::CheckFailed;
    finding.detail = detail;
    finding.score = 1;
    finding.failedClosed = true;
    return finding;
}

} // namespace

ComplianceGuard::ComplianceGuard(QString agentName)
    : m_agentName(std::move(agentName))
{}

QString ComplianceGuard::disclosurePrefix() const
{
    return QStringLiteral("Hello, I'm %1, an AI assistant.").arg(m_agentName);
}

bool ComplianceGuard::disclosesAi(const QString &text) const
{
    const QString n = normalise(text);
    if (!phrasesIn(n, denialPhrases()).isEmpty())
        return false; // a denial outweighs any other wording
    return !phrasesIn(n, disclosurePhrases()).isEmpty();
}

DisclosureCheck ComplianceGuard::checkFirstAgentTurn(const QString &text) const
{
    DisclosureCheck check;
    ComplianceFinding finding;
    finding.type = ComplianceFindingType::AiDisclosureMissing;
    finding.score = 1;
    try {
        if (text.trimmed().isEmpty()) {
            finding.detail = QStringLiteral("empty first turn; the disclosure is sent on its own");
            finding.failedClosed = true;
            check.textToSend = disclosurePrefix();
            check.finding = finding;
            return check;
        }
        if (disclosesAi(text)) {
            check.disclosed = true;
            check.textToSend = text;
            return check;
        }
        finding.detail = QStringLiteral("the first turn did not say the agent is an AI; "
                                        "the disclosure was prefixed");
    } catch (const std::exception &e) {
        finding.detail = QStringLiteral("disclosure check failed (%1); the disclosure was prefixed")
                             .arg(QString::fromLocal8Bit(e.what()));
        finding.failedClosed = true;
    } catch (...) {
        finding.detail = QStringLiteral("disclosure check failed; the disclosure was prefixed");
        finding.failedClosed = true;
    }
    check.textToSend = disclosurePrefix() + u' ' + text.trimmed();
    check.finding = finding;
    return check;
}

QList<ComplianceFinding> ComplianceGuard::checkCustomerUtterance(const QString &text) const
{
    QList<ComplianceFinding> findings;
    if (text.trimmed().isEmpty())
        return findings; // nothing was said: nothing to decide
    try {
        QStringList matched;
        if (isOptOut(text, &matched)) {
            findings << ComplianceFinding{
                ComplianceFindingType::OptOut,
                QStringLiteral("the customer asked not to be called again"), matched, 1, false};
        }
        matched.clear();
        if (requestsHuman(text, &matched)) {
            findings << ComplianceFinding{ComplianceFindingType::HumanRequested,
                                          QStringLiteral("the customer asked for a person"),
                                          matched, 1, false};
        }
        matched.clear();
        const double score = negativeScore(text, &matched);
        if (score >= negativeThreshold()) {
            findings << ComplianceFinding{
                ComplianceFindingType::NegativeSentiment,
                QStringLiteral("negative sentiment cues (score %1)").arg(score), matched, score,
                false};
        }
        // Letters but none the phrase lists can read (another script): the checks cannot
        // decide, so a person has to.
        if (findings.isEmpty() && hasLetters(text) && !hasLatinLetters(text)) {
            findings << failedClosed(
                QStringLiteral("the utterance is in a script the checks do not cover; review it"));
        }
    } catch (const std::exception &e) {
        findings.clear();
        findings << failedClosed(QStringLiteral("customer checks failed (%1); review the utterance")
                                     .arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        findings.clear();
        findings << failedClosed(QStringLiteral("customer checks failed; review the utterance"));
    }
    return findings;
}

bool ComplianceGuard::isOptOut(const QString &text, QStringList *matched)
{
    const QStringList found = phrasesIn(normalise(text), optOutPhrases());
    if (matched)
        *matched = found;
    return !found.isEmpty();
}

bool ComplianceGuard::requestsHuman(const QString &text, QStringList *matched)
{
    const QString n = normalise(text);
    const QStringList words = n.split(u' ', Qt::SkipEmptyParts);
    QStringList found = phrasesIn(n, humanStandalone());
    // A verb followed by a target within four words: "speak to a real person", "transfer me to
    // your manager". Declined requests ("I don't need to speak to a manager") do not count.
    for (const QString &verb : humanVerbs()) {
        const QStringList verbWords = verb.split(u' ');
        for (qsizetype i = 0; i + verbWords.size() <= words.size(); ++i) {
            if (words.mid(i, verbWords.size()) != verbWords)
                continue;
            const QString before =
                words.mid(std::max<qsizetype>(0, i - 4), std::min<qsizetype>(i, 4)).join(u' ');
            bool declined = false;
            for (const QString &prefix : declinePrefixes())
                declined = declined || (u' ' + before + u' ').contains(u' ' + prefix + u' ');
            if (declined)
                continue;
            const qsizetype from = i + verbWords.size();
            for (qsizetype j = from; j < std::min(words.size(), from + 5); ++j) {
                if (words.at(j) == QLatin1String("|"))
                    break;
                if (humanTargets().contains(words.at(j))) {
                    found << words.mid(i, j - i + 1).join(u' ');
                    break;
                }
            }
        }
    }
    // A one-word demand: "Representative!", "operator please".
    static const QStringList bare = {QStringLiteral("representative"), QStringLiteral("operator"),
                                     QStringLiteral("human"), QStringLiteral("agent"),
                                     QStringLiteral("manager")};
    QStringList plain = words;
    plain.removeAll(QStringLiteral("|"));
    if (plain.size() <= 2 && !plain.isEmpty() && bare.contains(plain.first()) &&
        (plain.size() == 1 || plain.last() == QLatin1String("please")))
        found << plain.join(u' ');
    // Declined standalone phrases ("no need for a real person") are rare; keep them: a flag for
    // the supervisor is the safer mistake.
    found.removeDuplicates();
    if (matched)
        *matched = found;
    return !found.isEmpty();
}

double ComplianceGuard::negativeThreshold()
{
    return 2.0;
}

double ComplianceGuard::negativeScore(const QString &text, QStringList *matched)
{
    const QStringList words = normalise(text).split(u' ', Qt::SkipEmptyParts);
    static const QStringList negations = {QStringLiteral("not"), QStringLiteral("never"),
                                          QStringLiteral("no"), QStringLiteral("hardly")};
    static const QStringList intensifiers = {
        QStringLiteral("very"),      QStringLiteral("really"),     QStringLiteral("so"),
        QStringLiteral("extremely"), QStringLiteral("absolutely"), QStringLiteral("totally")};
    double score = 0;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const double weight = negativeLexicon().value(words.at(i), 0);
        if (weight <= 0)
            continue;
        const bool negated = (i >= 1 && negations.contains(words.at(i - 1))) ||
                             (i >= 2 && negations.contains(words.at(i - 2)));
        if (negated)
            continue;
        const bool intensified = i >= 1 && intensifiers.contains(words.at(i - 1));
        score += intensified ? weight * 1.5 : weight;
        if (matched)
            matched->append(words.at(i));
    }
    // Shouting: repeated exclamation marks or several words in capitals.
    if (text.count(u'!') >= 2)
        score += 0.5;
    int capsWords = 0;
    for (const QString &raw : text.split(u' ', Qt::SkipEmptyParts)) {
        if (raw.size() >= 3 && raw == raw.toUpper() && hasLatinLetters(raw))
            ++capsWords;
    }
    if (capsWords >= 2)
        score += 0.5;
    return score;
}
