#include "secrets/securitysettings.h"

#include "common/jsonfile.h"

#include <QFile>

namespace {

bool readNumber(const QJsonObject &object, const char *field, double minimum, double *out,
                QString *error)
{
    const QJsonValue value = object.value(QLatin1String(field));
    if (value.isUndefined())
        return true;
    if (!value.isDouble() || value.toDouble() < minimum) {
        if (error)
            *error = QStringLiteral("security.%1 must be a number >= %2")
                         .arg(QLatin1String(field))
                         .arg(minimum);
        return false;
    }
    *out = value.toDouble();
    return true;
}

} // namespace

SecuritySettings SecuritySettings::fromJson(const QJsonObject &security, QString *error)
{
    SecuritySettings settings;
    double maxAge = settings.keyMaxAgeDays;
    double requests = settings.spikeRequestsPerHour;
    double cost = settings.spikeCostPerHourUsd;
    double logBytes = static_cast<double>(settings.keyAccessLogMaxBytes);
    if (!readNumber(security, "keyMaxAgeDays", 0, &maxAge, error) ||
        !readNumber(security, "spikeRequestsPerHour", 0, &requests, error) ||
        !readNumber(security, "spikeCostPerHourUsd", 0, &cost, error) ||
        !readNumber(security, "keyAccessLogMaxBytes", 1024, &logBytes, error))
        return SecuritySettings{};
    settings.keyMaxAgeDays = static_cast<int>(maxAge);
    settings.spikeRequestsPerHour = static_cast<int>(requests);
    settings.spikeCostPerHourUsd = cost;
    settings.keyAccessLogMaxBytes = static_cast<qint64>(logBytes);
    settings.pruneRetiredOnStart =
        security.value(QStringLiteral("pruneRetiredOnStart")).toBool(settings.pruneRetiredOnStart);
    return settings;
}

SecuritySettings SecuritySettings::load(const QString &configFile, QString *error)
{
    if (!QFile::exists(configFile))
        return {};
    const std::optional<QJsonObject> root = readJsonObjectFile(configFile, error);
    if (!root)
        return {};
    return fromJson(root->value(QStringLiteral("security")).toObject(), error);
}
