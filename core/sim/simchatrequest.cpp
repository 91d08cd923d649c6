#include "sim/simchatrequest.h"

#include <QJsonArray>

namespace {

// Content is a string or an array of parts; only text parts matter here.
QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue &part : parts) {
        const QJsonObject object = part.toObject();
        if (object.value(QLatin1String("type")).toString() == QLatin1String("text"))
            text += object.value(QLatin1String("text")).toString();
    }
    return text;
}

} // namespace

std::optional<SimChatRequest> SimChatRequest::fromJson(const QJsonObject &body, QString *error,
                                                       QString *param)
{
    SimChatRequest request;
    const QJsonValue model = body.value(QLatin1String("model"));
    if (!model.isString() || model.toString().isEmpty()) {
        *param = QStringLiteral("model");
        *error = QStringLiteral("you must provide a model parameter");
        return std::nullopt;
    }
    request.model = model.toString();

    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        *param = QStringLiteral("messages");
        *error = QStringLiteral("'messages' must be a non-empty array");
        return std::nullopt;
    }
    const QJsonArray list = messages.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject object = list.at(i).toObject();
        const QString role = object.value(QLatin1String("role")).toString();
        static const QStringList roles{QStringLiteral("system"), QStringLiteral("developer"),
                                       QStringLiteral("user"),   QStringLiteral("assistant"),
                                       QStringLiteral("tool"),   QStringLiteral("function")};
        if (!list.at(i).isObject() || !roles.contains(role)) {
            *param = QStringLiteral("messages[%1].role").arg(i);
            *error = QStringLiteral("Invalid value for 'messages[%1].role': expected one of "
                                    "system, developer, user, assistant, tool.")
                         .arg(i);
            return std::nullopt;
        }
        request.messages.append({role, contentText(object.value(QLatin1String("content"))),
                                 object.value(QLatin1String("name")).toString()});
    }

    request.stream = body.value(QLatin1String("stream")).toBool(false);
    request.includeUsage = body.value(QLatin1String("stream_options"))
                               .toObject()
                               .value(QLatin1String("include_usage"))
                               .toBool(false);
    for (const char *key : {"max_completion_tokens", "max_tokens"}) {
        const QJsonValue value = body.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isDouble() || value.toDouble() < 1) {
            *param = QLatin1String(key);
            *error =
                QStringLiteral("Invalid '%1': must be a positive integer.").arg(QLatin1String(key));
            return std::nullopt;
        }
        request.maxTokens = value.toInt();
        break;
    }
    const QJsonValue stop = body.value(QLatin1String("stop"));
    if (stop.isString()) {
        request.stop.append(stop.toString());
    } else if (stop.isArray()) {
        for (const QJsonValue &s : stop.toArray())
            if (!s.toString().isEmpty())
                request.stop.append(s.toString());
    }
    const QJsonValue seed = body.value(QLatin1String("seed"));
    if (seed.isDouble())
        request.seed = static_cast<qint64>(seed.toDouble());
    return request;
}
