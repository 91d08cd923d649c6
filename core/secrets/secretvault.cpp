#include "secrets/secretvault.h"

#include "secrets/secretoperation.h"
#include "secrets/secretslog.h"

#include <qt6keychain/keychain.h>

namespace {

// Starts `job` and completes `operation` from its result. The job deletes itself.
void run(QKeychain::Job *job, SecretOperation *operation, const QString &what)
{
    // A plain-text fallback would defeat the point of the keychain.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    QObject::connect(
        job, &QKeychain::Job::finished, operation, [operation, what](QKeychain::Job *done) {
            QByteArray secret;
            if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                secret = reader->binaryData();
            const KeychainStatus status =
                KeychainStatus::fromBackend(done->error(), done->errorString());
            if (!status.ok() && status.code != KeychainStatus::Code::NotFound)
                qCWarning(lcSecrets) << what << "failed:" << status.codeName() << status.detail;
            operation->complete(status, secret);
            secret.fill('\0');
        });
    job->start();
}

} // namespace

SecretVault::SecretVault(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

SecretOperation *SecretVault::read(const QString &name)
{
    auto *operation = new SecretOperation;
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(name);
    run(job, operation, QStringLiteral("keychain read of '%1'").arg(name));
    return operation;
}

SecretOperation *SecretVault::write(const QString &name, const QByteArray &secret)
{
    auto *operation = new SecretOperation;
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(name);
    job->setBinaryData(secret);
    run(job, operation, QStringLiteral("keychain write of '%1'").arg(name));
    return operation;
}

SecretOperation *SecretVault::remove(const QString &name)
{
    auto *operation = new SecretOperation;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(name);
    run(job, operation, QStringLiteral("keychain delete of '%1'").arg(name));
    return operation;
}
