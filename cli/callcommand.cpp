#include "cli/callcommand.h"

#include "calls/callmanager.h"
#include "calls/callsession.h"
#include "calls/scenario.h"
#include "cli/clicredentials.h"
#include "cli/cliio.h"
#include "cli/commandtable.h"
#include "common/apppaths.h"
#include "common/logsanitizer.h"
#include "openai/clientsettings.h"
#include "openai/modelprofiles.h"
#include "openai/openaiclient.h"
#include "openai/pricetable.h"
#include "sim/simulatorserver.h"
#include "store/eventkinds.h"
#include "store/sqlitestore.h"
#include "store/usagefilter.h"
#include "store/usagerecord.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <memory>

namespace {

int usageError(const QString &message)
{
    CliIo::err() << "voiceai-cli call: " << message << "\n"
                 << "Run 'voiceai-cli call --help' for the options.\n";
    CliIo::err().flush();
    return ExitUsage;
}

// One transcript line for an event, or empty for events that are not part of the conversation.
QString describe(const CallEvent &event)
{
    const QString text = event.payload.value(QStringLiteral("text")).toString();
    const QString kind = event.kind;
    if (kind == EventKind::CustomerUtterance)
        return QStringLiteral("customer: %1").arg(text);
    if (kind == EventKind::AgentTurn) {
        QString line = QStringLiteral("agent: %1").arg(text);
        if (event.payload.value(QStringLiteral("said")).toBool())
            line += QStringLiteral("  [said by %1]")
                        .arg(event.payload.value(QStringLiteral("supervisor")).toString());
        else if (!event.payload.value(QStringLiteral("model")).toString().isEmpty())
            line += QStringLiteral("  [%1, %2+%3 tokens, %4 ms]")
                        .arg(event.payload.value(QStringLiteral("model")).toString())
                        .arg(event.payload.value(QStringLiteral("promptTokens")).toInt())
                        .arg(event.payload.value(QStringLiteral("completionTokens")).toInt())
                        .arg(event.payload.value(QStringLiteral("latencyMs")).toInteger());
        return line;
    }
    if (kind == EventKind::SupervisorTurn || kind == EventKind::SupervisorWhisper ||
        kind == EventKind::SupervisorSay)
        return QStringLiteral("%1 (%2): %3").arg(event.actor, kind.mid(11), text);
    if (kind == EventKind::ComplianceFlag || kind == EventKind::HumanRequested ||
        kind == EventKind::OptOutRecorded || kind == EventKind::ModelFallback ||
        kind == EventKind::BudgetWarning || kind == EventKind::SummaryUpdated ||
        kind == EventKind::Error || kind == EventKind::CallEnded)
        return QStringLiteral("[%1] %2").arg(
            kind, QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)));
    return {};
}

QJsonObject usageJson(const QList<UsageRecord> &records)
{
    QMap<QString, QJsonObject> byModel;
    for (const UsageRecord &r : records) {
        const QString key = r.feature + QLatin1Char('/') + r.model;
        QJsonObject o = byModel.value(key);
        o.insert(QStringLiteral("feature"), r.feature);
        o.insert(QStringLiteral("model"), r.model);
        o.insert(QStringLiteral("requests"), o.value(QStringLiteral("requests")).toInt() + 1);
        o.insert(QStringLiteral("failed"),
                 o.value(QStringLiteral("failed")).toInt() + (r.success ? 0 : 1));
        o.insert(QStringLiteral("promptTokens"),
                 o.value(QStringLiteral("promptTokens")).toInteger() + r.promptTokens);
        o.insert(QStringLiteral("completionTokens"),
                 o.value(QStringLiteral("completionTokens")).toInteger() + r.completionTokens);
        o.insert(QStringLiteral("costUsd"),
                 o.value(QStringLiteral("costUsd")).toDouble() + r.costUsd);
        byModel.insert(key, o);
    }
    QJsonArray rows;
    for (const QJsonObject &o : std::as_const(byModel))
        rows.append(o);
    return {{QStringLiteral("byFeatureAndModel"), rows}};
}

} // namespace

