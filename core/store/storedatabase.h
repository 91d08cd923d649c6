#pragma once

#include <map>
#include <memory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

// One SQLite connection (unique name per instance) with the store's pragmas, migrations,
// a cache of prepared statements and the last error, shared by the Sqlite*Store classes.
class StoreDatabase
{
public:
    // Opens filePath. With create = false a missing file is an error instead of a new database.
    // targetVersion 0 = migrate to the latest schema (tests pass a lower one).
    static std::unique_ptr<StoreDatabase> open(const QString &filePath, bool create, QString *error,
                                               int targetVersion = 0);
    ~StoreDatabase();
    StoreDatabase(const StoreDatabase &) = delete;
    StoreDatabase &operator=(const StoreDatabase &) = delete;

    QSqlDatabase database() const;
    QString filePath() const { return m_filePath; }
    int schemaVersion() const;

    // A prepared statement, prepared once per connection and reused (bind values again).
    // Callers finish() SELECTs so that no read transaction stays open.
    QSqlQuery &prepared(const QString &sql) const;
    // A query that failed: records its error and returns false.
    bool fail(const QSqlQuery &query, const QString &what) const;
    void setError(const QString &message) const;
    QString lastError() const { return m_lastError; }

    // BEGIN IMMEDIATE: takes the write lock up front so that a read-then-write transaction
    // never has to be retried when another process writes at the same time.
    bool beginWrite() const;
    bool commit() const;
    void rollback() const;

    // Applies owner-only permissions to the database file and its -wal/-shm companions.
    void restrictFilePermissions() const;

private:
    StoreDatabase(QString connectionName, QString filePath);
    bool exec(const QString &sql, QString *error) const;

    QString m_connectionName;
    QString m_filePath;
    mutable std::map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    mutable QString m_lastError;
};
