#include "secrets/keyaccesslog.h"

#include "common/apppaths.h"
#include "secrets/secretslog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace {

constexpr auto OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

void readInto(const QString &path, QList<KeyAccessEntry> *out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        // A torn last line (crash mid-write) is skipped rather than failing the whole log.
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject())
            continue;
        if (const auto entry = KeyAccessEntry::fromJson(document.object()))
            out->append(*entry);
    }
}

} // namespace

KeyAccessLog::KeyAccessLog(const QString &dataDir, qint64 maxBytes, QObject *parent)
    : QObject(parent)
    , m_path(QDir(dataDir).filePath(fileName()))
    , m_maxBytes(qMax<qint64>(maxBytes, 1024))
{}

bool KeyAccessLog::append(const KeyAccessEntry &entry)
{
    QByteArray line = QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact);
    line.append('\n');
    {
        QMutexLocker locker(&m_mutex);
        const QString dir = QFileInfo(m_path).absolutePath();
        if (!QFileInfo::exists(dir) && !AppPaths::ensurePrivateDir(dir)) {
            qCWarning(lcSecrets) << "key access log: cannot create" << dir;
            return false;
        }
        rotateIfNeeded(line.size());
        QFile file(m_path);
        const bool existed = file.exists();
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
            qCWarning(lcSecrets) << "key access log: cannot open" << m_path << file.errorString();
            return false;
        }
        if (!existed)
            file.setPermissions(OwnerOnly);
        if (file.write(line) != line.size()) {
            qCWarning(lcSecrets) << "key access log: write failed" << file.errorString();
            return false;
        }
    }
    emit appended(entry);
    return true;
}

QList<KeyAccessEntry> KeyAccessLog::entries(int limit) const
{
    QMutexLocker locker(&m_mutex);
    QList<KeyAccessEntry> all;
    readInto(rotatedFilePath(), &all);
    readInto(m_path, &all);
    if (limit > 0 && all.size() > limit)
        all = all.mid(all.size() - limit);
    return all;
}

void KeyAccessLog::rotateIfNeeded(qint64 incoming)
{
    const QFileInfo info(m_path);
    if (!info.exists() || info.size() + incoming <= m_maxBytes)
        return;
    QFile::remove(rotatedFilePath());
    if (!QFile::rename(m_path, rotatedFilePath()))
        qCWarning(lcSecrets) << "key access log: rotation failed for" << m_path;
}
