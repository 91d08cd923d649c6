#include "store/storemigrations.h"

#include "store/storelog.h"

#include <QSqlError>
#include <QSqlQuery>

// Steps are append-only: a released step is never edited; a change is a new step.
const QList<StoreMigrations::Step> &StoreMigrations::steps()
{
    static const QList<Step> list = {
        {1,
         "calls, events, settings",
         {
             QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE calls (id TEXT PRIMARY KEY, started_at INTEGER NOT NULL,"
                 " ended_at INTEGER, state TEXT NOT NULL, end_reason TEXT NOT NULL DEFAULT '',"
                 " customer_name TEXT NOT NULL DEFAULT '', customer_id TEXT NOT NULL DEFAULT '',"
                 " campaign TEXT NOT NULL DEFAULT '', purpose TEXT NOT NULL DEFAULT '',"
                 " language TEXT NOT NULL DEFAULT '', prompt_name TEXT NOT NULL DEFAULT '',"
                 " prompt_version INTEGER NOT NULL DEFAULT 0,"
                 " context_json TEXT NOT NULL DEFAULT '{}', turns INTEGER NOT NULL DEFAULT 0,"
                 " prompt_tokens INTEGER NOT NULL DEFAULT 0,"
                 " completion_tokens INTEGER NOT NULL DEFAULT 0,"
                 " cost_usd REAL NOT NULL DEFAULT 0, owner_pid INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX calls_started_at ON calls (started_at)"),
             QStringLiteral("CREATE INDEX calls_state ON calls (state)"),
             QStringLiteral("CREATE TABLE events (id INTEGER PRIMARY KEY,"
                            " call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
                            " seq INTEGER NOT NULL, time INTEGER NOT NULL, actor TEXT NOT NULL,"
                            " kind TEXT NOT NULL, payload TEXT NOT NULL DEFAULT '{}',"
                            " UNIQUE (call_id, seq))"),
         }},
        {2,
         "full-text index over transcript text",
         {
             // rowid = events.id, so deleting an event (also through ON DELETE CASCADE)
             // removes its index entry in the trigger below.
             QStringLiteral("CREATE VIRTUAL TABLE transcript_fts USING fts5"
                            " (text, call_id UNINDEXED, seq UNINDEXED, kind UNINDEXED)"),
             QStringLiteral("CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
                            " DELETE FROM transcript_fts WHERE rowid = old.id; END"),
         }},
        {3,
         "usage, prompt versions, opt-outs",
         {
             QStringLiteral(
                 "CREATE TABLE usage (id INTEGER PRIMARY KEY, time INTEGER NOT NULL,"
                 " call_id TEXT NOT NULL DEFAULT '', model TEXT NOT NULL DEFAULT '',"
                 " prompt_tokens INTEGER NOT NULL DEFAULT 0,"
                 " completion_tokens INTEGER NOT NULL DEFAULT 0,"
                 " cost_usd REAL NOT NULL DEFAULT 0, latency_ms INTEGER NOT NULL DEFAULT 0,"
                 " ttft_ms INTEGER NOT NULL DEFAULT -1, success INTEGER NOT NULL DEFAULT 1,"
                 " error_type TEXT NOT NULL DEFAULT '', prompt_name TEXT NOT NULL DEFAULT '',"
                 " prompt_version INTEGER NOT NULL DEFAULT 0, feature TEXT NOT NULL DEFAULT '',"
                 " attempts INTEGER NOT NULL DEFAULT 1,"
                 " used_fallback INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX usage_time ON usage (time)"),
             QStringLiteral("CREATE INDEX usage_call_id ON usage (call_id)"),
             QStringLiteral(
                 "CREATE TABLE prompt_versions (name TEXT NOT NULL, version INTEGER NOT NULL,"
                 " body TEXT NOT NULL, context_template TEXT NOT NULL DEFAULT '',"
                 " created_at INTEGER NOT NULL, author TEXT NOT NULL DEFAULT '',"
                 " note TEXT NOT NULL DEFAULT '', labels TEXT NOT NULL DEFAULT '[]',"
                 " PRIMARY KEY (name, version))"),
             QStringLiteral("CREATE TABLE opt_outs (customer_id TEXT PRIMARY KEY,"
                            " contact TEXT NOT NULL DEFAULT '', call_id TEXT NOT NULL DEFAULT '',"
                            " time INTEGER NOT NULL)"),
         }},
        {4,
         "append-only audit log",
         {
             QStringLiteral("CREATE TABLE audit_log (seq INTEGER PRIMARY KEY,"
                            " time INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,"
                            " target TEXT NOT NULL, details TEXT NOT NULL,"
                            " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"),
             // The program has no UPDATE/DELETE for the audit log; these make a direct edit
             // through SQLite fail too (a determined attacker can drop them, which the hash
             // chain then reveals).
             QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                            " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
             QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                            " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
         }},
    };
    return list;
}

