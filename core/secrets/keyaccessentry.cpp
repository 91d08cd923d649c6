#include "secrets/keyaccessentry.h"

QJsonObject KeyAccessEntry::toJson() const
{
    return {{QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("feature"), feature},
            {QStringLiteral("key"), keyName},
            {QStringLiteral("source"), source}};
}

std::optional<KeyAccessEntry> KeyAccessEntry::fromJson(const QJsonObject &object)
{
    KeyAccessEntry entry;
    entry.time =
        QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    if (!entry.time.isValid())
        return std::nullopt;
    entry.feature = object.value(QStringLiteral("feature")).toString();
    entry.keyName = object.value(QStringLiteral("key")).toString();
    entry.source = object.value(QStringLiteral("source")).toString();
    return entry;
}
