#include "calls/budgetconfig.h"

#include "common/jsonfile.h"

namespace {

bool readInt(const QJsonObject &json, const char *key, int minimum, int *out, QString *error,
             const QString &path)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d != double(qint64(d)) || d < minimum || d > 100'000'000) {
        if (error)
            *error = QStringLiteral("%1.%2: expected a whole number >= %3")
                         .arg(path, QLatin1String(key))
                         .arg(minimum);
        return false;
    }
    *out = int(d);
    return true;
}

bool readDouble(const QJsonObject &json, const char *key, double minimum, double maximum,
                double *out, QString *error, const QString &path)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isDouble() || value.toDouble() < minimum || value.toDouble() > maximum) {
        if (error)
            *error = QStringLiteral("%1.%2: expected a number from %3 to %4")
                         .arg(path, QLatin1String(key))
                         .arg(minimum)
                         .arg(maximum);
        return false;
    }
    *out = value.toDouble();
    return true;
}

} // namespace

QJsonObject BudgetConfig::toJson() const
{
    return {{QStringLiteral("max_tokens_per_turn"), maxTokensPerTurn},
            {QStringLiteral("max_tokens_per_call"), maxTokensPerCall},
            {QStringLiteral("reserved_tokens"), reservedTokens},
            {QStringLiteral("max_cost_usd"), maxCostUsd},
            {QStringLiteral("warning_ratio"), warningRatio}};
}

std::optional<BudgetConfig> BudgetConfig::fromJson(const QJsonObject &json,
                                                   const BudgetConfig &base, QString *error,
                                                   const QString &path)
{
    static const QStringList known = {
        QStringLiteral("max_tokens_per_turn"), QStringLiteral("max_tokens_per_call"),
        QStringLiteral("reserved_tokens"), QStringLiteral("max_cost_usd"),
        QStringLiteral("warning_ratio")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            if (error)
                *error = QStringLiteral("%1.%2: unknown field").arg(path, it.key());
            return std::nullopt;
        }
    }
    BudgetConfig config = base;
    if (!readInt(json, "max_tokens_per_turn", 1, &config.maxTokensPerTurn, error, path) ||
        !readInt(json, "max_tokens_per_call", 1, &config.maxTokensPerCall, error, path) ||
        !readInt(json, "reserved_tokens", 0, &config.reservedTokens, error, path) ||
        !readDouble(json, "max_cost_usd", 0, 1e6, &config.maxCostUsd, error, path) ||
        !readDouble(json, "warning_ratio", 0, 1, &config.warningRatio, error, path))
        return std::nullopt;
    if (config.reservedTokens >= config.maxTokensPerCall) {
        if (error)
            *error =
                QStringLiteral("%1.reserved_tokens: must be less than max_tokens_per_call (%2)")
                    .arg(path)
                    .arg(config.maxTokensPerCall);
        return std::nullopt;
    }
    return config;
}

BudgetConfig BudgetConfig::defaults()
{
    QString error;
    const std::optional<QJsonObject> json =
        readJsonObjectFile(QStringLiteral(":/config/budgets.json"), &error);
    if (!json)
        return BudgetConfig{};
    return fromJson(*json, BudgetConfig{}, &error).value_or(BudgetConfig{});
}

std::optional<BudgetConfig> BudgetConfig::load(const QString &fileName, QString *error)
{
    const std::optional<QJsonObject> document = readJsonObjectFile(fileName, error);
    if (!document)
        return std::nullopt;
    QJsonObject json = *document;
    if (json.value(QLatin1String("budget")).isObject())
        json = json.value(QLatin1String("budget")).toObject();
    QString detail;
    std::optional<BudgetConfig> config = fromJson(json, defaults(), &detail);
    if (!config && error)
        *error = QStringLiteral("%1: %2").arg(fileName, detail);
    return config;
}