int StoreMigrations::latestVersion()
{
    return steps().constLast().version;
}

bool StoreMigrations::hasFts5(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.voiceai_fts5_probe USING fts5(x)")))
        return false;
    query.exec(QStringLiteral("DROP TABLE temp.voiceai_fts5_probe"));
    return true;
}

int StoreMigrations::currentVersion(QSqlDatabase db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                   "name = 'schema_version'")) ||
        !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    if (query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(QStringLiteral("SELECT max(version) FROM schema_version")) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

bool StoreMigrations::migrate(QSqlDatabase db, int targetVersion, QString *error)
{
    const int target = targetVersion > 0 ? targetVersion : latestVersion();
    if (!hasFts5(db)) {
        *error = QStringLiteral("this SQLite library lacks the FTS5 extension, which transcript"
                                " search needs; install an SQLite built with FTS5");
        return false;
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version"
                                   " (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL,"
                                   " description TEXT NOT NULL)"))) {
        *error = QStringLiteral("not a usable database: %1").arg(query.lastError().text());
        return false;
    }
    for (const Step &step : steps()) {
        if (step.version > target)
            break;
        // Read the version inside the write transaction: another process may be migrating.
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            *error = QStringLiteral("cannot lock the database: %1").arg(query.lastError().text());
            return false;
        }
        const int current = currentVersion(db, error);
        if (current < 0) {
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
        if (current > latestVersion()) {
            query.exec(QStringLiteral("ROLLBACK"));
            *error = QStringLiteral("the database has schema version %1, newer than this program"
                                    " knows (%2); use a newer VoiceAI Supervisor")
                         .arg(current)
                         .arg(latestVersion());
            return false;
        }
        if (current >= step.version) {
            query.exec(QStringLiteral("ROLLBACK"));
            continue;
        }
        for (const QString &statement : step.statements) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("migration %1 (%2) failed: %3")
                             .arg(step.version)
                             .arg(QLatin1String(step.description), query.lastError().text());
                query.exec(QStringLiteral("ROLLBACK"));
                return false;
            }
        }
        query.prepare(QStringLiteral("INSERT INTO schema_version (version, applied_at,"
                                     " description) VALUES (?, strftime('%s', 'now'), ?)"));
        query.addBindValue(step.version);
        query.addBindValue(QString::fromLatin1(step.description));
        if (!query.exec() || !query.exec(QStringLiteral("COMMIT"))) {
            *error = QStringLiteral("migration %1 failed: %2")
                         .arg(step.version)
                         .arg(query.lastError().text());
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
        qCDebug(lcStore) << "migrated database to schema version" << step.version;
    }
    // A database newer than us with nothing left to apply still has to be refused.
    const int current = currentVersion(db, error);
    if (current > latestVersion()) {
        *error = QStringLiteral("the database has schema version %1, newer than this program"
                                " knows (%2); use a newer VoiceAI Supervisor")
                     .arg(current)
                     .arg(latestVersion());
        return false;
    }
    return current >= 0;
}
