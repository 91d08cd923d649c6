#include "calls/privacysettings.h"

#include <QStringList>

QJsonObject PrivacySettings::toJson() const
{
    return {{QStringLiteral("pseudonymiseCustomerName"), pseudonymiseCustomerName}};
}

std::optional<PrivacySettings> PrivacySettings::fromJson(const QJsonObject &json,
                                                         const PrivacySettings &base,
                                                         QString *error, const QString &path)
{
    const auto fail = [&](const QString &field, const QString &message) {
        if (error)
            *error = QStringLiteral("%1.%2: %3").arg(path, field, message);
        return std::nullopt;
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != QLatin1String("pseudonymiseCustomerName"))
            return fail(it.key(), QStringLiteral("unknown field"));
    }
    PrivacySettings settings = base;
    const QJsonValue pseudonymise = json.value(QLatin1String("pseudonymiseCustomerName"));
    if (!pseudonymise.isUndefined()) {
        if (!pseudonymise.isBool())
            return fail(QStringLiteral("pseudonymiseCustomerName"),
                        QStringLiteral("expected true or false"));
        settings.pseudonymiseCustomerName = pseudonymise.toBool();
    }
    return settings;
}
