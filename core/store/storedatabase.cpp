#include "store/storedatabase.h"

#include "store/storelog.h"
#include "store/storemigrations.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("voiceai-store-%1-%2")
        .arg(QCoreApplication::applicationPid())
        .arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

StoreDatabase::StoreDatabase(QString connectionName, QString filePath)
    : m_connectionName(std::move(connectionName))
    , m_filePath(std::move(filePath))
{}

StoreDatabase::~StoreDatabase()
{
    // Statements must go before the connection, or Qt warns and SQLite keeps the file busy.
    m_statements.clear();
    {
        QSqlDatabase db = database();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<StoreDatabase> StoreDatabase::open(const QString &filePath, bool create,
                                                   QString *error, int targetVersion)
{
    auto setError = [error](const QString &message) {
        if (error)
            *error = message;
    };
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        setError(QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"));
        return nullptr;
    }
    const QFileInfo info(filePath);
    if (!info.exists()) {
        if (!create) {
            setError(QStringLiteral("no database at %1").arg(filePath));
            return nullptr;
        }
        // Create the file owner-only before SQLite touches it: SQLite gives the -wal and
        // -shm files the same mode as the database file.
        QFile file(filePath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnly) && !file.exists()) {
            setError(QStringLiteral("cannot create %1: %2").arg(filePath, file.errorString()));
            return nullptr;
        }
    } else if (!info.isReadable()) {
        setError(QStringLiteral("cannot read the database %1 (permission denied)").arg(filePath));
        return nullptr;
    }

    std::unique_ptr<StoreDatabase> store(new StoreDatabase(nextConnectionName(), filePath));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
        db.setDatabaseName(filePath);
        // Another process may hold the write lock for a moment (WAL allows one writer).
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            setError(QStringLiteral("cannot open %1: %2").arg(filePath, db.lastError().text()));
            return nullptr;
        }
    }
    store->restrictFilePermissions();

    QString message;
    // WAL: readers never block the writer and another process can read while we write.
    // synchronous=NORMAL: a commit has been written into the WAL file (handed to the OS)
    // before COMMIT returns; only the fsync is deferred to checkpoints. A killed process
    // (even kill -9) therefore loses nothing it committed: the data is in the kernel's page
    // cache and reaches the disk without the process. Only an OS crash or power loss can
    // drop the last few commits, and even then the database stays consistent.
    QSqlQuery mode(store->database());
    if (!mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !mode.next()) {
        setError(QStringLiteral("%1 is not a usable SQLite database: %2")
                     .arg(filePath, mode.lastError().text()));
        return nullptr;
    }
    if (mode.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        setError(QStringLiteral("cannot switch %1 to WAL mode (got '%2')")
                     .arg(filePath, mode.value(0).toString()));
        return nullptr;
    }
    mode.finish();
    if (!store->exec(QStringLiteral("PRAGMA synchronous=NORMAL"), &message) ||
        !store->exec(QStringLiteral("PRAGMA foreign_keys=ON"), &message) ||
        !store->exec(QStringLiteral("PRAGMA busy_timeout=5000"), &message)) {
        setError(QStringLiteral("cannot configure %1: %2").arg(filePath, message));
        return nullptr;
    }
    if (!StoreMigrations::migrate(store->database(), targetVersion, &message)) {
        setError(QStringLiteral("%1: %2").arg(filePath, message));
        return nullptr;
    }
    store->restrictFilePermissions();
    qCDebug(lcStore) << "opened" << filePath << "schema" << store->schemaVersion();
    return store;
}

QSqlDatabase StoreDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int StoreDatabase::schemaVersion() const
{
    QString ignored;
    return StoreMigrations::currentVersion(database(), &ignored);
}

bool StoreDatabase::exec(const QString &sql, QString *error) const
{
    QSqlQuery query(database());
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

QSqlQuery &StoreDatabase::prepared(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it->second;
    auto query = std::make_unique<QSqlQuery>(database());
    if (!query->prepare(sql))
        qCWarning(lcStore) << "cannot prepare" << sql << query->lastError().text();
    return *m_statements.emplace(sql, std::move(query)).first->second;
}

bool StoreDatabase::fail(const QSqlQuery &query, const QString &what) const
{
    // databaseText is SQLite's own message; text() appends Qt's generic "Unable to fetch row".
    const QSqlError error = query.lastError();
    setError(QStringLiteral("%1: %2").arg(
        what, error.databaseText().isEmpty() ? error.text() : error.databaseText()));
    qCWarning(lcStore).noquote() << m_lastError;
    return false;
}

void StoreDatabase::setError(const QString &message) const
{
    m_lastError = message;
}

// BEGIN/COMMIT are prepared once too: at one event per transaction, parsing them is a
// noticeable share of the cost.
bool StoreDatabase::beginWrite() const
{
    QSqlQuery &q = prepared(QStringLiteral("BEGIN IMMEDIATE"));
    if (q.exec())
        return true;
    return fail(q, QStringLiteral("cannot start a transaction"));
}

bool StoreDatabase::commit() const
{
    QSqlQuery &q = prepared(QStringLiteral("COMMIT"));
    if (q.exec())
        return true;
    fail(q, QStringLiteral("cannot commit"));
    rollback();
    return false;
}

void StoreDatabase::rollback() const
{
    prepared(QStringLiteral("ROLLBACK")).exec();
}

void StoreDatabase::restrictFilePermissions() const
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString path = m_filePath + suffix;
        if (QFile::exists(path) && QFile::permissions(path) != OwnerOnly)
            QFile::setPermissions(path, OwnerOnly);
    }
}
