#include "openai/modelcapabilities.h"

#include "common/jsonfile.h"

#include <QJsonArray>

namespace {

QStringList loadPrefixes()
{
    QString error;
    const std::optional<QJsonObject> json =
        readJsonObjectFile(QStringLiteral(":/config/models.json"), &error);
    QStringList prefixes;
    if (!json)
        return prefixes;
    const QJsonArray list = json->value(QLatin1String("reasoningModels"))
                                .toObject()
                                .value(QLatin1String("prefixes"))
                                .toArray();
    for (const QJsonValue &value : list)
        prefixes << value.toString().toLower();
    return prefixes;
}

} // namespace

QStringList ModelCapabilities::reasoningPrefixes()
{
    // Immutable data shipped with the application, read once.
    static const QStringList prefixes = loadPrefixes();
    return prefixes;
}

ModelCapabilities ModelCapabilities::forModel(const QString &model)
{
    ModelCapabilities capabilities;
    const QString name = model.trimmed().toLower();
    for (const QString &prefix : reasoningPrefixes()) {
        if (name == prefix || name.startsWith(prefix + QLatin1Char('-'))) {
            capabilities.requiresMaxCompletionTokens = true;
            capabilities.acceptsSamplingParameters = false;
            break;
        }
    }
    return capabilities;
}
