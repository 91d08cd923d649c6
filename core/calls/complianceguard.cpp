#include "calls/complianceguard.h"

#include "calls/compliancelexicon.h"

#include <exception>

namespace {

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
    const QString n = ComplianceLexicon::normalise(text);
    if (!ComplianceLexicon::phrasesIn(n, ComplianceLexicon::denialPhrases()).isEmpty())
        return false; // a denial outweighs any other wording
    return !ComplianceLexicon::phrasesIn(n, ComplianceLexicon::disclosurePhrases()).isEmpty();
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
        if (findings.isEmpty() && ComplianceLexicon::hasLetters(text) &&
            !ComplianceLexicon::hasLatinLetters(text)) {
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
    const QStringList found = ComplianceLexicon::phrasesIn(ComplianceLexicon::normalise(text),
                                                           ComplianceLexicon::optOutPhrases());
    if (matched)
        *matched = found;
    return !found.isEmpty();
}

bool ComplianceGuard::requestsHuman(const QString &text, QStringList *matched)
{
    const QString n = ComplianceLexicon::normalise(text);
    const QStringList words = n.split(u' ', Qt::SkipEmptyParts);
    QStringList found = ComplianceLexicon::phrasesIn(n, ComplianceLexicon::humanStandalone());
    // A verb followed by a target within four words: "speak to a real person", "transfer me to
    // your manager". Declined requests ("I don't need to speak to a manager") do not count.
    for (const QString &verb : ComplianceLexicon::humanVerbs()) {
        const QStringList verbWords = verb.split(u' ');
        for (qsizetype i = 0; i + verbWords.size() <= words.size(); ++i) {
            if (words.mid(i, verbWords.size()) != verbWords)
                continue;
            const QString before =
                words.mid(std::max<qsizetype>(0, i - 4), std::min<qsizetype>(i, 4)).join(u' ');
            bool declined = false;
            for (const QString &prefix : ComplianceLexicon::declinePrefixes())
                declined = declined || (u' ' + before + u' ').contains(u' ' + prefix + u' ');
            if (declined)
                continue;
            const qsizetype from = i + verbWords.size();
            for (qsizetype j = from; j < std::min(words.size(), from + 5); ++j) {
                if (words.at(j) == QLatin1String("|"))
                    break;
                if (ComplianceLexicon::humanTargets().contains(words.at(j))) {
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
    const QStringList words = ComplianceLexicon::normalise(text).split(u' ', Qt::SkipEmptyParts);
    static const QStringList negations = {QStringLiteral("not"), QStringLiteral("never"),
                                          QStringLiteral("no"), QStringLiteral("hardly")};
    static const QStringList intensifiers = {
        QStringLiteral("very"),      QStringLiteral("really"),     QStringLiteral("so"),
        QStringLiteral("extremely"), QStringLiteral("absolutely"), QStringLiteral("totally")};
    double score = 0;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const double weight = ComplianceLexicon::negativeLexicon().value(words.at(i), 0);
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
        if (raw.size() >= 3 && raw == raw.toUpper() && ComplianceLexicon::hasLatinLetters(raw))
            ++capsWords;
    }
    if (capsWords >= 2)
        score += 0.5;
    return score;
}
