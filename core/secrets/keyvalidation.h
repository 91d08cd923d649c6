#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

// The verdict on one API key: can it list models at its base URL?
struct KeyValidation
{
    enum class Status { Valid, InvalidKey, NoNetwork, Error };

    Status status = Status::Error;
    QString message; // for the user; never contains the key
    int httpStatus = 0;
    QStringList models;

    bool isValid() const { return status == Status::Valid; }
    // "valid", "invalid key", "no network", "error"
    QString statusName() const;
};

Q_DECLARE_METATYPE(KeyValidation)
