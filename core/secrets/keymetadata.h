#pragma once

#include "openai/clientsettings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

// What VoiceAI knows about one named API key besides the secret itself (which
// lives only in the OS keychain): where it is used and when it retires.
struct KeyMetadata
{
    QString name;
    QUrl baseUrl; // empty: the default API root
    QString organization;
    QString project;
    bool azure = false;
    QString azureApiVersion;
    QDateTime createdAt;
    QDateTime retireAt; // invalid: keep until removed

    // Whole days since createdAt (0 when createdAt is unknown).
    qint64 ageDays(const QDateTime &now) const;
    bool isRetired(const QDateTime &now) const;

    // `base` with this key's base URL, organisation, project and Azure settings.
    ClientSettings applyTo(ClientSettings base) const;

    QJsonObject toJson() const;
    static std::optional<KeyMetadata> fromJson(const QJsonObject &object, QString *error);
    // Names are keychain entry names and CLI arguments: letters, digits, '-', '_', '.'.
    static bool isValidName(const QString &name);
};
