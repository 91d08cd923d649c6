#pragma once

#include "calls/budgetconfig.h"
#include "openai/pricetable.h"
#include "openai/tokenusage.h"

#include <QList>
#include <QString>

struct ChatMessage;

// The token and cost budget of one call. Counts are exact (ChatTokenCounter for what is about
// to be sent, the API's usage for what was spent). A turn's max_tokens is capped by what remains
// above the reserve; once only the reserve is left the call should close, and the closing line
// is paid from the reserve.
class Budget final
{
public:
    Budget(BudgetConfig config, PriceTable prices = PriceTable::defaults());

    const BudgetConfig &config() const { return m_config; }

    // Exact prompt tokens of `messages` for `model` (what the API will bill as prompt_tokens).
    static int countPrompt(const QString &model, const QList<ChatMessage> &messages);

    // Adds one request's usage. costUsd < 0: priced with the PriceTable.
    void record(const QString &model, const TokenUsage &usage, double costUsd = -1);

    int usedTokens() const { return m_usedTokens; }
    int remainingTokens() const; // may be negative after an overrun
    double costUsd() const { return m_costUsd; }
    int turns() const { return m_turns; }

    // max_tokens for the next reply: min(per-turn cap, tokens left above the reserve after the
    // prompt, what the cost cap still allows for `model`). 0 = no room: close the call.
    int maxTokensForNextTurn(int promptTokens, const QString &model = {}) const;
    // Only the reserve (or less) is left, or the cost cap is reached.
    bool shouldClose() const;
    // shouldClose() or the next prompt would leave no room for a reply.
    bool shouldCloseBefore(int promptTokens, const QString &model = {}) const;
    // max_tokens for the graceful closing line, paid from the reserve (0 = none left).
    int closingMaxTokens() const;
    // True once, the first time the used share passes config().warningRatio.
    bool takeWarning();
    double usedRatio() const;

private:
    int costLimitedTokens(int promptTokens, const QString &model) const;

    BudgetConfig m_config;
    PriceTable m_prices;
    int m_usedTokens = 0;
    double m_costUsd = 0;
    int m_turns = 0;
    bool m_warned = false;
};
