#include "prompts/templaterenderer.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QVariantList>

namespace {

// One "${name}" occurrence (or a problem found while scanning for it).
struct Token
{
    qsizetype start = 0; // index of '$'
    qsizetype end = 0;   // one past '}'
    QString name;
    int line = 1;
    int column = 1;
    QString problem; // syntax problem, empty if well formed
};

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'_' || c == u'.';
}

bool isValidName(QStringView name)
{
    if (name.isEmpty() || name.startsWith(u'.') || name.endsWith(u'.') || name.contains(u".."))
        return false;
    for (QChar c : name) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

// Scans the template once; literal text between tokens is kept by index. "$${" is an escape.
QList<Token> scan(const QString &text, QList<qsizetype> *escapes)
{
    QList<Token> tokens;
    int line = 1;
    qsizetype lineStart = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            ++line;
            lineStart = i + 1;
            continue;
        }
        if (c != u'$')
            continue;
        if (i + 2 < n && text.at(i + 1) == u'$' && text.at(i + 2) == u'{') {
            if (escapes)
                escapes->append(i);
            ++i; // the second '$' starts the literal "${"; skip it and its brace below
            ++i;
            continue;
        }
        if (i + 1 >= n || text.at(i + 1) != u'{')
            continue;
        Token token;
        token.start = i;
        token.line = line;
        token.column = int(i - lineStart) + 1;
        qsizetype j = i + 2;
        while (j < n && text.at(j) != u'}' && text.at(j) != u'\n' && text.at(j) != u'$')
            ++j;
        if (j >= n || text.at(j) != u'}') {
            token.problem = QStringLiteral("unterminated \"${\"");
            token.name = text.mid(i + 2, j - i - 2).trimmed();
            token.end = j;
            tokens.append(token);
            i = j - 1;
            continue;
        }
        token.name = text.mid(i + 2, j - i - 2).trimmed();
        token.end = j + 1;
        if (!isValidName(token.name))
            token.problem = QStringLiteral("malformed variable name");
        tokens.append(token);
        i = j;
    }
    return tokens;
}

TemplateError makeError(const Token &token, const QString &what)
{
    TemplateError error;
    error.variable = token.name;
    error.line = token.line;
    error.column = token.column;
    if (token.name.isEmpty()) {
        error.message =
            QStringLiteral("line %1, column %2: %3").arg(token.line).arg(token.column).arg(what);
    } else {
        error.message = QStringLiteral("line %1, column %2: %3 \"%4\"")
                            .arg(token.line)
                            .arg(token.column)
                            .arg(what, token.name);
    }
    return error;
}

QStringList toStringList(const QVariant &value, bool *isList)
{
    *isList = false;
    QStringList items;
    if (value.typeId() == QMetaType::QStringList) {
        *isList = true;
        items = value.toStringList();
    } else if (value.typeId() == QMetaType::QVariantList) {
        *isList = true;
        const QVariantList list = value.toList();
        for (const QVariant &v : list)
            items << v.toString();
    } else if (value.typeId() == QMetaType::QJsonArray) {
        *isList = true;
        const QJsonArray array = value.toJsonArray();
        for (const QJsonValue &v : array)
            items << v.toVariant().toString();
    }
    return items;
}

QString renderValue(const QVariant &value)
{
    bool isList = false;
    QStringList items = toStringList(value, &isList);
    if (isList) {
        QStringList lines;
        for (const QString &item : std::as_const(items)) {
            const QString trimmed = item.trimmed();
            if (!trimmed.isEmpty())
                lines << QStringLiteral("- ") + trimmed;
        }
        return lines.isEmpty() ? TemplateRenderer::noneText() : lines.join(u'\n');
    }
    if (!value.isValid() || value.isNull())
        return TemplateRenderer::noneText();
    const QString text = value.toString().trimmed();
    return text.isEmpty() ? TemplateRenderer::noneText() : text;
}

QVariant lookup(const QVariantMap &root, const QString &name)
{
    const QStringList parts = name.split(u'.');
    QVariant current = root;
    for (const QString &part : parts) {
        if (current.typeId() == QMetaType::QVariantMap)
            current = current.toMap().value(part);
        else if (current.typeId() == QMetaType::QJsonObject)
            current = current.toJsonObject().value(part).toVariant();
        else if (current.typeId() == QMetaType::QVariantHash)
            current = current.toHash().value(part);
        else
            return {};
    }
    return current;
}

} // namespace

QStringList TemplateRenderer::defaultVariables()
{
    return {
        QStringLiteral("context.purpose"),         QStringLiteral("context.customerName"),
        QStringLiteral("context.customerId"),      QStringLiteral("context.previousInteractions"),
        QStringLiteral("context.products"),        QStringLiteral("context.specialInstructions"),
        QStringLiteral("context.complianceNotes"), QStringLiteral("context.campaign"),
        QStringLiteral("context.language")};
}

QString TemplateRenderer::noneText()
{
    return QStringLiteral("(none)");
}

TemplateRenderer::TemplateRenderer(QStringList knownVariables)
    : m_known(std::move(knownVariables))
{}

QList<TemplateError> TemplateRenderer::validate(const QString &text) const
{
    QList<TemplateError> errors;
    const QList<Token> tokens = scan(text, nullptr);
    for (const Token &token : tokens) {
        if (!token.problem.isEmpty())
            errors << makeError(token, token.problem);
        else if (!m_known.contains(token.name))
            errors << makeError(token, QStringLiteral("unknown variable"));
    }
    return errors;
}

QStringList TemplateRenderer::variablesUsed(const QString &text) const
{
    QStringList names;
    const QList<Token> tokens = scan(text, nullptr);
    for (const Token &token : tokens) {
        if (token.problem.isEmpty() && !names.contains(token.name))
            names << token.name;
    }
    return names;
}

std::optional<QString> TemplateRenderer::render(const QString &text, const QVariantMap &values,
                                                TemplateError *error) const
{
    const QList<TemplateError> errors = validate(text);
    if (!errors.isEmpty()) {
        if (error)
            *error = errors.first();
        return std::nullopt;
    }
    QList<qsizetype> escapes;
    const QList<Token> tokens = scan(text, &escapes);
    QString out;
    out.reserve(text.size() * 2);
    qsizetype pos = 0;
    qsizetype escapeIndex = 0;
    auto copyLiteral = [&](qsizetype until) {
        // Copies text[pos, until) while turning each "$${" escape into "${".
        while (escapeIndex < escapes.size() && escapes.at(escapeIndex) < until) {
            const qsizetype at = escapes.at(escapeIndex++);
            out += QStringView(text).mid(pos, at - pos);
            pos = at + 1;
        }
        out += QStringView(text).mid(pos, until - pos);
        pos = until;
    };
    for (const Token &token : tokens) {
        copyLiteral(token.start);
        out += renderValue(lookup(values, token.name));
        pos = token.end;
    }
    copyLiteral(text.size());
    return out;
}

std::optional<QString> TemplateRenderer::render(const QString &text, const QJsonObject &values,
                                                TemplateError *error) const
{
    return render(text, values.toVariantMap(), error);
}

std::optional<QString> TemplateRenderer::renderContext(const QString &text,
                                                       const QJsonObject &context,
                                                       TemplateError *error) const
{
    QVariantMap root;
    root.insert(QStringLiteral("context"), context.toVariantMap());
    return render(text, root, error);
}
