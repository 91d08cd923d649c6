#pragma once

#include "openai/clientsettings.h"
#include "secrets/keyvalidation.h"

#include <QObject>
#include <QPointer>

#include <memory>

class FixedCredentialProvider;
class KeyAccessLog;
class ModelsCall;
class OpenAIClient;
struct ModelsResult;

// Checks a key with one cheap request (GET /models) without blocking: valid,
// invalid key, no network, or another error with the server's message.
// A new validate() drops the result of a previous one still running.
class KeyValidator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValidator)

public:
    explicit KeyValidator(KeyAccessLog *log = nullptr, QObject *parent = nullptr);
    ~KeyValidator() override;

    // `keyName` is only for the access log ("" for a key not stored yet).
    void validate(const ClientSettings &settings, const QByteArray &key,
                  const QString &keyName = {});
    bool isRunning() const { return !m_call.isNull(); }

    static KeyValidation fromResult(const ModelsResult &result);

signals:
    void finished(const KeyValidation &validation);

private:
    void release();

    KeyAccessLog *m_log;
    std::unique_ptr<FixedCredentialProvider> m_credentials;
    std::unique_ptr<OpenAIClient> m_client;
    QPointer<ModelsCall> m_call;
};
