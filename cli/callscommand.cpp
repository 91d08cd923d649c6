#include "cli/callscommand.h"

#include "calls/redactor.h"
#include "cli/cliio.h"
#include "cli/commandtable.h"
#include "common/apppaths.h"
#include "common/osidentity.h"
#include "store/sqlitestore.h"
#include "store/transcriptexporter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <memory>

namespace {

struct CallsOptions
{
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QStringLiteral("Data folder (default: the app data folder)."),
                               QStringLiteral("DIR")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("list, search: print JSON.")};
    QCommandLineOption limit{QStringLiteral("limit"),
                             QStringLiteral("list, search: at most N results (default 50)."),
                             QStringLiteral("N"), QStringLiteral("50")};
    QCommandLineOption state{QStringLiteral("state"),
                             QStringLiteral("list: only calls in STATE (active, ended,"
                                            " interrupted)."),
                             QStringLiteral("STATE")};
    QCommandLineOption campaign{QStringLiteral("campaign"),
                                QStringLiteral("list: only calls of CAMPAIGN."),
                                QStringLiteral("CAMPAIGN")};
    QCommandLineOption endReason{QStringLiteral("end-reason"),
                                 QStringLiteral("list: only calls that ended for REASON."),
                                 QStringLiteral("REASON")};
    QCommandLineOption text{QStringLiteral("text"),
                            QStringLiteral("list: only calls whose transcript has these words."),
                            QStringLiteral("WORDS")};
    QCommandLineOption from{QStringLiteral("from"),
                            QStringLiteral("list: calls started on or after DATE (ISO 8601, UTC)."),
                            QStringLiteral("DATE")};
    QCommandLineOption to{QStringLiteral("to"),
                          QStringLiteral("list: calls started before DATE (ISO 8601, UTC)."),
                          QStringLiteral("DATE")};
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("export: md, json or csv (default md)."),
                              QStringLiteral("FORMAT"), QStringLiteral("md")};
    QCommandLineOption output{QStringLiteral("output"),
                              QStringLiteral("export: write to FILE instead of standard output."),
                              QStringLiteral("FILE")};
    QCommandLineOption unmasked{QStringLiteral("unmasked"),
                                QStringLiteral("export: keep personal data (recorded in the"
                                               " audit log).")};
    QCommandLineOption days{QStringLiteral("days"),
                            QStringLiteral("purge: delete calls older than N days (default: the"
                                           " stored retention setting)."),
                            QStringLiteral("N")};
    QCommandLineOption save{QStringLiteral("save"),
                            QStringLiteral("purge: store --days as the retention setting.")};
};

int fail(const QString &message, int status = ExitFailure)
{
    CliIo::err() << "voiceai-cli calls: " << message << '\n';
    return status;
}

// PII masking for exports: one redactor for the whole export, so the same e-mail address
// gets the same placeholder in every line. Its mapping is thrown away with the export.
TranscriptExporter::Mask exportMask()
{
    auto redactor = std::make_shared<Redactor>();
    return [redactor](const QString &text) { return redactor->redact(text); };
}

