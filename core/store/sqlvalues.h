#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariant>

// Conversions between value types and the columns that hold them: times are UTC
// milliseconds since the epoch (NULL for an invalid time), JSON objects are compact text.
struct SqlValues
{
    static QVariant fromTime(const QDateTime &time)
    {
        return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
    }
    static QDateTime toTime(const QVariant &value)
    {
        if (value.isNull())
            return {};
        return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
    }
    // Empty, never NULL: the text columns are NOT NULL and a default QString binds as NULL.
    static QString text(const QString &value)
    {
        return value.isNull() ? QStringLiteral("") : value;
    }
    static QString fromJson(const QJsonObject &object);
    static QJsonObject toJson(const QString &text);
};
