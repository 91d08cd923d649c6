#pragma once

#include <QString>

// The outcome of walking the audit chain: ok, or the first record that does not fit.
struct AuditVerification
{
    bool ok = false;
    qint64 checked = 0;     // records checked
    qint64 firstBadSeq = 0; // 0 when ok
    QString message;
};