int listCalls(SqliteStore &store, const QCommandLineParser &parser, const CallsOptions &o)
{
    CallFilter filter;
    filter.limit = parser.value(o.limit).toInt();
    filter.state = parser.value(o.state);
    filter.campaign = parser.value(o.campaign);
    filter.endReason = parser.value(o.endReason);
    filter.text = parser.value(o.text);
    for (auto [option, target] : {std::pair{&o.from, &filter.from}, std::pair{&o.to, &filter.to}}) {
        if (!parser.isSet(*option))
            continue;
        *target = QDateTime::fromString(parser.value(*option), Qt::ISODate);
        if (!target->isValid())
            return fail(QStringLiteral("--%1 needs an ISO 8601 date such as 2026-03-01, not '%2'")
                            .arg(option->names().constFirst(), parser.value(*option)),
                        ExitUsage);
        if (target->timeSpec() == Qt::LocalTime)
            target->setTimeSpec(Qt::UTC);
    }
    const QList<CallRecord> calls = store.listCalls(filter);
    if (calls.isEmpty() && !store.lastError().isEmpty())
        return fail(store.lastError());
    QTextStream &out = CliIo::out();
    if (parser.isSet(o.json)) {
        QJsonArray list;
        for (const CallRecord &c : calls)
            list.append(
                QJsonObject{{QStringLiteral("id"), c.id},
                            {QStringLiteral("startedAt"), c.startedAt.toString(Qt::ISODate)},
                            {QStringLiteral("endedAt"),
                             c.endedAt.isValid() ? c.endedAt.toString(Qt::ISODate) : QString()},
                            {QStringLiteral("state"), c.state},
                            {QStringLiteral("endReason"), c.endReason},
                            {QStringLiteral("customerName"), c.customerName},
                            {QStringLiteral("campaign"), c.campaign},
                            {QStringLiteral("promptName"), c.promptName},
                            {QStringLiteral("promptVersion"), c.promptVersion},
                            {QStringLiteral("turns"), c.totals.turns},
                            {QStringLiteral("costUsd"), c.totals.costUsd}});
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (calls.isEmpty()) {
        out << "No calls stored.\n";
        return ExitOk;
    }
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("ID"), -38)
               .arg(QStringLiteral("STARTED (UTC)"), -20)
               .arg(QStringLiteral("STATE"), -12)
               .arg(QStringLiteral("END REASON"), -16)
               .arg(QStringLiteral("CUSTOMER"), -20)
               .arg(QStringLiteral("TURNS"), 5)
               .arg(QStringLiteral("COST $"), 9);
    for (const CallRecord &c : calls)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(c.id, -38)
                   .arg(c.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -20)
                   .arg(c.state, -12)
                   .arg(c.endReason, -16)
                   .arg(c.customerName.left(20), -20)
                   .arg(c.totals.turns, 5)
                   .arg(c.totals.costUsd, 9, 'f', 4);
    return ExitOk;
}

int searchCalls(SqliteStore &store, const QString &text, const QCommandLineParser &parser,
                const CallsOptions &o)
{
    const QList<SearchHit> hits = store.search(text, parser.value(o.limit).toInt());
    if (hits.isEmpty() && !store.lastError().isEmpty())
        return fail(store.lastError());
    QTextStream &out = CliIo::out();
    if (parser.isSet(o.json)) {
        QJsonArray list;
        for (const SearchHit &h : hits)
            list.append(QJsonObject{{QStringLiteral("callId"), h.callId},
                                    {QStringLiteral("seq"), h.seq},
                                    {QStringLiteral("kind"), h.kind},
                                    {QStringLiteral("snippet"), h.snippet}});
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const SearchHit &h : hits)
        out << h.callId << " #" << h.seq << ' ' << h.kind << ": " << h.snippet << '\n';
    if (hits.isEmpty())
        out << "No matches.\n";
    return ExitOk;
}

int exportCall(SqliteStore &store, const CallRecord &call, const QCommandLineParser &parser,
               const CallsOptions &o)
{
    TranscriptExporter::Format format;
    if (!TranscriptExporter::parseFormat(parser.value(o.format), &format))
        return fail(QStringLiteral("unknown --format '%1' (use md, json or csv)")
                        .arg(parser.value(o.format)),
                    ExitUsage);
    const bool unmasked = parser.isSet(o.unmasked);
    const TranscriptExporter::Mask mask = unmasked ? TranscriptExporter::Mask() : exportMask();
    const QByteArray data = TranscriptExporter(mask).render(format, call, store.events(call.id));
    const QString outputPath = parser.value(o.output);
    if (unmasked) {
        AuditRecord record;
        record.actor = OsIdentity::actor();
        record.action = QStringLiteral("export.unmasked");
        record.target = call.id;
        record.details = {{QStringLiteral("format"), parser.value(o.format)},
                          {QStringLiteral("output"),
                           outputPath.isEmpty() ? QStringLiteral("stdout") : outputPath}};
        // No audit record, no unmasked export.
        if (!store.append(record))
            return fail(QStringLiteral("cannot record the unmasked export in the audit log: %1")
                            .arg(store.lastError()));
    }
    if (outputPath.isEmpty()) {
        CliIo::out().flush();
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(data) != data.size())
            return fail(QStringLiteral("cannot write to standard output"));
        return ExitOk;
    }
    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(outputPath, file.errorString()));
    // Transcripts hold personal data: readable by the owner only.
    QFile::setPermissions(outputPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    CliIo::err() << "Exported call " << call.id << " to " << outputPath << '\n';
    return ExitOk;
}

