#include "secrets/keymetadata.h"

#include <QRegularExpression>

qint64 KeyMetadata::ageDays(const QDateTime &now) const
{
    if (!createdAt.isValid())
        return 0;
    return createdAt.daysTo(now);
}

bool KeyMetadata::isRetired(const QDateTime &now) const
{
    return retireAt.isValid() && retireAt <= now;
}

ClientSettings KeyMetadata::applyTo(ClientSettings base) const
{
    if (!baseUrl.isEmpty())
        base.baseUrl = baseUrl;
    if (!organization.isEmpty())
        base.organization = organization;
    if (!project.isEmpty())
        base.project = project;
    if (azure) {
        base.azure = true;
        if (!azureApiVersion.isEmpty())
            base.azureApiVersion = azureApiVersion;
    }
    return base;
}

QJsonObject KeyMetadata::toJson() const
{
    QJsonObject object{{QStringLiteral("name"), name}};
    if (!baseUrl.isEmpty())
        object.insert(QStringLiteral("baseUrl"), baseUrl.toString());
    if (!organization.isEmpty())
        object.insert(QStringLiteral("organization"), organization);
    if (!project.isEmpty())
        object.insert(QStringLiteral("project"), project);
    if (azure) {
        object.insert(QStringLiteral("azure"), true);
        object.insert(QStringLiteral("azureApiVersion"), azureApiVersion);
    }
    if (createdAt.isValid())
        object.insert(QStringLiteral("createdAt"), createdAt.toUTC().toString(Qt::ISODate));
    if (retireAt.isValid())
        object.insert(QStringLiteral("retireAt"), retireAt.toUTC().toString(Qt::ISODate));
    return object;
}

namespace {

bool readTime(const QJsonObject &object, const QString &field, QDateTime *out, QString *error)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return true;
    *out = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (!out->isValid()) {
        if (error)
            *error = QStringLiteral("field '%1' is not an ISO 8601 time").arg(field);
        return false;
    }
    return true;
}

} // namespace

std::optional<KeyMetadata> KeyMetadata::fromJson(const QJsonObject &object, QString *error)
{
    KeyMetadata meta;
    meta.name = object.value(QStringLiteral("name")).toString();
    if (!isValidName(meta.name)) {
        if (error)
            *error = QStringLiteral("field 'name' is missing or not a valid key name");
        return std::nullopt;
    }
    const QString url = object.value(QStringLiteral("baseUrl")).toString();
    if (!url.isEmpty()) {
        meta.baseUrl = QUrl(url, QUrl::StrictMode);
        if (!meta.baseUrl.isValid()) {
            if (error)
                *error = QStringLiteral("key '%1': field 'baseUrl' is not a URL").arg(meta.name);
            return std::nullopt;
        }
    }
    meta.organization = object.value(QStringLiteral("organization")).toString();
    meta.project = object.value(QStringLiteral("project")).toString();
    meta.azure = object.value(QStringLiteral("azure")).toBool(false);
    meta.azureApiVersion = object.value(QStringLiteral("azureApiVersion")).toString();
    if (!readTime(object, QStringLiteral("createdAt"), &meta.createdAt, error) ||
        !readTime(object, QStringLiteral("retireAt"), &meta.retireAt, error))
        return std::nullopt;
    return meta;
}

bool KeyMetadata::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(name).hasMatch();
}
