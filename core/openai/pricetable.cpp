#include "openai/pricetable.h"

#include "common/jsonfile.h"

#include <QFile>

PriceTable::PriceTable() = default;

double PriceTable::costUsd(const QString &model, const TokenUsage &usage) const
{
    const Price *price = find(model);
    if (!price)
        return 0;
    const int cached = qBound(0, usage.cachedPromptTokens, usage.promptTokens);
    const double cachedRate =
        price->cachedInputPerMillion < 0 ? price->inputPerMillion : price->cachedInputPerMillion;
    return ((usage.promptTokens - cached) * price->inputPerMillion + cached * cachedRate +
            usage.completionTokens * price->outputPerMillion) /
           1e6;
}

bool PriceTable::hasPrice(const QString &model) const
{
    return find(model) != nullptr;
}

void PriceTable::setPrice(const QString &model, const Price &price)
{
    m_prices.insert(model, price);
}

const PriceTable::Price *PriceTable::find(const QString &model) const
{
    const auto exact = m_prices.constFind(model);
    if (exact != m_prices.constEnd())
        return &exact.value();
    // Dated snapshots ("gpt-4o-2024-08-06") cost what their family costs: longest prefix wins.
    const Price *best = nullptr;
    qsizetype bestLength = 0;
    for (auto it = m_prices.constBegin(); it != m_prices.constEnd(); ++it) {
        if (it.key().size() > bestLength && model.startsWith(it.key()) &&
            model.at(it.key().size()) == QLatin1Char('-')) {
            best = &it.value();
            bestLength = it.key().size();
        }
    }
    return best;
}

double PriceTable::speechCostUsd(const QString &model, qint64 characters, double audioSeconds) const
{
    const AudioPrice *price = findAudio(model);
    if (!price)
        return 0;
    return double(characters) * price->perMillionCharacters / 1e6 +
           audioSeconds / 60.0 * price->perMinute;
}

double PriceTable::transcriptionCostUsd(const QString &model, double audioSeconds) const
{
    const AudioPrice *price = findAudio(model);
    return price ? audioSeconds / 60.0 * price->perMinute : 0;
}

bool PriceTable::hasAudioPrice(const QString &model) const
{
    return findAudio(model) != nullptr;
}

void PriceTable::setAudioPrice(const QString &model, const AudioPrice &price)
{
    m_audioPrices.insert(model, price);
}

const PriceTable::AudioPrice *PriceTable::findAudio(const QString &model) const
{
    const auto exact = m_audioPrices.constFind(model);
    if (exact != m_audioPrices.constEnd())
        return &exact.value();
    // Dated snapshots ("gpt-4o-mini-tts-2025-03-20") cost what their family costs.
    const AudioPrice *best = nullptr;
    qsizetype bestLength = 0;
    for (auto it = m_audioPrices.constBegin(); it != m_audioPrices.constEnd(); ++it) {
        if (it.key().size() > bestLength && model.startsWith(it.key()) &&
            model.size() > it.key().size() && model.at(it.key().size()) == QLatin1Char('-')) {
            best = &it.value();
            bestLength = it.key().size();
        }
    }
    return best;
}

bool PriceTable::mergeAudio(const QJsonObject &root, QString *error)
{
    const QJsonValue audio = root.value(QLatin1String("audio"));
    if (audio.isUndefined())
        return true;
    if (!audio.isObject()) {
        if (error)
            *error = QStringLiteral("prices: 'audio' must be an object");
        return false;
    }
    QHash<QString, AudioPrice> merged = m_audioPrices;
    const QJsonObject table = audio.toObject();
    for (auto it = table.constBegin(); it != table.constEnd(); ++it) {
        if (it.value().isString())
            continue; // "unit": a note for people
        const QJsonObject entry = it.value().toObject();
        const QJsonValue characters = entry.value(QLatin1String("per_million_characters"));
        const QJsonValue minutes = entry.value(QLatin1String("per_minute"));
        auto bad = [](const QJsonValue &value) {
            return !value.isUndefined() && (!value.isDouble() || value.toDouble() < 0);
        };
        if (!it.value().isObject() || bad(characters) || bad(minutes) ||
            (characters.isUndefined() && minutes.isUndefined())) {
            if (error)
                *error = QStringLiteral("prices: audio model '%1' needs a non-negative number "
                                        "'per_million_characters' (USD per 1M characters) and/or "
                                        "'per_minute' (USD per minute of audio)")
                             .arg(it.key());
            return false;
        }
        merged.insert(it.key(), {characters.toDouble(0), minutes.toDouble(0)});
    }
    m_audioPrices = merged;
    return true;
}

bool PriceTable::merge(const QJsonObject &json, QString *error)
{
    // A prices file has {"models": {...}}; the app's config.json carries the same under "prices"
    // next to its own "models" (model profiles), which are not prices.
    if (!json.contains(QLatin1String("prices"))) {
        const QJsonObject models = json.value(QLatin1String("models")).toObject();
        if (json.contains(QLatin1String("client")) || models.contains(QLatin1String("primary")) ||
            models.contains(QLatin1String("fallback")))
            return true;
    }
    const QJsonObject root = json.contains(QLatin1String("prices"))
                                 ? json.value(QLatin1String("prices")).toObject()
                                 : json;
    if (!mergeAudio(root, error))
        return false;
    const QJsonValue models = root.value(QLatin1String("models"));
    if (models.isUndefined())
        return true;
    if (!models.isObject()) {
        if (error)
            *error = QStringLiteral("prices: 'models' must be an object");
        return false;
    }
    QHash<QString, Price> merged = m_prices;
    const QJsonObject table = models.toObject();
    for (auto it = table.constBegin(); it != table.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const QJsonValue input = entry.value(QLatin1String("input"));
        const QJsonValue output = entry.value(QLatin1String("output"));
        const QJsonValue cached = entry.value(QLatin1String("cached_input"));
        if (!it.value().isObject() || !input.isDouble() || !output.isDouble() ||
            input.toDouble() < 0 || output.toDouble() < 0 ||
            (!cached.isUndefined() && !cached.isDouble())) {
            if (error)
                *error = QStringLiteral("prices: model '%1' needs non-negative numbers 'input' and "
                                        "'output' (USD per 1M tokens)")
                             .arg(it.key());
            return false;
        }
        Price price;
        price.inputPerMillion = input.toDouble();
        price.outputPerMillion = output.toDouble();
        price.cachedInputPerMillion = cached.isDouble() ? cached.toDouble() : -1;
        merged.insert(it.key(), price);
    }
    m_prices = merged;
    return true;
}

PriceTable PriceTable::defaults()
{
    PriceTable table;
    QString error;
    if (const auto json = readJsonObjectFile(QStringLiteral(":/config/prices.json"), &error))
        table.merge(*json, &error);
    return table;
}

PriceTable PriceTable::load(const QString &userFile, QString *error)
{
    PriceTable table = defaults();
    if (userFile.isEmpty() || !QFile::exists(userFile))
        return table;
    const auto json = readJsonObjectFile(userFile, error);
    if (!json)
        return table;
    QString mergeError;
    if (!table.merge(*json, &mergeError) && error)
        *error = QStringLiteral("%1: %2").arg(userFile, mergeError);
    return table;
}
