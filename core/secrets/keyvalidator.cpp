#include "secrets/keyvalidator.h"

#include "common/secretmasker.h"
#include "openai/modelscall.h"
#include "openai/openaiclient.h"
#include "secrets/fixedcredentialprovider.h"
#include "secrets/secretslog.h"

KeyValidator::KeyValidator(KeyAccessLog *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
{}

KeyValidator::~KeyValidator()
{
    release();
}

void KeyValidator::release()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
    }
    m_call.clear();
    // The client owns the network manager the old reply lives on; let it go after the reply.
    if (m_client)
        m_client.release()->deleteLater();
    m_credentials.reset();
}

void KeyValidator::validate(const ClientSettings &settings, const QByteArray &key,
                            const QString &keyName)
{
    release();
    m_credentials = std::make_unique<FixedCredentialProvider>(key, keyName, m_log);
    m_client = std::make_unique<OpenAIClient>(settings, m_credentials.get(), PriceTable(), nullptr);
    ModelsCall *call = m_client->listModels(QStringLiteral("key-validation"));
    m_call = call;
    connect(call, &ModelsCall::finished, this, [this, call](const ModelsResult &result) {
        if (call != m_call)
            return;
        KeyValidation validation = fromResult(result);
        // The API quotes part of a rejected key in its message ("Incorrect API key provided:
        // sk-...").
        validation.message = SecretMasker::mask(validation.message);
        qCInfo(lcSecrets).noquote() << QStringLiteral("key validation: %1 (HTTP %2)")
                                           .arg(validation.statusName())
                                           .arg(validation.httpStatus);
        m_call.clear();
        call->deleteLater();
        emit finished(validation);
    });
}

KeyValidation KeyValidator::fromResult(const ModelsResult &result)
{
    KeyValidation validation;
    validation.httpStatus = result.httpStatus;
    if (result.ok) {
        validation.status = KeyValidation::Status::Valid;
        validation.models = result.ids;
        validation.message =
            QStringLiteral("the key is valid (%1 models available)").arg(result.ids.size());
        return validation;
    }
    switch (result.error.type) {
    case ChatErrorType::Authentication:
        validation.status = KeyValidation::Status::InvalidKey;
        validation.message = QStringLiteral("the API rejected the key (HTTP %1): %2")
                                 .arg(result.httpStatus)
                                 .arg(result.error.message);
        break;
    case ChatErrorType::Network:
    case ChatErrorType::Timeout:
        validation.status = KeyValidation::Status::NoNetwork;
        validation.message =
            QStringLiteral("the API could not be reached: %1").arg(result.error.message);
        break;
    default:
        validation.status = KeyValidation::Status::Error;
        validation.message = QStringLiteral("the API answered with an error (%1, HTTP %2): %3")
                                 .arg(result.error.typeName())
                                 .arg(result.httpStatus)
                                 .arg(result.error.message);
        break;
    }
    return validation;
}
