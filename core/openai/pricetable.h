#pragma once

#include "openai/tokenusage.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

// USD per 1M input / cached input / output tokens per model; defaults in :/config/prices.json.
class PriceTable
{
public:
    struct Price
    {
        double inputPerMillion = 0;
        double cachedInputPerMillion = -1; // < 0: same as input
        double outputPerMillion = 0;
    };

    PriceTable();

    // Cost of `usage` for `model`. Dated model names (gpt-4o-2024-08-06) fall back to the longest
    // known prefix; an unknown model costs 0 (and hasPrice() is false).
    double costUsd(const QString &model, const TokenUsage &usage) const;
    bool hasPrice(const QString &model) const;
    void setPrice(const QString &model, const Price &price);
    QHash<QString, Price> prices() const { return m_prices; }

    static PriceTable defaults();
    // Defaults overlaid with `userFile` ({"models": {NAME: {"input", "cached_input", "output"}}},
    // or the same under a top-level "prices" key so the config file can carry it).
    static PriceTable load(const QString &userFile, QString *error);
    bool merge(const QJsonObject &json, QString *error);

private:
    const Price *find(const QString &model) const;
    QHash<QString, Price> m_prices;
};
