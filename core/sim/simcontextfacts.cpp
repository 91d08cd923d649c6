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
    QList<std::pair<QString, QString>> lines;
    static const QRegularExpression line(
        QStringLiteral(R"(^[\s\-\*•#]*([A-Za-z][A-Za-z /()_'\-]{1,48}?)\s*:\s*(.+?)\s*$)"),
        QRegularExpression::MultilineOption);
    auto it = line.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        lines.append({match.captured(1).trimmed().toLower(), match.captured(2).trimmed()});
    }
    return lines;
}

SimContextFacts SimContextFacts::fromMessages(const QList<SimMessage> &messages)
{
    SimContextFacts facts;
    bool seenNonSystem = false;
    for (const SimMessage &message : messages) {
        if (message.role != QLatin1String("system") && message.role != QLatin1String("developer")) {
            seenNonSystem = true;
            continue;
        }
        const QString trimmed = message.content.trimmed();
        if (trimmed.startsWith(QLatin1Char('{'))) {
            const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
            if (doc.isObject())
                readJsonContext(doc.object(), &facts);
        }
        // Whispers arrive as system messages during the call.
        if (seenNonSystem && message.content.contains(QLatin1String("upervisor"))) {
            const auto lines = labelledLines(message.content);
            facts.guidance = lines.isEmpty() ? trimmed : lines.constLast().second;
            continue;
        }
        for (const auto &[label, value] : labelledLines(message.content)) {
            if (isNone(value))
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