int runCallCommand(const QStringList &arguments)
{
    LogSanitizer::install();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs one call described by a scenario file and prints its transcript and usage. By "
        "default "
        "the call runs against an in-process simulator on loopback, through the real client."));
    parser.addHelpOption();
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"),
                                            QStringLiteral("Scenario file (JSON)."),
                                            QStringLiteral("FILE"));
    const QCommandLineOption versionOption(
        QStringLiteral("prompt-version"),
        QStringLiteral("Prompt version to use (default: the scenario's, else latest)."),
        QStringLiteral("V"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print one JSON object at the end."));
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"), QStringLiteral("Data folder (default: the app data folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption baseUrlOption(
        QStringLiteral("base-url"),
        QStringLiteral("Use this API root (e.g. an external simulator) instead of the in-process "
                       "simulator; the key comes from the keychain's active key, else "
                       "OPENAI_API_KEY."),
        QStringLiteral("URL"));
    const QCommandLineOption openAiOption(
        QStringLiteral("openai"),
        QStringLiteral("Use the configured API instead of the in-process simulator: the "
                       "keychain's active key with its base URL, else the config file, "
                       "OPENAI_BASE_URL and OPENAI_API_KEY."));
    const QCommandLineOption insecureOption(
        QStringLiteral("allow-insecure-http"),
        QStringLiteral("Accept an http:// base URL that is not this computer."));
    const QCommandLineOption firstTokenOption(
        QStringLiteral("sim-first-token-ms"),
        QStringLiteral("In-process simulator: delay before the first token "
                       "(default 0)."),
        QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption rateOption(
        QStringLiteral("sim-tokens-per-second"),
        QStringLiteral("In-process simulator: token rate (default 0 = instant)."),
        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({scenarioOption, versionOption, jsonOption, dataDirOption, baseUrlOption,
                       openAiOption, firstTokenOption, rateOption, insecureOption});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        CliIo::out() << parser.helpText();
        CliIo::out().flush();
        return ExitOk;
    }
    if (!parser.isSet(scenarioOption))
        return usageError(QStringLiteral("--scenario FILE is required"));
    QString error;
    std::optional<Scenario> scenario = Scenario::load(parser.value(scenarioOption), &error);
    if (!scenario)
        return usageError(error);
    if (parser.isSet(versionOption)) {
        bool ok = false;
        const int version = parser.value(versionOption).toInt(&ok);
        if (!ok || version < 1)
            return usageError(QStringLiteral("--prompt-version needs a number >= 1, got '%1'")
                                  .arg(parser.value(versionOption)));
        scenario->promptVersion = version;
    }
    if (scenario->isTyped())
        return usageError(QStringLiteral(
            "the scenario's customer is typed; this command needs a persona or lines"));

    const QString configFile = AppPaths::configFile();
    const ModelProfiles profiles = ModelProfiles::load(configFile, &error);
    ClientSettings settings = ClientSettings::load(configFile, &error);
    const PriceTable prices = PriceTable::load(configFile, &error);
    if (!error.isEmpty())
        return usageError(QStringLiteral("bad configuration: %1").arg(error));

    std::unique_ptr<SimulatorServer> simulator;
    std::unique_ptr<CliCredentials> credentials;
    const QString dataDir = AppPaths::dataDir(parser.value(dataDirOption));
    if (parser.isSet(baseUrlOption) || parser.isSet(openAiOption)) {
        credentials = std::make_unique<CliCredentials>(dataDir);
        if (!credentials->catalogError().isEmpty())
            CliIo::err() << "voiceai-cli call: warning: " << credentials->catalogError()
                         << " (using OPENAI_API_KEY)\n";
        // The active key's base URL, organisation and project; --base-url overrides the URL.
        settings = credentials->applyActiveKey(settings);
    }
    if (parser.isSet(baseUrlOption)) {
        const QUrl url(parser.value(baseUrlOption), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return usageError(QStringLiteral("--base-url is not an http(s) URL: %1")
                                  .arg(parser.value(baseUrlOption)));
        settings.baseUrl = url;
    }
    if (credentials) {
        if (const QString refused =
                CliCredentials::checkBaseUrl(settings.baseUrl, parser.isSet(insecureOption));
            !refused.isEmpty())
            return usageError(refused);
    } else {
        bool okDelay = false;
        bool okRate = false;
        const int firstTokenMs = parser.value(firstTokenOption).toInt(&okDelay);
        const double rate = parser.value(rateOption).toDouble(&okRate);
        if (!okDelay || firstTokenMs < 0 || !okRate || rate < 0)
            return usageError(QStringLiteral(
                "--sim-first-token-ms and --sim-tokens-per-second need numbers >= 0"));
        simulator = std::make_unique<SimulatorServer>();
        simulator->setTiming(SimTiming{firstTokenMs, rate});
        if (!simulator->listen())
            return usageError(
                QStringLiteral("cannot start the simulator: %1").arg(simulator->errorString()));
        settings = ClientSettings{};
        settings.baseUrl = simulator->baseUrl();
    }

    if (!AppPaths::ensurePrivateDir(dataDir)) {
        CliIo::err() << "voiceai-cli call: cannot create the data folder " << dataDir << '\n';
        return ExitFailure;
    }
    std::unique_ptr<SqliteStore> store = SqliteStore::open(dataDir, &error);
    if (!store) {
        CliIo::err() << "voiceai-cli call: " << error << '\n';
        return ExitFailure;
    }

    OpenAIClient client(settings, credentials ? credentials->provider() : nullptr, prices, nullptr);
    CallServices services;
    services.client = &client;
    services.calls = store.get();
    services.usage = store.get();
    services.audit = store.get();
    services.optOuts = store.get();
    services.prompts = store.get();
    services.models = &profiles;

    const bool json = parser.isSet(jsonOption);
    CallManager manager(services);
    QEventLoop loop;
    QObject::connect(&manager, &CallManager::callEnded, &loop, &QEventLoop::quit);
    CallSession *session = manager.startCall(*scenario);
    if (!session) {
        CliIo::err() << "voiceai-cli call: " << manager.lastError() << '\n';
        return ExitFailure;
    }
    QTextStream &out = CliIo::out();
    if (!json) {
        out << "call " << session->id() << " started: scenario \"" << scenario->name
            << "\", prompt " << session->promptName() << " v" << session->promptVersion() << '\n';
        for (const CallEvent &event : session->events()) {
            const QString line = describe(event);
            if (!line.isEmpty())
                out << '#' << event.seq << ' ' << line << '\n';
        }
        out.flush();
        // Printed after the event is stored, so a line seen here is always in the database.
        QObject::connect(session, &CallSession::eventAppended, &loop,
                         [&out](const CallEvent &event) {
                             const QString line = describe(event);
                             if (line.isEmpty())
                                 return;
                             out << '#' << event.seq << ' ' << line << '\n';
                             out.flush();
                         });
    }
    if (session->state() != CallState::Ended)
        loop.exec();

    const CallStats stats = session->stats();
    UsageFilter filter;
    filter.callId = session->id();
    const QList<UsageRecord> usage = store->usage(filter);
    if (json) {
        QJsonArray transcript;
        for (const CallEvent &event : session->events()) {
            if (event.kind == EventKind::AgentDelta)
                continue;
            transcript.append(
                QJsonObject{{QStringLiteral("seq"), event.seq},
                            {QStringLiteral("time"), event.time.toString(Qt::ISODateWithMs)},
                            {QStringLiteral("actor"), event.actor},
                            {QStringLiteral("kind"), event.kind},
                            {QStringLiteral("payload"), event.payload}});
        }
        const QJsonObject result{
            {QStringLiteral("callId"), session->id()},
            {QStringLiteral("scenario"), scenario->name},
            {QStringLiteral("promptName"), session->promptName()},
            {QStringLiteral("promptVersion"), session->promptVersion()},
            {QStringLiteral("endReason"), session->endReason()},
            {QStringLiteral("turns"), stats.turns},
            {QStringLiteral("promptTokens"), stats.promptTokens},
            {QStringLiteral("completionTokens"), stats.completionTokens},
            {QStringLiteral("costUsd"), stats.costUsd},
            {QStringLiteral("durationMs"), stats.durationMs},
            {QStringLiteral("events"), transcript},
            {QStringLiteral("usage"), usageJson(usage)},
        };
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out << "ended: " << session->endReason() << " after " << stats.turns << " agent turns, "
            << stats.durationMs << " ms\n";
        out << "usage: " << stats.promptTokens << " prompt + " << stats.completionTokens
            << " completion tokens, $" << QString::number(stats.costUsd, 'f', 5)
            << " (agent and summaries)\n";
        for (const QJsonValue &row :
             usageJson(usage).value(QStringLiteral("byFeatureAndModel")).toArray()) {
            const QJsonObject o = row.toObject();
            out << "  " << o.value(QStringLiteral("feature")).toString() << ' '
                << o.value(QStringLiteral("model")).toString() << ": "
                << o.value(QStringLiteral("requests")).toInt() << " requests ("
                << o.value(QStringLiteral("failed")).toInt() << " failed), "
                << o.value(QStringLiteral("promptTokens")).toInteger() << " + "
                << o.value(QStringLiteral("completionTokens")).toInteger() << " tokens, $"
                << QString::number(o.value(QStringLiteral("costUsd")).toDouble(), 'f', 5) << '\n';
        }
    }
    out.flush();
    return session->endReason() == QLatin1String("model-failure") ? ExitApiError : ExitOk;
}
