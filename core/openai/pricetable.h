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

    // Speech and transcription models: USD per 1M input characters and/or per minute of audio.
    struct AudioPrice
    {
        double perMillionCharacters = 0;
        double perMinute = 0;
    };

    PriceTable();

    // Cost of `usage` for `model`. Dated model names (gpt-4o-2024-08-06) fall back to the longest
    // known prefix; an unknown model costs 0 (and hasPrice() is false).
    double costUsd(const QString &model, const TokenUsage &usage) const;
    bool hasPrice(const QString &model) const;
    void setPrice(const QString &model, const Price &price);
    QHash<QString, Price> prices() const { return m_prices; }

    // Text to speech: characters of input text and seconds of audio produced. Unknown models
    // cost 0 and hasAudioPrice() is false (callers flag the record as unpriced).
    double speechCostUsd(const QString &model, qint64 characters, double audioSeconds) const;
    // Speech to text: seconds of audio transcribed.
    double transcriptionCostUsd(const QString &model, double audioSeconds) const;
    bool hasAudioPrice(const QString &model) const;
    void setAudioPrice(const QString &model, const AudioPrice &price);

    static PriceTable defaults();
    // Defaults overlaid with `userFile` ({"models": {NAME: {"input", "cached_input", "output"}}},
    // "audio": {NAME: {"per_million_characters", "per_minute"}}, or the same under a top-level
    // "prices" key so the config file can carry it).
    static PriceTable load(const QString &userFile, QString *error);
    bool merge(const QJsonObject &json, QString *error);

private:
    const Price *find(const QString &model) const;
    const AudioPrice *findAudio(const QString &model) const;
    bool mergeAudio(const QJsonObject &root, QString *error);
    QHash<QString, Price> m_prices;
    QHash<QString, AudioPrice> m_audioPrices;
};
