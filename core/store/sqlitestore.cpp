#include "store/sqlitestore.h"

#include "common/apppaths.h"
#include "store/sqliteauditlog.h"
#include "store/sqlitecallstore.h"
#include "store/sqliteoptoutstore.h"
#include "store/sqlitepromptstore.h"
#include "store/sqliteusagestore.h"
#include "store/storedatabase.h"
#include "store/storemigrations.h"

#include <QDir>

namespace {
const QString RetentionKey = QStringLiteral("retention.days");
}

SqliteStore::SqliteStore(std::unique_ptr<StoreDatabase> database)
    : m_db(std::move(database))
    , m_calls(std::make_unique<SqliteCallStore>(*m_db))
    , m_usage(std::make_unique<SqliteUsageStore>(*m_db))
    , m_prompts(std::make_unique<SqlitePromptStore>(*m_db))
    , m_audit(std::make_unique<SqliteAuditLog>(*m_db))
    , m_optOuts(std::make_unique<SqliteOptOutStore>(*m_db))
{}

SqliteStore::~SqliteStore() = default;

std::unique_ptr<SqliteStore> SqliteStore::open(const QString &dataDir, QString *error)
{
    return openImpl(dataDir, true, error);
}

std::unique_ptr<SqliteStore> SqliteStore::openExisting(const QString &dataDir, QString *error)
{
    return openImpl(dataDir, false, error);
}

std::unique_ptr<SqliteStore> SqliteStore::openImpl(const QString &dataDir, bool create,
                                                   QString *error)
{
    if (dataDir.isEmpty()) {
        if (error)
            *error = QStringLiteral("no data folder given");
        return nullptr;
    }
    // The folder holds transcripts with personal data: owner-only, like the file itself,
    // also when it already existed with a looser mode (the safer direction).
    if (create && !AppPaths::ensurePrivateDir(dataDir)) {
        if (error)
            *error = QStringLiteral("cannot create the data folder %1").arg(dataDir);
        return nullptr;
    }
    auto db = StoreDatabase::open(QDir(dataDir).filePath(QLatin1String(FileName)), create, error);
    if (!db)
        return nullptr;
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(db)));
}

QString SqliteStore::filePath() const
{
    return m_db->filePath();
}

int SqliteStore::schemaVersion() const
{
    return m_db->schemaVersion();
}

int SqliteStore::latestSchemaVersion()
{
    return StoreMigrations::latestVersion();
}

QString SqliteStore::setting(const QString &key, const QString &defaultValue) const
{
    QSqlQuery &q = m_db->prepared(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.bindValue(0, key);
    QString value = defaultValue;
    if (!q.exec())
        m_db->fail(q, QStringLiteral("cannot read setting %1").arg(key));
    else if (q.next())
        value = q.value(0).toString();
    q.finish();
    return value;
}

bool SqliteStore::setSetting(const QString &key, const QString &value)
{
    QSqlQuery &q = m_db->prepared(
        QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    q.bindValue(0, key);
    q.bindValue(1, value);
    if (!q.exec())
        return m_db->fail(q, QStringLiteral("cannot save setting %1").arg(key));
    return true;
}

int SqliteStore::applyRetention()
{
    bool ok = false;
    const int days = setting(RetentionKey).toInt(&ok);
    if (!ok || days <= 0)
        return 0;
    return deleteCallsOlderThan(days);
}

QString SqliteStore::lastError() const
{
    return m_db->lastError();
}

// CallStore
bool SqliteStore::createCall(const CallRecord &call)
{
    return m_calls->createCall(call);
}
bool SqliteStore::appendEvents(const QList<CallEvent> &events)
{
    return m_calls->appendEvents(events);
}
QList<CallEvent> SqliteStore::events(const QString &callId) const
{
    return m_calls->events(callId);
}
qint64 SqliteStore::lastSeq(const QString &callId) const
{
    return m_calls->lastSeq(callId);
}
std::optional<CallRecord> SqliteStore::call(const QString &id) const
{
    return m_calls->call(id);
}
QList<CallRecord> SqliteStore::listCalls(const CallFilter &filter) const
{
    return m_calls->listCalls(filter);
}
QList<SearchHit> SqliteStore::search(const QString &text, int limit) const
{
    return m_calls->search(text, limit);
}
bool SqliteStore::finishCall(const QString &id, const QString &endReason, const CallTotals &totals)
{
    return m_calls->finishCall(id, endReason, totals);
}
int SqliteStore::markInterruptedCalls()
{
    return m_calls->markInterruptedCalls();
}
int SqliteStore::deleteCallsOlderThan(int days)
{
    return m_calls->deleteCallsOlderThan(days);
}

// UsageStore
bool SqliteStore::recordUsage(const UsageRecord &record)
{
    return m_usage->recordUsage(record);
}
QList<UsageRecord> SqliteStore::usage(const UsageFilter &filter) const
{
    return m_usage->usage(filter);
}

// PromptStore
std::optional<PromptVersion> SqliteStore::latest(const QString &name) const
{
    return m_prompts->latest(name);
}
std::optional<PromptVersion> SqliteStore::version(const QString &name, int version) const
{
    return m_prompts->version(name, version);
}
std::optional<PromptVersion> SqliteStore::labelled(const QString &name, const QString &label) const
{
    return m_prompts->labelled(name, label);
}
int SqliteStore::addVersion(const PromptVersion &prompt)
{
    return m_prompts->addVersion(prompt);
}
QList<PromptVersion> SqliteStore::versions(const QString &name) const
{
    return m_prompts->versions(name);
}
QStringList SqliteStore::promptNames() const
{
    return m_prompts->promptNames();
}
bool SqliteStore::setLabels(const QString &name, int version, const QStringList &labels)
{
    return m_prompts->setLabels(name, version, labels);
}

// AuditLog
bool SqliteStore::append(const AuditRecord &record)
{
    return m_audit->append(record);
}
QList<AuditRecord> SqliteStore::records(int limit) const
{
    return m_audit->records(limit);
}
AuditVerification SqliteStore::verify() const
{
    return m_audit->verify();
}

// OptOutStore
bool SqliteStore::recordOptOut(const QString &customerId, const QString &contact,
                               const QString &callId, const QDateTime &time)
{
    return m_optOuts->recordOptOut(customerId, contact, callId, time);
}
bool SqliteStore::isOptedOut(const QString &customerId) const
{
    return m_optOuts->isOptedOut(customerId);
}
