#include "store/transcriptexporter.h"

#include "common/secretmasker.h"
#include "store/eventkinds.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString actorLabel(const QString &actor)
{
    if (actor == QLatin1String("agent"))
        return QStringLiteral("Agent");
    if (actor == QLatin1String("customer"))
        return QStringLiteral("Customer");
    if (actor.startsWith(QLatin1String("supervisor:")))
        return QStringLiteral("Supervisor %1").arg(actor.mid(11));
    return actor.isEmpty() ? QStringLiteral("System") : actor;
}

} // namespace

bool TranscriptExporter::parseFormat(const QString &name, Format *format)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        *format = Format::Markdown;
    else if (n == QLatin1String("json"))
        *format = Format::Json;
    else if (n == QLatin1String("csv"))
        *format = Format::Csv;
    else
        return false;
    return true;
}

TranscriptExporter::TranscriptExporter(Mask mask)
    : m_mask(std::move(mask))
{}

QString TranscriptExporter::clean(const QString &text) const
{
    // API keys and Authorization values never leave, whatever the PII mask does.
    return SecretMasker::mask(m_mask ? m_mask(text) : text);
}

QString TranscriptExporter::eventText(const CallEvent &event)
{
    for (const char *key : {"text", "content", "guidance", "line", "reason", "message"}) {
        const QString text = event.payload.value(QLatin1String(key)).toString();
        if (!text.isEmpty())
            return text;
    }
    if (event.payload.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact));
}

QByteArray TranscriptExporter::render(Format format, const CallRecord &call,
                                      const QList<CallEvent> &events) const
{
    switch (format) {
    case Format::Markdown:
        return toMarkdown(call, events);
    case Format::Json:
        return toJson(call, events);
    case Format::Csv:
        return toCsv(call, events);
    }
    return {};
}

QByteArray TranscriptExporter::toMarkdown(const CallRecord &call,
                                          const QList<CallEvent> &events) const
{
    QString md;
    md += QStringLiteral("# Call %1\n\n").arg(call.id);
    auto line = [&md, this](const char *label, const QString &value) {
        if (!value.isEmpty())
            md += QStringLiteral("- **%1:** %2\n").arg(QLatin1String(label), clean(value));
    };
    line("Customer", call.customerName);
    line("Customer id", call.customerId);
    line("Campaign", call.campaign);
    line("Purpose", call.purpose);
    line("Language", call.language);
    line("Started", timeText(call.startedAt));
    line("Ended", call.endedAt.isValid() ? timeText(call.endedAt) : QString());
    line("State", call.state);
    line("End reason", call.endReason);
    if (!call.promptName.isEmpty())
        line("Prompt", QStringLiteral("%1 v%2").arg(call.promptName).arg(call.promptVersion));
    md += QStringLiteral("- **Totals:** %1 turns, %2 prompt + %3 completion tokens, $%4\n")
              .arg(call.totals.turns)
              .arg(call.totals.promptTokens)
              .arg(call.totals.completionTokens)
              .arg(call.totals.costUsd, 0, 'f', 4);
    md += QStringLiteral("\n## Transcript\n\n");
    for (const CallEvent &event : events) {
        if (event.kind == EventKind::AgentDelta)
            continue; // the finished agent.turn carries the whole reply
        const QString time = event.time.toUTC().toString(QStringLiteral("HH:mm:ss"));
        const QString text =
            clean(eventText(event)).replace(QLatin1Char('\n'), QLatin1String("  \n"));
        if (EventKind::isTranscriptText(event.kind))
            md += QStringLiteral("**[%1] %2 (%3):** %4\n\n")
                      .arg(time, actorLabel(event.actor), event.kind, text);
        else
            md += QStringLiteral("*[%1] %2 — %3%4*\n\n")
                      .arg(time, actorLabel(event.actor), event.kind,
                           text.isEmpty() ? QString() : QStringLiteral(": ") + text);
    }
    return md.toUtf8();
}

QByteArray TranscriptExporter::toJson(const CallRecord &call, const QList<CallEvent> &events) const
{
    // Masks every string inside a JSON value, recursively.
    std::function<QJsonValue(const QJsonValue &)> cleanValue = [&](const QJsonValue &value) {
        if (value.isString())
            return QJsonValue(clean(value.toString()));
        if (value.isArray()) {
            QJsonArray out;
            for (const QJsonValue &item : value.toArray())
                out.append(cleanValue(item));
            return QJsonValue(out);
        }
        if (value.isObject()) {
            QJsonObject out;
            const QJsonObject in = value.toObject();
            for (auto it = in.begin(); it != in.end(); ++it)
                out.insert(it.key(), cleanValue(it.value()));
            return QJsonValue(out);
        }
        return value;
    };
    QJsonObject head{
        {QStringLiteral("id"), call.id},
        {QStringLiteral("startedAt"), timeText(call.startedAt)},
        {QStringLiteral("endedAt"), call.endedAt.isValid() ? timeText(call.endedAt) : QString()},
        {QStringLiteral("state"), call.state},
        {QStringLiteral("endReason"), call.endReason},
        {QStringLiteral("customerName"), call.customerName},
        {QStringLiteral("customerId"), call.customerId},
        {QStringLiteral("campaign"), call.campaign},
        {QStringLiteral("purpose"), call.purpose},
        {QStringLiteral("language"), call.language},
        {QStringLiteral("promptName"), call.promptName},
        {QStringLiteral("promptVersion"), call.promptVersion},
        {QStringLiteral("context"), call.contextJson},
        {QStringLiteral("totals"),
         QJsonObject{{QStringLiteral("turns"), call.totals.turns},
                     {QStringLiteral("promptTokens"), call.totals.promptTokens},
                     {QStringLiteral("completionTokens"), call.totals.completionTokens},
                     {QStringLiteral("costUsd"), call.totals.costUsd}}},
    };
    QJsonArray list;
    for (const CallEvent &event : events) {
        if (event.kind == EventKind::AgentDelta)
            continue;
        list.append(QJsonObject{{QStringLiteral("seq"), event.seq},
                                {QStringLiteral("time"), timeText(event.time)},
                                {QStringLiteral("actor"), event.actor},
                                {QStringLiteral("kind"), event.kind},
                                {QStringLiteral("payload"), event.payload}});
    }
    const QJsonObject document{{QStringLiteral("call"), cleanValue(head)},
                               {QStringLiteral("events"), cleanValue(list)}};
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

QString TranscriptExporter::csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray TranscriptExporter::toCsv(const CallRecord &call, const QList<CallEvent> &events) const
{
    QString csv = QStringLiteral("call_id,seq,time,actor,kind,text\r\n");
    for (const CallEvent &event : events) {
        if (event.kind == EventKind::AgentDelta)
            continue;
        const QStringList fields{
            call.id,    QString::number(event.seq), timeText(event.time), event.actor,
            event.kind, clean(eventText(event))};
        QStringList quoted;
        for (const QString &field : fields)
            quoted.append(csvField(field));
        csv += quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return csv.toUtf8();
}
