#include "tokens/modeltable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

std::optional<ModelTable> ModelTable::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::optional<ModelTable>();
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(QStringLiteral("model table: %1 at offset %2")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    ModelTable table;
    table.m_fallbackEncoding = doc.object().value(QLatin1String("fallbackEncoding")).toString();
    if (table.m_fallbackEncoding.isEmpty())
        return fail(QStringLiteral("model table: \"fallbackEncoding\" is missing"));
    const QJsonArray models = doc.object().value(QLatin1String("models")).toArray();
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QJsonObject o = models.at(i).toObject();
        ModelTokenInfo info;
        info.model = o.value(QLatin1String("name")).toString();
        info.matchedEntry = info.model;
        info.encoding = o.value(QLatin1String("encoding")).toString();
        info.contextWindow = o.value(QLatin1String("contextWindow")).toInt(-1);
        info.maxOutputTokens = o.value(QLatin1String("maxOutputTokens")).toInt(-1);
        info.known = true;
        if (info.model.isEmpty() || info.encoding.isEmpty() || info.contextWindow < 0 ||
            info.maxOutputTokens < 0)
            return fail(QStringLiteral("model table: entry %1 needs name, encoding, "
                                       "contextWindow and maxOutputTokens")
                            .arg(i));
        table.m_entries.append(info);
    }
    return table;
}

ModelTokenInfo ModelTable::lookup(QStringView model) const
{
    QStringView base = model.trimmed();
    if (base.startsWith(QLatin1String("ft:"))) {
        base = base.sliced(3);
        const qsizetype colon = base.indexOf(QLatin1Char(':'));
        if (colon >= 0)
            base = base.first(colon);
    }
    const ModelTokenInfo *best = nullptr;
    for (const ModelTokenInfo &e : m_entries) {
        if (base.compare(e.model, Qt::CaseInsensitive) == 0) {
            best = &e;
            break;
        }
        if (base.size() > e.model.size() && base.startsWith(e.model, Qt::CaseInsensitive) &&
            base.at(e.model.size()) == QLatin1Char('-') &&
            (!best || e.model.size() > best->model.size()))
            best = &e;
    }
    ModelTokenInfo info;
    if (best) {
        info = *best;
    } else {
        info.encoding = m_fallbackEncoding;
    }
    info.model = model.toString();
    return info;
}
