#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One entry of the append-only audit trail. seq, prevHash and hash are set by the log:
// hash = SHA-256 (hex) over canonical(seq, time, actor, action, target, details, prevHash).
struct AuditRecord
{
    qint64 seq = 0;
    QDateTime time;
    QString actor;  // "supervisor:<name>", "system", "user:<login>"
    QString action; // e.g. "call.listen", "call.takeover", "prompt.promote", "key.add",
                    // "export.unmasked"
    QString target; // what was acted on: a call id, "prompt:name@3", a key name
    QJsonObject details;
    QString prevHash;
    QString hash;

    // The hash of the first record's predecessor.
    static QString genesisHash() { return QString(64, QLatin1Char('0')); }
    // The canonical hash; detailsJson is the compact JSON text of details as stored.
    static QString computeHash(qint64 seq, const QDateTime &time, const QString &actor,
                               const QString &action, const QString &target,
                               const QByteArray &detailsJson, const QString &prevHash);
};
