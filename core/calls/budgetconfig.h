#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// A call's token and cost limits, as data: defaults in resources/config/budgets.json
// ({"max_tokens_per_turn": 2000, "max_tokens_per_call": 15000, "reserved_tokens": 500,
//   "max_cost_usd": 0, "warning_ratio": 0.8}), overridden by the config file or the scenario.
struct BudgetConfig
{
    int maxTokensPerTurn = 2000;  // cap on one reply's completion tokens (max_tokens)
    int maxTokensPerCall = 15000; // prompt + completion tokens over the whole call
    int reservedTokens = 500;     // kept back for the graceful closing line
    double maxCostUsd = 0;        // 0 = no cost cap
    double warningRatio = 0.8;    // budget.warning once this share of the call budget is used

    QJsonObject toJson() const;
    // Fields present in `json` override `base`; a bad field is an error naming it
    // ("budget.reserved_tokens: must be less than max_tokens_per_call").
    static std::optional<BudgetConfig> fromJson(const QJsonObject &json, const BudgetConfig &base,
                                                QString *error,
                                                const QString &path = QStringLiteral("budget"));
    // The shipped defaults (:/config/budgets.json), else the values above.
    static BudgetConfig defaults();
    // Defaults overlaid with a JSON file (the object itself or under a "budget" key).
    static std::optional<BudgetConfig> load(const QString &file, QString *error);
};
