#pragma once

#include "store/auditlog.h"
#include "store/callstore.h"
#include "store/optoutstore.h"
#include "store/promptstore.h"
#include "store/usagestore.h"

#include <memory>
#include <QString>

class StoreDatabase;
class SqliteCallStore;
class SqliteUsageStore;
class SqlitePromptStore;
class SqliteAuditLog;
class SqliteOptOutStore;

// All stores over one SQLite database (voiceai.sqlite in the data folder; WAL, versioned
// migrations, owner-only file). Use it from the thread that opened it; other processes may
// open the same file at the same time.
class SqliteStore final : public CallStore,
                          public UsageStore,
                          public PromptStore,
                          public AuditLog,
                          public OptOutStore
{
public:
    static constexpr const char *FileName = "voiceai.sqlite";

    // Opens (creating and migrating if needed) dataDir/voiceai.sqlite. On failure returns
    // nullptr and says why in *error (e.g. a database from a newer version, no FTS5).
    static std::unique_ptr<SqliteStore> open(const QString &dataDir, QString *error);
    // Opens an existing database only (for read-only tools: nothing is created).
    static std::unique_ptr<SqliteStore> openExisting(const QString &dataDir, QString *error);
    ~SqliteStore() override;

    QString filePath() const;
    int schemaVersion() const;
    static int latestSchemaVersion();

    // Small key/value settings kept with the data (e.g. "retention.days").
    QString setting(const QString &key, const QString &defaultValue = {}) const;
    bool setSetting(const QString &key, const QString &value);
    // deleteCallsOlderThan(setting "retention.days") if that is set and > 0; else 0.
    int applyRetention();

    // CallStore
    bool createCall(const CallRecord &call) override;
    bool appendEvents(const QList<CallEvent> &events) override;
    QList<CallEvent> events(const QString &callId) const override;
    qint64 lastSeq(const QString &callId) const override;
    std::optional<CallRecord> call(const QString &id) const override;
    QList<CallRecord> listCalls(const CallFilter &filter) const override;
    QList<SearchHit> search(const QString &text, int limit) const override;
    bool finishCall(const QString &id, const QString &endReason, const CallTotals &totals) override;
    int markInterruptedCalls() override;
    int deleteCallsOlderThan(int days) override;

    // UsageStore
    bool recordUsage(const UsageRecord &record) override;
    QList<UsageRecord> usage(const UsageFilter &filter) const override;

    // PromptStore
    std::optional<PromptVersion> latest(const QString &name) const override;
    std::optional<PromptVersion> version(const QString &name, int version) const override;
    std::optional<PromptVersion> labelled(const QString &name, const QString &label) const override;
    int addVersion(const PromptVersion &prompt) override;
    QList<PromptVersion> versions(const QString &name) const override;
    QStringList promptNames() const override;
    bool setLabels(const QString &name, int version, const QStringList &labels) override;

    // AuditLog
    bool append(const AuditRecord &record) override;
    QList<AuditRecord> records(int limit = 0) const override;
    AuditVerification verify() const override;

    // OptOutStore
    bool recordOptOut(const QString &customerId, const QString &contact, const QString &callId,
                      const QDateTime &time) override;
    bool isOptedOut(const QString &customerId) const override;

    // The last error of any of the stores above.
    QString lastError() const override;

private:
    explicit SqliteStore(std::unique_ptr<StoreDatabase> database);
    static std::unique_ptr<SqliteStore> openImpl(const QString &dataDir, bool create,
                                                 QString *error);

    std::unique_ptr<StoreDatabase> m_db;
    std::unique_ptr<SqliteCallStore> m_calls;
    std::unique_ptr<SqliteUsageStore> m_usage;
    std::unique_ptr<SqlitePromptStore> m_prompts;
    std::unique_ptr<SqliteAuditLog> m_audit;
    std::unique_ptr<SqliteOptOutStore> m_optOuts;
};
