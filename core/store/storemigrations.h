#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The database schema as ordered, numbered steps. Each step runs in its own transaction and
// records its number in schema_version, so a database is always at one known version.
class StoreMigrations
{
public:
    static int latestVersion();
    // The version recorded in the database (0 for an empty one), -1 if unreadable.
    static int currentVersion(QSqlDatabase db, QString *error);
    // Brings the database to targetVersion (0 = latest). Refuses a database newer than this
    // program knows, and a database without FTS5 support.
    static bool migrate(QSqlDatabase db, int targetVersion, QString *error);
    // Whether this SQLite build has the FTS5 extension.
    static bool hasFts5(QSqlDatabase db);

private:
    struct Step
    {
        int version;
        const char *description;
        QStringList statements;
    };
    static const QList<Step> &steps();
};
