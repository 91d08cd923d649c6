#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// One result of a compliance check, recorded by the session as a compliance.flag / optout.recorded
// / human.requested / risk.flag event.
enum class ComplianceFindingType {
    AiDisclosureMissing, // the agent's first turn did not say it is an AI (a corrected turn is
                         // sent)
    OptOut,              // the customer asked not to be called again
    HumanRequested,      // the customer asked for a person
    NegativeSentiment,   // lexicon cues of anger or distress, for risk triage
    CheckFailed          // a check could not decide; the safer outcome was applied
};

struct ComplianceFinding
{
    ComplianceFindingType type = ComplianceFindingType::CheckFailed;
    QString detail;            // why, in words
    QStringList matched;       // the phrases or words that triggered it
    double score = 0;          // NegativeSentiment: lexicon score; otherwise 1
    bool failedClosed = false; // decided by the fail-closed rule, not by a match

    QString code() const; // "ai-disclosure-missing", "opt-out", "human-requested", ...
    static QString code(ComplianceFindingType type);
    QJsonObject toJson() const; // {code, detail, matched, score, failedClosed}
};
