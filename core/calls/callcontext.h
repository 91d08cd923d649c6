#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

// What the agent knows about the call before it starts: the seed's context fields plus campaign,
// language and a customer id. Rendered into the context message by the prompt's template.
struct CallContext
{
    QString purpose;
    QString customerName;
    QString customerId;
    QStringList previousInteractions;
    QStringList products;
    QString specialInstructions;
    QString complianceNotes;
    QString campaign;
    QString language = QStringLiteral("en");

    QJsonObject toJson() const;
    // Parses the object; on failure returns nullopt and names the bad field in `error`
    // ("context.products: expected an array of strings"). `path` prefixes the field names.
    static std::optional<CallContext> fromJson(const QJsonObject &object, QString *error,
                                               const QString &path = QStringLiteral("context"));
    // The values a template sees as ${context.<name>} (lists joined with "; ").
    QVariantMap templateValues() const;
};
