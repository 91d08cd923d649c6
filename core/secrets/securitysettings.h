#pragma once

#include <QJsonObject>
#include <QString>

// The "security" section of config.json: key age warning, spike thresholds and
// the key access log bound. Missing fields keep their defaults.
struct SecuritySettings
{
    int keyMaxAgeDays = 90;         // warn when a key is older; 0 = never
    int spikeRequestsPerHour = 0;   // 0 = off
    double spikeCostPerHourUsd = 0; // 0 = off
    qint64 keyAccessLogMaxBytes = 1024 * 1024;
    bool pruneRetiredOnStart = true;

    static SecuritySettings fromJson(const QJsonObject &security, QString *error);
    // Reads `configFile` (missing file: defaults). On a damaged file returns the defaults and sets
    // `error`.
    static SecuritySettings load(const QString &configFile, QString *error);
};
