#include "cli/keyscommand.h"

#include "cli/cliio.h"
#include "cli/commandtable.h"
#include "common/apppaths.h"
#include "common/osidentity.h"
#include "openai/clientsettings.h"
#include "secrets/baseurlpolicy.h"
#include "secrets/keyaccesslog.h"
#include "secrets/keystore.h"
#include "secrets/keyvalidator.h"
#include "secrets/secretinput.h"
#include "secrets/secretoperation.h"
#include "secrets/secretvault.h"
#include "secrets/securitysettings.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace {

const QString Usage = QStringLiteral(
    "Usage: voiceai-cli keys <action> [options]\n"
    "  list [--json]                       keys, the active one, their age and retire time\n"
    "  add NAME [--base-url U] [--org O] [--project P] [--azure --api-version V]\n"
    "           [--use] [--retire-at ISO] [--validate] [--allow-insecure-http]\n"
    "                                      store a key read from stdin or a no-echo prompt\n"
    "  remove NAME                         delete a key from the keychain and the list\n"
    "  use NAME [--retire-previous DAYS]   make NAME the active key (rotation)\n"
    "  import-env [NAME]                   store OPENAI_API_KEY in the keychain (name: default)\n"
    "  log [--limit N] [--json]            the key access log (when, feature, key name)\n"
    "  validate [NAME]                     check a key (default: the active one) with GET /models\n"
    "  prune [--dry-run]                   delete keys whose retire time has passed\n"
    "Common: --data-dir DIR (key access log, audit trail); VOICEAI_CONFIG_DIR picks keys.json's "
    "folder.\n");

struct Context
{
    QCommandLineParser *parser = nullptr;
    QString dataDir;
    std::unique_ptr<SecretVault> vault;
    std::unique_ptr<KeyStore> store;
    SecuritySettings settings;
};

int fail(const QString &message, int code = ExitFailure)
{
    CliIo::err() << "voiceai-cli keys: " << message << '\n';
    CliIo::err().flush();
    return code;
}

QString serviceName()
{
    // A separate service lets tests and several profiles share one keyring safely.
    const QString fromEnv = qEnvironmentVariable("VOICEAI_KEYCHAIN_SERVICE");
    return fromEnv.isEmpty() ? QString::fromLatin1(SecretVault::DefaultService) : fromEnv;
}

// Records a key change in the audit trail. The store is opened only for this.
void audit(const Context &context, const QString &action, const QString &keyName,
           const QJsonObject &details = {})
{
    QString error;
    auto db = SqliteStore::open(context.dataDir, &error);
    AuditRecord record;
    record.actor = OsIdentity::actor();
    record.action = action;
    record.target = keyName;
    record.details = details;
    if (!db || !db->append(record))
        CliIo::err() << "voiceai-cli keys: warning: the change was made but could not be audited: "
                     << (db ? db->lastError() : error) << '\n';
}

int keychainFailure(const KeychainStatus &status)
{
    return fail(status.message + (status.detail.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" [keychain: %1]").arg(status.detail)));
}

KeychainStatus runOperation(SecretOperation *operation, QByteArray *secret = nullptr)
{
    std::unique_ptr<SecretOperation> owned(operation);
    const KeychainStatus status = operation->wait();
    if (secret)
        *secret = operation->secret();
    return status;
}

QString describeAge(const KeyMetadata &meta, const Context &context, const QDateTime &now)
{
    if (!meta.createdAt.isValid())
        return QStringLiteral("?");
    QString age = QStringLiteral("%1d").arg(meta.ageDays(now));
    if (context.settings.keyMaxAgeDays > 0 && meta.ageDays(now) > context.settings.keyMaxAgeDays)
        age +=
            QStringLiteral(" (older than %1 days: rotate it)").arg(context.settings.keyMaxAgeDays);
    return age;
}

