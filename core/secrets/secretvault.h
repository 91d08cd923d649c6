#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class SecretOperation;

// Asynchronous access to the OS keychain through QtKeychain: one entry per key
// name under one service. Never falls back to storing secrets in plain text.
class SecretVault final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretVault)

public:
    static constexpr const char *DefaultService = "voiceai-supervisor";

    explicit SecretVault(const QString &service = QString::fromLatin1(DefaultService),
                         QObject *parent = nullptr);

    QString service() const { return m_service; }

    // Each returns a handler owned by the caller (deleteLater after finished).
    SecretOperation *read(const QString &name);
    SecretOperation *write(const QString &name, const QByteArray &secret);
    SecretOperation *remove(const QString &name);

private:
    QString m_service;
};
