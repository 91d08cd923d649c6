#include "sim/simcontrolapi.h"

#include "sim/simchatresponder.h"
#include "sim/simhttprequest.h"
#include "sim/simulatorserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString kInvalidRequest = QStringLiteral("invalid_request_error");

SimResponsePlan ok(const QJsonObject &object)
{
    SimResponsePlan plan;
    plan.addHeader("Content-Type", "application/json");
    plan.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return plan;
}

SimResponsePlan bad(const QString &message)
{
    return SimChatResponder::error(400, message, kInvalidRequest);
}

// Accepts one object, an array, or {"<key>": [...]}.
QJsonArray items(const QJsonDocument &doc, const char *key)
{
    if (doc.isArray())
        return doc.array();
    const QJsonObject object = doc.object();
    if (object.value(QLatin1String(key)).isArray())
        return object.value(QLatin1String(key)).toArray();
    return QJsonArray{object};
}

QJsonValue bodyAsJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(body);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

SimResponsePlan faults(SimulatorServer &server, const QJsonDocument &doc)
{
    QList<SimFault> parsed;
    const QJsonArray list = items(doc, "faults");
    for (qsizetype i = 0; i < list.size(); ++i) {
        QString error;
        const std::optional<SimFault> fault = SimFault::fromJson(list.at(i).toObject(), &error);
        if (!list.at(i).isObject() || !fault)
            return bad(QStringLiteral("fault %1: %2")
                           .arg(i)
                           .arg(error.isEmpty() ? QStringLiteral("must be an object") : error));
        parsed.append(*fault);
    }
    for (const SimFault &fault : parsed)
        server.queueFault(fault);
    return ok({{QStringLiteral("queued"), parsed.size()}});
}

SimResponsePlan replies(SimulatorServer &server, const QJsonDocument &doc)
{
    QStringList texts;
    const QJsonObject object = doc.object();
    const QJsonArray list =
        doc.isArray() ? doc.array() : object.value(QLatin1String("replies")).toArray();
    if (object.value(QLatin1String("text")).isString())
        texts.append(object.value(QLatin1String("text")).toString());
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isString())
            return bad(QStringLiteral("reply %1 must be a string").arg(i));
        texts.append(list.at(i).toString());
    }
    if (texts.isEmpty())
        return bad(QStringLiteral(
            "expected {\"text\": \"...\"}, {\"replies\": [...]} or an array of strings"));
    for (const QString &text : texts)
        server.queueReply(text);
    return ok({{QStringLiteral("queued"), texts.size()}});
}

SimResponsePlan timing(SimulatorServer &server, const QJsonDocument &doc)
{
    const QJsonObject object = doc.object();
    SimTiming value = server.timing();
    if (object.value(QLatin1String("instant")).toBool(false))
        value = SimTiming::instant();
    const QJsonValue first = object.value(QLatin1String("first_token_ms"));
    const QJsonValue rate = object.value(QLatin1String("tokens_per_second"));
    if (!first.isUndefined()) {
        if (!first.isDouble() || first.toDouble() < 0 || first.toDouble() > 600000)
            return bad(QStringLiteral("field 'first_token_ms' must be a number from 0 to 600000"));
        value.firstTokenMs = first.toInt();
    }
    if (!rate.isUndefined()) {
        if (!rate.isDouble() || rate.toDouble() < 0 || rate.toDouble() > 1e6)
            return bad(
                QStringLiteral("field 'tokens_per_second' must be a number from 0 to 1000000"));
        value.tokensPerSecond = rate.toDouble();
    }
    server.setTiming(value);
    return ok({{QStringLiteral("first_token_ms"), value.firstTokenMs},
               {QStringLiteral("tokens_per_second"), value.tokensPerSecond}});
}

} // namespace

SimResponsePlan SimControlApi::handle(SimulatorServer &server, const SimHttpRequest &request)
{
    const QByteArray &path = request.path;
    if (path == "/_sim/requests" && request.method == "GET") {
        QJsonArray list;
        for (const SimulatorServer::RequestRecord &record : server.receivedRequests()) {
            QJsonObject entry{{QStringLiteral("method"), QString::fromLatin1(record.method)},
                              {QStringLiteral("path"), QString::fromUtf8(record.path)}};
            if (!record.body.isEmpty())
                entry.insert(QStringLiteral("body"), bodyAsJson(record.body));
            list.append(entry);
        }
        return ok({{QStringLiteral("count"), list.size()}, {QStringLiteral("requests"), list}});
    }
    if (path == "/_sim/reset" && request.method == "POST") {
        server.reset();
        return ok({{QStringLiteral("reset"), true}});
    }
    const bool known = path == "/_sim/faults" || path == "/_sim/replies" || path == "/_sim/timing";
    if (!known) {
        const bool other = path == "/_sim/requests" || path == "/_sim/reset";
        return SimChatResponder::error(
            other ? 405 : 404,
            QStringLiteral("Invalid URL (%1 %2)")
                .arg(QString::fromLatin1(request.method), QString::fromUtf8(path)),
            kInvalidRequest);
    }
    if (request.method != "POST")
        return SimChatResponder::error(
            405, QStringLiteral("use POST on %1").arg(QString::fromUtf8(path)), kInvalidRequest);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return bad(QStringLiteral("invalid JSON body: %1 at offset %2")
                       .arg(error.errorString())
                       .arg(error.offset));
    if (path == "/_sim/faults")
        return faults(server, doc);
    if (path == "/_sim/replies")
        return replies(server, doc);
    return timing(server, doc);
}