int listKeys(Context &context)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<KeyMetadata> keys = context.store->keys();
    if (context.parser->isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const KeyMetadata &meta : keys) {
            QJsonObject object = meta.toJson();
            object.insert(QStringLiteral("active"), meta.name == context.store->activeName());
            object.insert(QStringLiteral("ageDays"), meta.ageDays(now));
            object.insert(QStringLiteral("tooOld"),
                          context.settings.keyMaxAgeDays > 0 &&
                              meta.ageDays(now) > context.settings.keyMaxAgeDays);
            list.append(object);
        }
        CliIo::out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    QTextStream &out = CliIo::out();
    for (const KeyMetadata &meta : keys) {
        const bool active = meta.name == context.store->activeName();
        out << (active ? "* " : "  ") << meta.name.leftJustified(16) << ' '
            << (meta.baseUrl.isEmpty() ? QStringLiteral("(default API)") : meta.baseUrl.toString())
            << (meta.azure ? QStringLiteral(" [azure %1]").arg(meta.azureApiVersion) : QString())
            << (meta.organization.isEmpty() ? QString()
                                            : QStringLiteral(" org=") + meta.organization)
            << (meta.project.isEmpty() ? QString() : QStringLiteral(" project=") + meta.project)
            << "  age " << describeAge(meta, context, now);
        if (meta.retireAt.isValid())
            out << (meta.isRetired(now) ? "  retired since " : "  retires ")
                << meta.retireAt.toString(Qt::ISODate);
        out << '\n';
    }
    if (!context.store->activeName().isEmpty())
        out << "Key source: keychain:" << context.store->activeName() << '\n';
    else if (!qEnvironmentVariableIsEmpty("OPENAI_API_KEY"))
        out << "Key source: environment (OPENAI_API_KEY; the keychain has no active key)\n";
    else
        out << "Key source: none (no active key and no OPENAI_API_KEY; the offline demo still "
               "works)\n";
    return ExitOk;
}

std::optional<KeyMetadata> metadataFromOptions(const Context &context, const QString &name,
                                               int *exitCode)
{
    const QCommandLineParser &parser = *context.parser;
    KeyMetadata meta;
    meta.name = name;
    meta.organization = parser.value(QStringLiteral("org"));
    meta.project = parser.value(QStringLiteral("project"));
    meta.azure = parser.isSet(QStringLiteral("azure"));
    meta.azureApiVersion = parser.value(QStringLiteral("api-version"));
    if (meta.azure && meta.azureApiVersion.isEmpty()) {
        *exitCode =
            fail(QStringLiteral("--azure needs --api-version (e.g. 2024-10-21)"), ExitUsage);
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("base-url"))) {
        meta.baseUrl = QUrl(parser.value(QStringLiteral("base-url")), QUrl::StrictMode);
        const BaseUrlPolicy::Result check =
            BaseUrlPolicy::check(meta.baseUrl, parser.isSet(QStringLiteral("allow-insecure-http")));
        if (!check.isOk()) {
            *exitCode = fail(check.message, ExitUsage);
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("retire-at"))) {
        meta.retireAt =
            QDateTime::fromString(parser.value(QStringLiteral("retire-at")), Qt::ISODate);
        if (!meta.retireAt.isValid()) {
            *exitCode = fail(QStringLiteral("--retire-at needs an ISO 8601 time"), ExitUsage);
            return std::nullopt;
        }
    }
    return meta;
}

KeyValidation validateKey(const KeyMetadata &meta, const QByteArray &secret, Context &context)
{
    KeyAccessLog log(context.dataDir, context.settings.keyAccessLogMaxBytes);
    KeyValidator validator(&log);
    KeyValidation outcome;
    QEventLoop loop;
    QObject::connect(&validator, &KeyValidator::finished, &loop,
                     [&](const KeyValidation &validation) {
                         outcome = validation;
                         loop.quit();
                     });
    validator.validate(meta.applyTo(ClientSettings::fromEnvironment()), secret, meta.name);
    loop.exec();
    return outcome;
}

int validationExit(const KeyValidation &validation)
{
    switch (validation.status) {
    case KeyValidation::Status::Valid:
        return ExitOk;
    case KeyValidation::Status::InvalidKey:
        return ExitApiError;
    case KeyValidation::Status::NoNetwork:
        return ExitNetwork;
    case KeyValidation::Status::Error:
        break;
    }
    return ExitApiError;
}

