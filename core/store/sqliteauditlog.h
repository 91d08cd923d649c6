#pragma once

#include "store/auditlog.h"

class StoreDatabase;

// AuditLog over the audit_log table of a StoreDatabase (append-only by triggers too).
class SqliteAuditLog final : public AuditLog
{
public:
    explicit SqliteAuditLog(const StoreDatabase &db);

    bool append(const AuditRecord &record) override;
    QList<AuditRecord> records(int limit = 0) const override;
    AuditVerification verify() const override;
    QString lastError() const override;

private:
    const StoreDatabase &m_db;
};
