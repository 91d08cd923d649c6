#pragma once

#include "store/usagefilter.h"
#include "store/usagerecord.h"

#include <QList>

// One usage record per API request, for cost dashboards and spike detection.
class UsageStore
{
public:
    virtual ~UsageStore() = default;

    virtual bool recordUsage(const UsageRecord &record) = 0;
    virtual QList<UsageRecord> usage(const UsageFilter &filter) const = 0;

    virtual QString lastError() const = 0;
};