int storeKey(Context &context, KeyMetadata meta, QByteArray secret, const QString &action)
{
    if (context.parser->isSet(QStringLiteral("validate"))) {
        const KeyValidation validation = validateKey(meta, secret, context);
        if (!validation.isValid()) {
            secret.fill('\0');
            return fail(QStringLiteral("%1: %2; the key was not stored")
                            .arg(validation.statusName(), validation.message),
                        validationExit(validation));
        }
        CliIo::out() << "Key '" << meta.name << "' is valid.\n";
    }
    const bool existed = context.store->key(meta.name).has_value();
    const KeychainStatus status = runOperation(context.store->add(meta, secret));
    secret.fill('\0');
    if (!status.ok())
        return keychainFailure(status);
    audit(context, action, meta.name,
          {{QStringLiteral("replaced"), existed},
           {QStringLiteral("baseUrl"), meta.baseUrl.toString()},
           {QStringLiteral("azure"), meta.azure}});
    CliIo::out() << (existed ? "Replaced" : "Stored") << " key '" << meta.name
                 << "' in the OS keychain.\n";
    if (context.parser->isSet(QStringLiteral("use")) && context.store->activeName() != meta.name) {
        QString error;
        if (!context.store->setActive(meta.name, &error))
            return fail(error);
        audit(context, QStringLiteral("key.use"), meta.name);
    }
    if (context.store->activeName() == meta.name)
        CliIo::out() << "Active key: " << meta.name << '\n';
    return ExitOk;
}

int addKey(Context &context, const QStringList &positional)
{
    if (positional.size() != 2)
        return fail(QStringLiteral("add needs exactly one NAME"), ExitUsage);
    if (!KeyMetadata::isValidName(positional.at(1)))
        return fail(QStringLiteral("'%1' is not a valid key name (letters, digits, '-', '_', '.')")
                        .arg(positional.at(1)),
                    ExitUsage);
    int exitCode = ExitOk;
    const std::optional<KeyMetadata> meta =
        metadataFromOptions(context, positional.at(1), &exitCode);
    if (!meta)
        return exitCode;
    QString error;
    std::optional<QByteArray> secret = SecretInput::read(
        QStringLiteral("API key for '%1' (input hidden): ").arg(meta->name), &error);
    if (!secret)
        return fail(error, ExitUsage);
    return storeKey(context, *meta, *secret, QStringLiteral("key.add"));
}

int importEnv(Context &context, const QStringList &positional)
{
    const QString name = positional.value(1, QStringLiteral("default"));
    if (!KeyMetadata::isValidName(name))
        return fail(QStringLiteral("'%1' is not a valid key name").arg(name), ExitUsage);
    QByteArray secret = qgetenv("OPENAI_API_KEY").trimmed();
    if (secret.isEmpty())
        return fail(QStringLiteral("OPENAI_API_KEY is not set; nothing to import"), ExitUsage);
    if (context.store->key(name))
        return fail(
            QStringLiteral("a key named '%1' exists already; remove it or pick another name")
                .arg(name),
            ExitUsage);
    const ClientSettings env = ClientSettings::fromEnvironment();
    KeyMetadata meta;
    meta.name = name;
    if (!qEnvironmentVariableIsEmpty("OPENAI_BASE_URL")) {
        const BaseUrlPolicy::Result check = BaseUrlPolicy::check(
            env.baseUrl, context.parser->isSet(QStringLiteral("allow-insecure-http")));
        if (!check.isOk())
            return fail(check.message, ExitUsage);
        meta.baseUrl = env.baseUrl;
    }
    meta.organization = env.organization;
    meta.project = env.project;
    meta.azure = env.azure;
    meta.azureApiVersion = env.azure ? env.azureApiVersion : QString();
    const int result = storeKey(context, meta, secret, QStringLiteral("key.import-env"));
    secret.fill('\0');
    if (result == ExitOk)
        CliIo::out() << "OPENAI_API_KEY keeps working, but the keychain's active key now wins; "
                        "you may unset the variable.\n";
    return result;
}

