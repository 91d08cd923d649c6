#include "sim/simcontextfacts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

QStringList splitList(const QString &value)
{
    QStringList items;
    static const QRegularExpression separators(QStringLiteral("[,;|]"));
    for (QString item : value.split(separators)) {
        item = item.trimmed();
        // Lists rendered as bullet lines ("- Fibre 500") name the item without the bullet.
        while (item.startsWith(QLatin1Char('-')) || item.startsWith(QLatin1Char('*')) ||
               item.startsWith(QChar(0x2022)))
            item = item.mid(1).trimmed();
        if (item.endsWith(QLatin1Char('.')))
            item.chop(1);
        if (!item.isEmpty() && item != QLatin1String("(none)"))
            items.append(item);
    }
    return items;
}

bool isNone(const QString &value)
{
    return value.isEmpty() || value == QLatin1String("(none)") || value == QLatin1String("none");
}

void readJsonContext(const QJsonObject &object, SimContextFacts *facts)
{
    auto text = [&](std::initializer_list<const char *> keys) {
        for (const char *key : keys) {
            const QString value = object.value(QLatin1String(key)).toString();
            if (!value.isEmpty())
                return value;
        }
        return QString();
    };
    if (facts->purpose.isEmpty())
        facts->purpose = text({"purpose"});
    if (facts->customerName.isEmpty())
        facts->customerName = text({"customerName", "customer_name", "name"});
    if (facts->products.isEmpty()) {
        for (const QJsonValue &p : object.value(QLatin1String("products")).toArray())
            if (!p.toString().isEmpty())
                facts->products.append(p.toString());
    }
}

} // namespace

QList<std::pair<QString, QString>> SimContextFacts::labelledLines(const QString &text)
{
    // "Label: value", or "Label:" with the value on the next line (lists in templates).
    static const QRegularExpression labelled(QStringLiteral(
        R"(^[ \t\-\*•#]*([A-Za-z][A-Za-z /()_'\-]{1,48}?)[ \t]*:[ \t]*(.*?)[ \t]*$)"));
    QList<std::pair<QString, QString>> result;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto match = labelled.match(lines.at(i));
        if (!match.hasMatch())
            continue;
        QString value = match.captured(2);
        if (value.isEmpty() && i + 1 < lines.size() && !labelled.match(lines.at(i + 1)).hasMatch())
            value = lines.at(i + 1).trimmed();
        if (!value.isEmpty())
            result.append({match.captured(1).trimmed().toLower(), value});
    }
    return result;
}

SimContextFacts SimContextFacts::fromMessages(const QList<SimMessage> &messages)
{
    SimContextFacts facts;
    qsizetype firstTurn = messages.size();
    qsizetype lastAgentTurn = -1;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString &role = messages.at(i).role;
        if (role != QLatin1String("system") && role != QLatin1String("developer"))
            firstTurn = std::min(firstTurn, i);
        if (role == QLatin1String("assistant"))
            lastAgentTurn = i;
    }
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const SimMessage &message = messages.at(i);
        if (message.role != QLatin1String("system") && message.role != QLatin1String("developer"))
            continue;
        const QString trimmed = message.content.trimmed();
        if (i > firstTurn) {
            // Instructions that arrive during the call: a supervisor's whisper is
            // followed in the first reply after it (not repeated on every turn).
            const bool whisper =
                trimmed.contains(QLatin1String("upervisor")) &&
                (trimmed.contains(QLatin1String("instruction"), Qt::CaseInsensitive) ||
                 trimmed.contains(QLatin1String("guidance"), Qt::CaseInsensitive)) &&
                !trimmed.contains(QLatin1String("hands the call back"));
            if (whisper && i > lastAgentTurn) {
                const qsizetype paren = trimmed.indexOf(QLatin1String("):"));
                const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
                facts.guidance = paren >= 0
                                     ? trimmed.mid(paren + 2).trimmed()
                                     : (colon >= 0 ? trimmed.mid(colon + 1).trimmed() : trimmed);
            }
            continue;
        }
        if (trimmed.startsWith(QLatin1Char('{'))) {
            const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
            if (doc.isObject())
                readJsonContext(doc.object(), &facts);
        }
        for (const auto &[label, value] : labelledLines(message.content)) {
            if (isNone(value) || value.endsWith(QLatin1Char(':')))
                continue;
            if (label.contains(QLatin1String("purpose")) && facts.purpose.isEmpty())
                facts.purpose = value;
            else if (label.contains(QLatin1String("customer")) &&
                     (label.contains(QLatin1String("name")) ||
                      label == QLatin1String("customer")) &&
                     facts.customerName.isEmpty())
                facts.customerName = value;
            else if ((label.contains(QLatin1String("product")) ||
                      label.contains(QLatin1String("service"))) &&
                     facts.products.isEmpty())
                facts.products = splitList(value);
            else if ((label.contains(QLatin1String("company")) ||
                      label == QLatin1String("on behalf of")) &&
                     facts.company.isEmpty())
                facts.company = value;
        }
    }
    if (facts.purpose.endsWith(QLatin1Char('.')))
        facts.purpose.chop(1);
    return facts;
}
