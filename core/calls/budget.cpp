#include "calls/budget.h"

#include "openai/chatmessage.h"
#include "tokens/chattokencounter.h"

#include <algorithm>
#include <cmath>

Budget::Budget(BudgetConfig config, PriceTable prices)
    : m_config(config)
    , m_prices(std::move(prices))
{}

int Budget::countPrompt(const QString &model, const QList<ChatMessage> &messages)
{
    QList<ChatTokenMessage> counted;
    counted.reserve(messages.size());
    for (const ChatMessage &m : messages)
        counted.append(ChatTokenMessage{m.roleName(), m.content, m.name});
    return ChatTokenCounter(model).countPrompt(counted);
}

void Budget::record(const QString &model, const TokenUsage &usage, double costUsd)
{
    const int total =
        usage.totalTokens > 0 ? usage.totalTokens : usage.promptTokens + usage.completionTokens;
    m_usedTokens += total;
    m_costUsd += costUsd >= 0 ? costUsd : m_prices.costUsd(model, usage);
    ++m_turns;
}

int Budget::remainingTokens() const
{
    return m_config.maxTokensPerCall - m_usedTokens;
}

double Budget::usedRatio() const
{
    double ratio = double(m_usedTokens) / double(std::max(1, m_config.maxTokensPerCall));
    if (m_config.maxCostUsd > 0)
        ratio = std::max(ratio, m_costUsd / m_config.maxCostUsd);
    return ratio;
}

int Budget::costLimitedTokens(int promptTokens, const QString &model) const
{
    if (m_config.maxCostUsd <= 0 || model.isEmpty() || !m_prices.hasPrice(model))
        return m_config.maxTokensPerTurn;
    // Prices are linear in tokens, so one-token probes give the per-token rates.
    const double perInput = m_prices.costUsd(model, TokenUsage{1, 0, 1, 0});
    const double perOutput = m_prices.costUsd(model, TokenUsage{0, 1, 1, 0});
    if (perOutput <= 0)
        return m_config.maxTokensPerTurn;
    // The reserve is kept in money too: the closing line must still be affordable.
    const double reserveCost = perOutput * m_config.reservedTokens;
    const double left = m_config.maxCostUsd - m_costUsd - reserveCost - perInput * promptTokens;
    if (left <= 0)
        return 0;
    // The epsilon keeps an exact fit (0.2 / 0.002) from rounding down to one token less.
    return int(std::min<double>(m_config.maxTokensPerTurn, std::floor(left / perOutput + 1e-9)));
}

int Budget::maxTokensForNextTurn(int promptTokens, const QString &model) const
{
    const int aboveReserve =
        remainingTokens() - m_config.reservedTokens - std::max(0, promptTokens);
    const int allowed = std::min({m_config.maxTokensPerTurn, aboveReserve,
                                  costLimitedTokens(std::max(0, promptTokens), model)});
    return std::max(0, allowed);
}

bool Budget::shouldClose() const
{
    if (remainingTokens() <= m_config.reservedTokens)
        return true;
    return m_config.maxCostUsd > 0 && m_costUsd >= m_config.maxCostUsd;
}

bool Budget::shouldCloseBefore(int promptTokens, const QString &model) const
{
    return shouldClose() || maxTokensForNextTurn(promptTokens, model) <= 0;
}

int Budget::closingMaxTokens() const
{
    return std::clamp(remainingTokens(), 0,
                      std::min(m_config.reservedTokens, m_config.maxTokensPerTurn));
}

bool Budget::takeWarning()
{
    if (m_warned || usedRatio() < m_config.warningRatio)
        return false;
    m_warned = true;
    return true;
}
