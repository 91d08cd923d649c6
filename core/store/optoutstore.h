#pragma once

#include <QDateTime>
#include <QString>

// The do-not-call list: customers who asked not to be called again.
class OptOutStore
{
public:
    virtual ~OptOutStore() = default;

    // Records (or refreshes) the opt-out; `contact` is a phone number or name for people.
    virtual bool recordOptOut(const QString &customerId, const QString &contact,
                              const QString &callId, const QDateTime &time) = 0;
    // True also when the list cannot be read (fail closed; see lastError()).
    virtual bool isOptedOut(const QString &customerId) const = 0;

    virtual QString lastError() const = 0;
};
