#pragma once

#include "prompts/templateerror.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

// Renders "${context.purpose}"-style templates. Only known variables are accepted (checked when
// a template is saved and again when it is rendered); a missing or empty value renders as
// "(none)", a list as one "- item" bullet line per entry. "$${" writes a literal "${".
class TemplateRenderer final
{
public:
    // The variables a context template may use: "context.purpose", "context.customerName", ...
    static QStringList defaultVariables();
    // What a missing or empty value renders as.
    static QString noneText();

    explicit TemplateRenderer(QStringList knownVariables = defaultVariables());

    QStringList knownVariables() const { return m_known; }

    // Every problem in the template (unknown variables, unterminated or malformed "${...}"),
    // in order of appearance. Empty = valid.
    QList<TemplateError> validate(const QString &text) const;
    // The variables the template uses, in order of first appearance.
    QStringList variablesUsed(const QString &text) const;

    // `values` holds the root namespace: {"context": {"purpose": ..., "products": [...]}}.
    // Dotted names walk nested maps/objects. On error returns an empty string and fills `error`
    // (the first problem) when given.
    std::optional<QString> render(const QString &text, const QVariantMap &values,
                                  TemplateError *error = nullptr) const;
    std::optional<QString> render(const QString &text, const QJsonObject &values,
                                  TemplateError *error = nullptr) const;
    // Convenience: `context` becomes the "context" namespace (e.g. CallContext::toJson()).
    std::optional<QString> renderContext(const QString &text, const QJsonObject &context,
                                         TemplateError *error = nullptr) const;

private:
    QStringList m_known;
};
