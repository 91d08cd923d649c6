#pragma once

#include "secrets/keyaccessentry.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

// The key access log: an append-only JSON-lines file (key-access.jsonl in the data
// folder, owner-only). When it grows beyond maxBytes it is rotated to
// key-access.jsonl.1 (one generation kept), so the disk use stays bounded.
class KeyAccessLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyAccessLog)

public:
    static constexpr qint64 DefaultMaxBytes = 1024 * 1024;
    static QString fileName() { return QStringLiteral("key-access.jsonl"); }

    explicit KeyAccessLog(const QString &dataDir, qint64 maxBytes = DefaultMaxBytes,
                          QObject *parent = nullptr);

    QString filePath() const { return m_path; }
    QString rotatedFilePath() const { return m_path + QStringLiteral(".1"); }

    // Appends one line. Returns false (and logs why) when the file cannot be written.
    bool append(const KeyAccessEntry &entry);
    // Oldest first, from the rotated file and the current one; limit > 0 keeps the newest.
    QList<KeyAccessEntry> entries(int limit = 0) const;

signals:
    void appended(const KeyAccessEntry &entry);

private:
    void rotateIfNeeded(qint64 incoming);

    QString m_path;
    qint64 m_maxBytes;
    mutable QMutex m_mutex;
};
