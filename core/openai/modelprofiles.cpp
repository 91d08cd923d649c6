#include "openai/modelprofiles.h"

#include "common/jsonfile.h"

#include <QFile>
#include <QJsonObject>

namespace {

bool applyModels(const QJsonObject &models, ModelProfiles *profiles, const QString &origin,
                 QString *error)
{
    QString fieldError;
    if (models.contains(QLatin1String("primary"))) {
        const auto primary = ModelConfig::fromJson(
            models.value(QLatin1String("primary")).toObject(), profiles->primary(), &fieldError);
        if (!primary) {
            if (error)
                *error = QStringLiteral("%1: models.primary: %2").arg(origin, fieldError);
            return false;
        }
        profiles->setPrimary(*primary);
    }
    if (models.contains(QLatin1String("fallback"))) {
        const QJsonValue value = models.value(QLatin1String("fallback"));
        if (value.isNull()) {
            profiles->setFallback(std::nullopt);
        } else {
            const auto fallback = ModelConfig::fromJson(
                value.toObject(), profiles->fallback().value_or(ModelConfig{}), &fieldError);
            if (!fallback || !fallback->isValid()) {
                if (error)
                    *error = QStringLiteral("%1: models.fallback: %2")
                                 .arg(origin,
                                      fallback ? QStringLiteral("'model' is missing") : fieldError);
                return false;
            }
            profiles->setFallback(*fallback);
        }
    }
    return true;
}

} // namespace

ModelProfiles::ModelProfiles() = default;

ModelProfiles ModelProfiles::defaults()
{
    ModelProfiles profiles;
    QString error;
    const auto json = readJsonObjectFile(QStringLiteral(":/config/models.json"), &error);
    if (json)
        applyModels(json->value(QLatin1String("models")).toObject(), &profiles,
                    QStringLiteral(":/config/models.json"), &error);
    if (!profiles.m_primary.isValid())
        profiles.m_primary.model = QStringLiteral("gpt-4-1106-preview");
    return profiles;
}

ModelProfiles ModelProfiles::load(const QString &configFile, QString *error)
{
    ModelProfiles profiles = defaults();
    if (configFile.isEmpty() || !QFile::exists(configFile))
        return profiles;
    const auto json = readJsonObjectFile(configFile, error);
    if (!json)
        return profiles;
    if (!json->contains(QLatin1String("models")))
        return profiles;
    if (!json->value(QLatin1String("models")).isObject()) {
        if (error)
            *error = QStringLiteral("%1: 'models' must be an object").arg(configFile);
        return profiles;
    }
    ModelProfiles merged = profiles;
    if (!applyModels(json->value(QLatin1String("models")).toObject(), &merged, configFile, error))
        return profiles;
    return merged;
}
