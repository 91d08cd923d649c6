#include "calls/riskassessor.h"

#include "calls/callstats.h"
#include "store/callevent.h"
#include "store/eventkinds.h"

#include <QRegularExpression>
#include <QSet>

namespace {

// Weights: a request for a human or a compliance problem alone should put a call near the
// top of the board; technical trouble (fallback, slow turns) only ranks it among equals.
constexpr int kWeightHuman = 45;
constexpr int kWeightCompliance = 40;
constexpr int kWeightNegative = 25;
constexpr int kWeightLooping = 20;
constexpr int kWeightSilence = 15;
constexpr int kWeightBudget = 15;
constexpr int kWeightSlow = 10;
constexpr int kWeightFallback = 10;

QString eventText(const CallEvent &event)
{
    for (const char *key : {"text", "content", "line", "utterance"}) {
        const QString value = event.payload.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

qint64 eventLatencyMs(const CallEvent &event)
{
    for (const char *key : {"latencyMs", "latency_ms"}) {
        const QJsonValue value = event.payload.value(QLatin1String(key));
        if (value.isDouble())
            return qint64(value.toDouble());
    }
    return -1;
}

QSet<QString> wordSet(const QString &text)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\w']+"));
    QSet<QString> words;
    for (const QString &word : text.toLower().split(nonWord, Qt::SkipEmptyParts))
        words.insert(word);
    return words;
}

bool isAgentTurn(const CallEvent &event)
{
    return event.kind == EventKind::AgentTurn;
}

} // namespace

bool RiskAssessment::has(RiskKind kind) const
{
    return std::any_of(flags.cbegin(), flags.cend(),
                       [kind](const RiskFlag &flag) { return flag.kind == kind; });
}

QString RiskAssessment::summary() const
{
    QStringList lines;
    for (const RiskFlag &flag : flags)
        lines << flag.reason;
    return lines.join(QLatin1Char('\n'));
}

RiskAssessor::RiskAssessor(RiskThresholds thresholds)
    : m_thresholds(thresholds)
{}

bool RiskAssessor::isNegative(const QString &customerText)
{
    // A small lexicon is enough to rank calls; it is a hint for a person, never a decision.
    static const QRegularExpression negative(
        QStringLiteral("\\b(angry|annoyed|annoying|frustrat\\w*|ridiculous|terrible|awful|"
                       "horrible|useless|worst|unacceptable|disappointed|rude|hate|waste of|"
                       "not happy|fed up|sick of|complain\\w*|scam|nonsense|outrageous|"
                       "stop wasting|leave me alone|not interested|don't care)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return negative.match(customerText).hasMatch();
}

bool RiskAssessor::asksForHuman(const QString &customerText)
{
    static const QRegularExpression human(
        QStringLiteral("\\b(speak|talk|put me through|transfer me|connect me)\\b.{0,30}\\b("
                       "human|person|real person|someone real|manager|supervisor|"
                       "representative|agent|operator)\\b|\\b(are you|is this) a (robot|bot|"
                       "machine)\\b.*\\b(human|person)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return human.match(customerText).hasMatch();
}

double RiskAssessor::similarity(const QString &a, const QString &b)
{
    const QSet<QString> wa = wordSet(a);
    const QSet<QString> wb = wordSet(b);
    if (wa.isEmpty() && wb.isEmpty())
        return 0.0;
    const qsizetype common = QSet<QString>(wa).intersect(wb).size();
    const qsizetype all = QSet<QString>(wa).unite(wb).size();
    return all == 0 ? 0.0 : double(common) / double(all);
}

RiskAssessment RiskAssessor::assess(const QList<CallEvent> &events, const CallStats &stats,
                                    const QDateTime &now) const
{
    RiskAssessment result;
    const RiskThresholds &t = m_thresholds;

    bool humanRequested = false;
    QString humanQuote;
    QStringList complianceReasons;
    bool fallbackEvent = false;
    bool budgetWarning = false;
    bool ended = false;
    QList<bool> customerNegative; // in order
    QStringList negativeQuotes;
    QStringList agentTexts;
    QList<qint64> agentLatencies;
    QDateTime lastCustomer;
    QDateTime lastEvent;

    for (const CallEvent &event : events) {
        lastEvent = event.time;
        const QString &kind = event.kind;
        if (kind == EventKind::CustomerUtterance) {
            const QString text = eventText(event);
            lastCustomer = event.time;
            const bool negative = isNegative(text);
            customerNegative << negative;
            if (negative)
                negativeQuotes << text;
            if (asksForHuman(text)) {
                humanRequested = true;
                humanQuote = text;
            }
        } else if (kind == EventKind::HumanRequested) {
            humanRequested = true;
        } else if (kind == EventKind::ComplianceFlag) {
            // The session records ComplianceFinding::toJson(): {code, detail, ...}.
            QString why;
            for (const char *key : {"detail", "reason", "code"}) {
                why = event.payload.value(QLatin1String(key)).toString();
                if (!why.isEmpty())
                    break;
            }
            complianceReasons << (why.isEmpty() ? QStringLiteral("compliance check failed") : why);
        } else if (kind == EventKind::ModelFallback) {
            fallbackEvent = true;
        } else if (kind == EventKind::BudgetWarning) {
            budgetWarning = true;
        } else if (kind == EventKind::CallEnded || kind == EventKind::CallInterrupted) {
            ended = true;
        } else if (isAgentTurn(event)) {
            agentTexts << eventText(event);
            agentLatencies << eventLatencyMs(event);
        }
    }

    if (humanRequested) {
        result.flags << RiskFlag{
            RiskKind::HumanRequested,
            humanQuote.isEmpty()
                ? QStringLiteral("The customer asked for a human.")
                : QStringLiteral("The customer asked for a human: \"%1\"").arg(humanQuote.left(80)),
            kWeightHuman};
    }

    if (!complianceReasons.isEmpty()) {
        result.flags << RiskFlag{
            RiskKind::ComplianceFlag,
            QStringLiteral("Compliance: %1").arg(complianceReasons.join(QStringLiteral("; "))),
            kWeightCompliance};
    }

    const qsizetype window = std::min<qsizetype>(t.negativeWindow, customerNegative.size());
    const auto negatives =
        std::count(customerNegative.cend() - window, customerNegative.cend(), true);
    if (negatives >= t.negativeTurnsToFlag) {
        result.flags << RiskFlag{RiskKind::NegativeSentiment,
                                 QStringLiteral("%1 of the customer's last %2 turns sound negative "
                                                "(latest: \"%3\")")
                                     .arg(negatives)
                                     .arg(window)
                                     .arg(negativeQuotes.constLast().left(80)),
                                 kWeightNegative};
    }

    if (!ended && stats.durationMs >= 0) {
        const QDateTime since = stats.lastCustomerActivity.isValid()
                                    ? stats.lastCustomerActivity
                                    : (lastCustomer.isValid() ? lastCustomer : stats.startedAt);
        if (since.isValid() && now.isValid()) {
            const qint64 silentMs = since.msecsTo(now);
            if (silentMs >= t.silenceMs) {
                result.flags << RiskFlag{
                    RiskKind::LongSilence,
                    QStringLiteral("No word from the customer for %1 s.").arg(silentMs / 1000),
                    kWeightSilence};
            }
        }
    }

    // Looping: two of the agent's recent turns say nearly the same thing.
    const qsizetype from = std::max<qsizetype>(0, agentTexts.size() - t.loopWindow);
    bool looping = false;
    for (qsizetype i = from; i < agentTexts.size() && !looping; ++i) {
        for (qsizetype j = i + 1; j < agentTexts.size(); ++j) {
            if (!agentTexts.at(i).isEmpty() &&
                similarity(agentTexts.at(i), agentTexts.at(j)) >= t.loopSimilarity) {
                looping = true;
                break;
            }
        }
    }
    if (looping) {
        result.flags << RiskFlag{RiskKind::AgentLooping,
                                 QStringLiteral("The agent is repeating itself."), kWeightLooping};
    }

    const double tokenShare = stats.tokenCap > 0 ? double(stats.totalTokens) / stats.tokenCap : 0;
    const double costShare = stats.costCap > 0 ? stats.costUsd / stats.costCap : 0;
    const double share = std::max(tokenShare, costShare);
    if (share >= t.budgetFraction || budgetWarning) {
        result.flags << RiskFlag{RiskKind::BudgetNearCap,
                                 QStringLiteral("Budget %1% used (%2 of %3 tokens).")
                                     .arg(qRound(share * 100))
                                     .arg(stats.totalTokens)
                                     .arg(stats.tokenCap),
                                 kWeightBudget};
    }

    if (stats.usingFallback || fallbackEvent) {
        result.flags << RiskFlag{
            RiskKind::FallbackInUse,
            QStringLiteral("The fallback model is answering (%1).")
                .arg(stats.modelInUse.isEmpty() ? QStringLiteral("fallback") : stats.modelInUse),
            kWeightFallback};
    }

    const qsizetype recent = std::min<qsizetype>(3, agentLatencies.size());
    int slow = 0;
    qint64 worst = 0;
    for (qsizetype i = agentLatencies.size() - recent; i < agentLatencies.size(); ++i) {
        if (agentLatencies.at(i) >= t.slowTurnMs) {
            ++slow;
            worst = std::max(worst, agentLatencies.at(i));
        }
    }
    if (slow >= std::min<int>(t.slowTurnsToFlag, int(std::max<qsizetype>(recent, 1))) && slow > 0) {
        result.flags << RiskFlag{RiskKind::SlowTurns,
                                 QStringLiteral("%1 of the last %2 agent turns were slow (up to "
                                                "%3 ms).")
                                     .arg(slow)
                                     .arg(recent)
                                     .arg(worst),
                                 kWeightSlow};
    }

    std::stable_sort(result.flags.begin(), result.flags.end(),
                     [](const RiskFlag &a, const RiskFlag &b) { return a.weight > b.weight; });
    result.score = riskScore(result.flags);
    return result;
}
