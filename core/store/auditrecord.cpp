#include "store/auditrecord.h"

#include <QCryptographicHash>

QString AuditRecord::computeHash(qint64 seq, const QDateTime &time, const QString &actor,
                                 const QString &action, const QString &target,
                                 const QByteArray &detailsJson, const QString &prevHash)
{
    // Canonical form: a version tag, then each field as "<byte length>:<UTF-8 bytes>\n".
    // Length prefixes make the encoding unambiguous: no choice of field contents can make
    // two different records serialise to the same bytes.
    QByteArray canonical("voiceai-audit-v1\n");
    auto field = [&canonical](const QByteArray &bytes) {
        canonical += QByteArray::number(bytes.size()) + ':' + bytes + '\n';
    };
    field(QByteArray::number(seq));
    field(QByteArray::number(time.toMSecsSinceEpoch()));
    field(actor.toUtf8());
    field(action.toUtf8());
    field(target.toUtf8());
    field(detailsJson);
    field(prevHash.toLatin1());
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}
