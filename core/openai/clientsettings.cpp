#include "openai/clientsettings.h"

#include <QFile>
#include <QJsonDocument>

namespace {

bool readString(const QJsonObject &json, QLatin1String key, QString *target, QString *error)
{
    if (!json.contains(key))
        return true;
    if (!json.value(key).isString()) {
        if (error)
            *error = QStringLiteral("client field '%1' must be a string").arg(key);
        return false;
    }
    *target = json.value(key).toString();
    return true;
}

bool readInt(const QJsonObject &json, QLatin1String key, int minimum, int *target, QString *error)
{
    if (!json.contains(key))
        return true;
    const QJsonValue value = json.value(key);
    if (!value.isDouble() || value.toDouble() != value.toInt() || value.toInt() < minimum) {
        if (error)
            *error =
                QStringLiteral("client field '%1' must be an integer >= %2").arg(key).arg(minimum);
        return false;
    }
    *target = value.toInt();
    return true;
}

bool looksLikeAzure(const QUrl &url)
{
    return url.host().endsWith(QLatin1String(".openai.azure.com"), Qt::CaseInsensitive);
}

} // namespace

ClientSettings ClientSettings::fromEnvironment()
{
    ClientSettings settings;
    const QString baseUrl = qEnvironmentVariable("OPENAI_BASE_URL").trimmed();
    if (!baseUrl.isEmpty())
        settings.baseUrl = QUrl(baseUrl);
    settings.organization = qEnvironmentVariable("OPENAI_ORG_ID").trimmed();
    settings.project = qEnvironmentVariable("OPENAI_PROJECT_ID").trimmed();
    const QString apiVersion = qEnvironmentVariable("OPENAI_API_VERSION").trimmed();
    if (!apiVersion.isEmpty())
        settings.azureApiVersion = apiVersion;
    settings.azure = qEnvironmentVariable("OPENAI_API_TYPE")
                             .compare(QLatin1String("azure"), Qt::CaseInsensitive) == 0 ||
                     looksLikeAzure(settings.baseUrl);
    return settings;
}

std::optional<ClientSettings> ClientSettings::fromJson(const QJsonObject &json,
                                                       const ClientSettings &base, QString *error)
{
    ClientSettings settings = base;
    QString baseUrl;
    if (!readString(json, QLatin1String("baseUrl"), &baseUrl, error) ||
        !readString(json, QLatin1String("organization"), &settings.organization, error) ||
        !readString(json, QLatin1String("project"), &settings.project, error) ||
        !readString(json, QLatin1String("azureApiVersion"), &settings.azureApiVersion, error) ||
        !readInt(json, QLatin1String("maxConcurrent"), 1, &settings.maxConcurrent, error) ||
        !readInt(json, QLatin1String("connectionsPerPool"), 1, &settings.connectionsPerPool,
                 error) ||
        !readInt(json, QLatin1String("maxPools"), 1, &settings.maxPools, error) ||
        !readInt(json, QLatin1String("requestsPerMinute"), 0, &settings.requestsPerMinute, error) ||
        !readInt(json, QLatin1String("tokensPerMinute"), 0, &settings.tokensPerMinute, error) ||
        !readInt(json, QLatin1String("deltaBatchMs"), 0, &settings.deltaBatchMs, error))
        return std::nullopt;
    if (!baseUrl.isEmpty()) {
        const QUrl url(baseUrl, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            if (error)
                *error =
                    QStringLiteral("client field 'baseUrl' is not an http(s) URL: %1").arg(baseUrl);
            return std::nullopt;
        }
        settings.baseUrl = url;
        settings.azure = settings.azure || looksLikeAzure(url);
    }
    if (json.contains(QLatin1String("azure"))) {
        if (!json.value(QLatin1String("azure")).isBool()) {
            if (error)
                *error = QStringLiteral("client field 'azure' must be a boolean");
            return std::nullopt;
        }
        settings.azure = json.value(QLatin1String("azure")).toBool();
    }
    return settings;
}

ClientSettings ClientSettings::load(const QString &configFile, QString *error)
{
    const ClientSettings environment = fromEnvironment();
    if (configFile.isEmpty() || !QFile::exists(configFile))
        return environment;
    QFile file(configFile);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(configFile, file.errorString());
        return environment;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = QStringLiteral("%1 is not a JSON object: %2")
                         .arg(configFile, parseError.errorString());
        return environment;
    }
    const QJsonValue client = document.object().value(QLatin1String("client"));
    if (client.isUndefined())
        return environment;
    QString fieldError;
    const auto settings = client.isObject() ? fromJson(client.toObject(), environment, &fieldError)
                                            : std::optional<ClientSettings>();
    if (!settings) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(
                configFile,
                client.isObject() ? fieldError : QStringLiteral("'client' must be an object"));
        return environment;
    }
    return *settings;
}
