#pragma once

#include "calls/compliancefinding.h"
#include "calls/disclosurecheck.h"

#include <QList>
#include <QString>

// Compliance checks on a call's turns. They fail closed: if a check cannot decide (empty text,
// an internal error), the safer outcome is applied and the finding says failedClosed.
class ComplianceGuard final
{
public:
    // `agentName` is how the agent introduces itself in the disclosure prefix.
    explicit ComplianceGuard(QString agentName = QStringLiteral("VoiceAI"));

    // The agent's first turn must say that it is an AI; if not, textToSend is the corrected turn.
    DisclosureCheck checkFirstAgentTurn(const QString &text) const;
    // Opt-out, request for a human and negative sentiment in one customer utterance.
    QList<ComplianceFinding> checkCustomerUtterance(const QString &text) const;

    bool disclosesAi(const QString &text) const;
    QString disclosurePrefix() const; // "Hello, I'm VoiceAI, an AI assistant."

    // The individual detectors (normalised matching, no model involved).
    static bool isOptOut(const QString &text, QStringList *matched = nullptr);
    static bool requestsHuman(const QString &text, QStringList *matched = nullptr);
    // Sum of lexicon weights (negations dampen); >= negativeThreshold() flags.
    static double negativeScore(const QString &text, QStringList *matched = nullptr);
    static double negativeThreshold();

private:
    QString m_agentName;
};
