#include "secrets/keyvalidation.h"

QString KeyValidation::statusName() const
{
    switch (status) {
    case Status::Valid:
        return QStringLiteral("valid");
    case Status::InvalidKey:
        return QStringLiteral("invalid key");
    case Status::NoNetwork:
        return QStringLiteral("no network");
    case Status::Error:
        break;
    }
    return QStringLiteral("error");
}