int removeKey(Context &context, const QStringList &positional)
{
    if (positional.size() != 2)
        return fail(QStringLiteral("remove needs exactly one NAME"), ExitUsage);
    const QString name = positional.at(1);
    if (!context.store->key(name))
        return fail(QStringLiteral("there is no key named '%1'").arg(name), ExitUsage);
    const KeychainStatus status = runOperation(context.store->remove(name));
    if (!status.ok())
        return keychainFailure(status);
    audit(context, QStringLiteral("key.remove"), name);
    CliIo::out() << "Removed key '" << name << "'.\n";
    return ExitOk;
}

int useKey(Context &context, const QStringList &positional)
{
    if (positional.size() != 2)
        return fail(QStringLiteral("use needs exactly one NAME"), ExitUsage);
    const QString name = positional.at(1);
    const QString previous = context.store->activeName();
    QString error;
    if (!context.store->setActive(name, &error))
        return fail(error, ExitUsage);
    QJsonObject details{{QStringLiteral("previous"), previous}};
    if (context.parser->isSet(QStringLiteral("retire-previous")) && !previous.isEmpty() &&
        previous != name) {
        bool ok = false;
        const int days = context.parser->value(QStringLiteral("retire-previous")).toInt(&ok);
        if (!ok || days < 0)
            return fail(QStringLiteral("--retire-previous needs a number of days >= 0"), ExitUsage);
        const QDateTime retireAt = QDateTime::currentDateTimeUtc().addDays(days);
        if (!context.store->setRetireAt(previous, retireAt, &error))
            return fail(error);
        details.insert(QStringLiteral("previousRetireAt"), retireAt.toString(Qt::ISODate));
        CliIo::out() << "Key '" << previous << "' retires at " << retireAt.toString(Qt::ISODate)
                     << " ('voiceai-cli keys prune' deletes it then).\n";
    }
    audit(context, QStringLiteral("key.use"), name, details);
    CliIo::out() << "Active key: " << name << '\n';
    return ExitOk;
}

int showLog(Context &context)
{
    bool ok = false;
    const int limit = context.parser->value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 0)
        return fail(QStringLiteral("--limit needs a number of 0 or more"), ExitUsage);
    KeyAccessLog log(context.dataDir, context.settings.keyAccessLogMaxBytes);
    const QList<KeyAccessEntry> entries = log.entries(limit);
    if (context.parser->isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const KeyAccessEntry &entry : entries)
            list.append(entry.toJson());
        CliIo::out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const KeyAccessEntry &entry : entries)
        CliIo::out()
            << entry.time.toString(Qt::ISODateWithMs) << "  " << entry.feature.leftJustified(16)
            << ' '
            << (entry.keyName.isEmpty() ? QStringLiteral("-") : entry.keyName).leftJustified(16)
            << ' ' << entry.source << '\n';
    if (entries.isEmpty())
        CliIo::out() << "The key access log is empty.\n";
    return ExitOk;
}

int validate(Context &context, const QStringList &positional)
{
    const QString name = positional.value(1, context.store->activeName());
    if (name.isEmpty())
        return fail(QStringLiteral("no NAME given and no active key"), ExitUsage);
    const std::optional<KeyMetadata> meta = context.store->key(name);
    if (!meta)
        return fail(QStringLiteral("there is no key named '%1'").arg(name), ExitUsage);
    if (!meta->baseUrl.isEmpty()) {
        const BaseUrlPolicy::Result check = BaseUrlPolicy::check(
            meta->baseUrl, context.parser->isSet(QStringLiteral("allow-insecure-http")));
        if (!check.isOk())
            return fail(check.message, ExitUsage);
    }
    QByteArray secret;
    const KeychainStatus status = runOperation(context.store->readSecret(name), &secret);
    if (!status.ok())
        return keychainFailure(status.code == KeychainStatus::Code::NotFound
                                   ? KeychainStatus::notFound(name)
                                   : status);
    const KeyValidation validation = validateKey(*meta, secret, context);
    secret.fill('\0');
    if (!validation.isValid())
        return fail(QStringLiteral("%1: %2").arg(validation.statusName(), validation.message),
                    validationExit(validation));
    CliIo::out() << name << ": " << validation.statusName() << " (" << validation.models.size()
                 << " models)\n";
    return ExitOk;
}

