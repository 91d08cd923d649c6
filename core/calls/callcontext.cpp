#include "calls/callcontext.h"

#include <QJsonArray>
#include <QVariantMap>

namespace {

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

bool readString(const QJsonObject &object, const char *key, const QString &path, QString *target,
                QString *error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        *error = QStringLiteral("%1.%2: expected a string").arg(path, QLatin1String(key));
        return false;
    }
    *target = value.toString();
    return true;
}

bool readStringList(const QJsonObject &object, const char *key, const QString &path,
                    QStringList *target, QString *error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (value.isString()) { // a single entry is accepted as a one-item list
        *target = QStringList{value.toString()};
        return true;
    }
    if (!value.isArray()) {
        *error =
            QStringLiteral("%1.%2: expected an array of strings").arg(path, QLatin1String(key));
        return false;
    }
    const QJsonArray array = value.toArray();
    target->clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            *error =
                QStringLiteral("%1.%2[%3]: expected a string").arg(path, QLatin1String(key)).arg(i);
            return false;
        }
        target->append(array.at(i).toString());
    }
    return true;
}

} // namespace

QJsonObject CallContext::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("purpose"), purpose);
    object.insert(QStringLiteral("customerName"), customerName);
    object.insert(QStringLiteral("customerId"), customerId);
    object.insert(QStringLiteral("previousInteractions"), toArray(previousInteractions));
    object.insert(QStringLiteral("products"), toArray(products));
    object.insert(QStringLiteral("specialInstructions"), specialInstructions);
    object.insert(QStringLiteral("complianceNotes"), complianceNotes);
    object.insert(QStringLiteral("campaign"), campaign);
    object.insert(QStringLiteral("language"), language);
    return object;
}

std::optional<CallContext> CallContext::fromJson(const QJsonObject &object, QString *error,
                                                 const QString &path)
{
    QString localError;
    QString *err = error ? error : &localError;
    static const QStringList known = {
        QStringLiteral("purpose"),         QStringLiteral("customerName"),
        QStringLiteral("customerId"),      QStringLiteral("previousInteractions"),
        QStringLiteral("products"),        QStringLiteral("specialInstructions"),
        QStringLiteral("complianceNotes"), QStringLiteral("campaign"),
        QStringLiteral("language"),
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            *err = QStringLiteral("%1.%2: unknown field").arg(path, it.key());
            return std::nullopt;
        }
    }
    CallContext context;
    if (!readString(object, "purpose", path, &context.purpose, err) ||
        !readString(object, "customerName", path, &context.customerName, err) ||
        !readString(object, "customerId", path, &context.customerId, err) ||
        !readStringList(object, "previousInteractions", path, &context.previousInteractions, err) ||
        !readStringList(object, "products", path, &context.products, err) ||
        !readString(object, "specialInstructions", path, &context.specialInstructions, err) ||
        !readString(object, "complianceNotes", path, &context.complianceNotes, err) ||
        !readString(object, "campaign", path, &context.campaign, err) ||
        !readString(object, "language", path, &context.language, err))
        return std::nullopt;
    if (context.purpose.trimmed().isEmpty()) {
        *err = QStringLiteral("%1.purpose: required, a non-empty string").arg(path);
        return std::nullopt;
    }
    if (context.language.isEmpty())
        context.language = QStringLiteral("en");
    return context;
}

QVariantMap CallContext::templateValues() const
{
    QVariantMap values;
    values.insert(QStringLiteral("purpose"), purpose);
    values.insert(QStringLiteral("customerName"), customerName);
    values.insert(QStringLiteral("customerId"), customerId);
    values.insert(QStringLiteral("previousInteractions"),
                  previousInteractions.join(QStringLiteral("; ")));
    values.insert(QStringLiteral("products"), products.join(QStringLiteral("; ")));
    values.insert(QStringLiteral("specialInstructions"), specialInstructions);
    values.insert(QStringLiteral("complianceNotes"), complianceNotes);
    values.insert(QStringLiteral("campaign"), campaign);
    values.insert(QStringLiteral("language"), language);
    return values;
}
