#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// One read of an API key: when, by which feature, which key and from where. Never the key.
struct KeyAccessEntry
{
    QDateTime time;
    QString feature; // ChatRequest::feature: "call", "summary", "chat-cli", "key-validation"...
    QString keyName; // the keychain name, or empty for the environment / no key
    QString source;  // Credential::source: "keychain:production", "environment", "none"

    QJsonObject toJson() const;
    static std::optional<KeyAccessEntry> fromJson(const QJsonObject &object);
};
