#include "store/sqlvalues.h"

#include <QJsonDocument>

QString SqlValues::fromJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject SqlValues::toJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
