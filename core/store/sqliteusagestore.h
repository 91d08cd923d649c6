#pragma once

#include "store/usagestore.h"

class StoreDatabase;

// UsageStore over the usage table of a StoreDatabase.
class SqliteUsageStore final : public UsageStore
{
public:
    explicit SqliteUsageStore(const StoreDatabase &db);

    bool recordUsage(const UsageRecord &record) override;
    QList<UsageRecord> usage(const UsageFilter &filter) const override;
    QString lastError() const override;

private:
    const StoreDatabase &m_db;
};
