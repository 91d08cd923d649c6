#pragma once

#include "store/auditrecord.h"
#include "store/auditverification.h"

#include <QList>

// The append-only, hash-chained trail of supervisor and security actions.
// There is deliberately no way to change or remove a record.
class AuditLog
{
public:
    virtual ~AuditLog() = default;

    // Appends actor, action, target, details (time defaults to now); seq and hashes are set
    // here. False on error.
    virtual bool append(const AuditRecord &record) = 0;
    // Oldest first; limit 0 = all, otherwise the newest `limit` records.
    virtual QList<AuditRecord> records(int limit = 0) const = 0;
    // Walks the whole chain and names the first record that does not fit.
    virtual AuditVerification verify() const = 0;

    virtual QString lastError() const = 0;
};
