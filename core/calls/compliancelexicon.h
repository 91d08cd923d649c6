#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// The phrase lists and word weights behind ComplianceGuard, and the text normalisation they are
// matched against (whole words, no phrase across a clause boundary).
class ComplianceLexicon final
{
public:
    // " lower case words | clause marks, contractions expanded " (padded with spaces).
    static QString normalise(const QString &text);
    static bool containsPhrase(const QString &normalised, const QString &phrase);
    static QStringList phrasesIn(const QString &normalised, const QStringList &phrases);
    static bool hasLatinLetters(const QString &text);
    static bool hasLetters(const QString &text);

    static const QStringList &optOutPhrases();
    static const QStringList &humanVerbs();      // "speak to", "transfer me", ...
    static const QStringList &humanTargets();    // "person", "manager", ...
    static const QStringList &humanStandalone(); // "real person", "live agent", ...
    static const QStringList &declinePrefixes(); // "do not need to", ...
    static const QStringList &disclosurePhrases();
    static const QStringList &denialPhrases(); // "not an ai", ...
    static const QHash<QString, double> &negativeLexicon();
};