int prune(Context &context)
{
    const QStringList retired = context.store->retiredKeys(QDateTime::currentDateTimeUtc());
    if (retired.isEmpty()) {
        CliIo::out() << "No retired keys.\n";
        return ExitOk;
    }
    for (const QString &name : retired) {
        if (context.parser->isSet(QStringLiteral("dry-run"))) {
            CliIo::out() << "Would delete retired key '" << name << "'.\n";
            continue;
        }
        const KeychainStatus status = runOperation(context.store->remove(name));
        if (!status.ok())
            return keychainFailure(status);
        audit(context, QStringLiteral("key.prune"), name);
        CliIo::out() << "Deleted retired key '" << name << "'.\n";
    }
    return ExitOk;
}

void addOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list | add | remove | use | import-env | log | "
                                                "validate | prune"));
    auto valueOption = [&](const char *name, const char *help, const char *valueName) {
        parser.addOption(
            {QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(valueName)});
    };
    auto flag = [&](const char *name, const char *help) {
        parser.addOption({QString::fromLatin1(name), QString::fromLatin1(help)});
    };
    valueOption("data-dir", "Data folder (key access log, audit trail).", "DIR");
    valueOption("base-url", "add: API root including /v1 (or the Azure endpoint).", "URL");
    valueOption("org", "add: OpenAI organisation id.", "ORG");
    valueOption("project", "add: OpenAI project id.", "PROJECT");
    flag("azure", "add: an Azure OpenAI key (needs --api-version).");
    valueOption("api-version", "add: Azure api-version.", "VERSION");
    valueOption("retire-at", "add: when the key retires (ISO 8601).", "TIME");
    valueOption("retire-previous", "use: retire the previously active key in DAYS days.", "DAYS");
    flag("use", "add: make the key active.");
    flag("validate", "add/import-env: check the key with GET /models before storing it.");
    flag("allow-insecure-http", "Accept an http:// base URL that is not this computer.");
    flag("json", "list/log: print JSON.");
    flag("dry-run", "prune: only show what would be deleted.");
    parser.addOption({QStringLiteral("limit"), QStringLiteral("log: only the newest N entries."),
                      QStringLiteral("N"), QStringLiteral("50")});
}

} // namespace

int runKeysCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Manage the API keys in the OS keychain."));
    addOptions(parser);
    if (!parser.parse(arguments))
        return fail(parser.errorText(), ExitUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        CliIo::out() << Usage;
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action.isEmpty()) {
        CliIo::err() << Usage;
        return ExitUsage;
    }

    Context context;
    context.parser = &parser;
    context.dataDir = AppPaths::dataDir(parser.value(QStringLiteral("data-dir")));
    QString error;
    context.settings = SecuritySettings::load(AppPaths::configFile(), &error);
    if (!error.isEmpty())
        CliIo::err() << "voiceai-cli keys: warning: " << error << " (using defaults)\n";
    context.vault = std::make_unique<SecretVault>(serviceName());
    context.store = std::make_unique<KeyStore>(AppPaths::configDir(), context.vault.get());
    error.clear();
    if (!context.store->reload(&error))
        return fail(error);

    int result = ExitUsage;
    if (action == QLatin1String("list"))
        result = listKeys(context);
    else if (action == QLatin1String("add"))
        result = addKey(context, positional);
    else if (action == QLatin1String("remove"))
        result = removeKey(context, positional);
    else if (action == QLatin1String("use"))
        result = useKey(context, positional);
    else if (action == QLatin1String("import-env"))
        result = importEnv(context, positional);
    else if (action == QLatin1String("log"))
        result = showLog(context);
    else if (action == QLatin1String("validate"))
        result = validate(context, positional);
    else if (action == QLatin1String("prune"))
        result = prune(context);
    else
        result = fail(QStringLiteral("unknown action '%1'\n").arg(action) + Usage, ExitUsage);
    CliIo::out().flush();
    CliIo::err().flush();
    return result;
}