int purgeCalls(SqliteStore &store, const QCommandLineParser &parser, const CallsOptions &o)
{
    QString daysText = parser.value(o.days);
    if (daysText.isEmpty())
        daysText = store.setting(QStringLiteral("retention.days"));
    bool ok = false;
    const int days = daysText.toInt(&ok);
    if (!ok || days < 0)
        return fail(
            daysText.isEmpty()
                ? QStringLiteral("no retention setting stored; give --days N")
                : QStringLiteral("--days needs a number of 0 or more, not '%1'").arg(daysText),
            ExitUsage);
    if (parser.isSet(o.save) && !store.setSetting(QStringLiteral("retention.days"), daysText))
        return fail(store.lastError());
    const int deleted = store.deleteCallsOlderThan(days);
    if (deleted < 0)
        return fail(store.lastError());
    CliIo::out() << "Deleted " << deleted << " calls older than " << days << " days.\n";
    return ExitOk;
}

int runCalls(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List, show, search and export stored calls."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral("list | show ID | search TEXT | export ID | purge"));
    const CallsOptions o;
    parser.addOptions({o.dataDir, o.json, o.limit, o.state, o.campaign, o.endReason, o.text, o.from,
                       o.to, o.format, o.output, o.unmasked, o.days, o.save});
    if (!parser.parse(arguments))
        return fail(parser.errorText(), ExitUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        CliIo::out() << parser.helpText();
        return ExitOk;
    }
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    const bool needsArgument = action == QLatin1String("show") ||
                               action == QLatin1String("search") ||
                               action == QLatin1String("export");
    const bool known =
        needsArgument || action == QLatin1String("list") || action == QLatin1String("purge");
    if (!known)
        return fail(QStringLiteral("expected list, show ID, search TEXT, export ID or purge"),
                    ExitUsage);
    if (needsArgument && args.size() < 2)
        return fail(QStringLiteral("'%1' needs an argument").arg(action), ExitUsage);
    bool limitOk = false;
    if (parser.value(o.limit).toInt(&limitOk) < 0 || !limitOk)
        return fail(QStringLiteral("--limit needs a number of 0 or more"), ExitUsage);

    const QString dataDir = AppPaths::dataDir(parser.value(o.dataDir));
    const bool readsLists = action == QLatin1String("list") || action == QLatin1String("search");
    if (readsLists &&
        !QFile::exists(QDir(dataDir).filePath(QLatin1String(SqliteStore::FileName)))) {
        // Nothing has been stored here yet: that is an empty list, not an error.
        if (parser.isSet(o.json))
            CliIo::out() << "[]\n";
        else
            CliIo::out() << "No calls stored in " << dataDir << " yet.\n";
        return ExitOk;
    }
    QString error;
    auto store = SqliteStore::openExisting(dataDir, &error);
    if (!store)
        return fail(error);

    if (action == QLatin1String("list"))
        return listCalls(*store, parser, o);
    if (action == QLatin1String("search"))
        return searchCalls(*store, args.mid(1).join(QLatin1Char(' ')), parser, o);
    if (action == QLatin1String("purge"))
        return purgeCalls(*store, parser, o);

    const std::optional<CallRecord> call = store->call(args.at(1));
    if (!call)
        return fail(store->lastError());
    if (action == QLatin1String("show")) {
        // The local view, like the supervisor's window: personal data as stored, secrets masked.
        CliIo::out() << QString::fromUtf8(
            TranscriptExporter().toMarkdown(*call, store->events(call->id)));
        return ExitOk;
    }
    return exportCall(*store, *call, parser, o);
}

} // namespace

int runCallsCommand(const QStringList &arguments)
{
    const int status = runCalls(arguments);
    CliIo::out().flush();
    CliIo::err().flush();
    return status;
}
