#pragma once

#include <QByteArray>
#include <QString>

// An API key and where it came from ("environment", "keychain:production", "none").
struct Credential
{
    QByteArray apiKey;
    QString source;

    bool isValid() const { return !apiKey.isEmpty(); }
};

// Supplies the API key for each request; the client asks once per attempt so rotation applies at
// once.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;
    // `feature` says who asks (ChatRequest::feature), for key access logs.
    virtual Credential credential(const QString &feature) = 0;
};
