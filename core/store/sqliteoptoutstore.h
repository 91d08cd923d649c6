#pragma once

#include "store/optoutstore.h"

class StoreDatabase;

// OptOutStore over the opt_outs table of a StoreDatabase.
class SqliteOptOutStore final : public OptOutStore
{
public:
    explicit SqliteOptOutStore(const StoreDatabase &db);

    bool recordOptOut(const QString &customerId, const QString &contact, const QString &callId,
                      const QDateTime &time) override;
    bool isOptedOut(const QString &customerId) const override;
    QString lastError() const override;

private:
    const StoreDatabase &m_db;
};
