#include "cli/auditcommand.h"

#include "cli/cliio.h"
#include "cli/commandtable.h"
#include "common/apppaths.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

int listRecords(SqliteStore &store, int limit, bool json)
{
    const QList<AuditRecord> records = store.records(limit);
    if (records.isEmpty() && !store.lastError().isEmpty()) {
        CliIo::err() << "voiceai-cli audit: " << store.lastError() << '\n';
        return ExitFailure;
    }
    QTextStream &out = CliIo::out();
    if (json) {
        QJsonArray list;
        for (const AuditRecord &r : records)
            list.append(QJsonObject{{QStringLiteral("seq"), r.seq},
                                    {QStringLiteral("time"), r.time.toString(Qt::ISODateWithMs)},
                                    {QStringLiteral("actor"), r.actor},
                                    {QStringLiteral("action"), r.action},
                                    {QStringLiteral("target"), r.target},
                                    {QStringLiteral("details"), r.details},
                                    {QStringLiteral("hash"), r.hash}});
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const AuditRecord &r : records) {
        out << QString::number(r.seq).rightJustified(6) << "  " << r.time.toString(Qt::ISODate)
            << "  " << r.actor.leftJustified(20) << ' ' << r.action.leftJustified(18) << ' '
            << r.target;
        if (!r.details.isEmpty())
            out << "  " << QJsonDocument(r.details).toJson(QJsonDocument::Compact);
        out << '\n';
    }
    if (records.isEmpty())
        out << "The audit log is empty.\n";
    return ExitOk;
}

int runAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check or show the audit trail of supervisor and security actions."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("verify | list"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Data folder (default: app data folder)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("list: only the newest N records."),
                                   QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("list: print JSON."));
    parser.addOptions({dataDir, limit, json});
    if (!parser.parse(arguments)) {
        CliIo::err() << "voiceai-cli audit: " << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        CliIo::out() << parser.helpText();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1 ||
        (action != QLatin1String("verify") && action != QLatin1String("list"))) {
        CliIo::err() << "voiceai-cli audit: expected 'verify' or 'list'\n";
        return ExitUsage;
    }
    bool limitOk = false;
    const int limitValue = parser.value(limit).toInt(&limitOk);
    if (!limitOk || limitValue < 0) {
        CliIo::err() << "voiceai-cli audit: --limit needs a number of 0 or more\n";
        return ExitUsage;
    }

    QString error;
    auto store = SqliteStore::openExisting(AppPaths::dataDir(parser.value(dataDir)), &error);
    if (!store) {
        CliIo::err() << "voiceai-cli audit: " << error << '\n';
        return ExitFailure;
    }
    if (action == QLatin1String("list"))
        return listRecords(*store, limitValue, parser.isSet(json));

    const AuditVerification result = store->verify();
    if (result.ok) {
        CliIo::out() << "Audit chain intact: " << result.checked << " records checked.\n";
        return ExitOk;
    }
    if (result.firstBadSeq > 0)
        CliIo::err() << "Audit chain BROKEN at record " << result.firstBadSeq << ": "
                     << result.message << '\n';
    else
        CliIo::err() << "voiceai-cli audit: " << result.message << '\n';
    return ExitFailure;
}

} // namespace

int runAuditCommand(const QStringList &arguments)
{
    const int status = runAudit(arguments);
    CliIo::out().flush();
    CliIo::err().flush();
    return status;
}
