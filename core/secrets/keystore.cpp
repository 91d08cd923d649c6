#include "secrets/keystore.h"

#include "secrets/secretoperation.h"
#include "secrets/secretslog.h"
#include "secrets/secretvault.h"

#include <QDir>

KeyStore::KeyStore(const QString &configDir, SecretVault *vault, QObject *parent)
    : QObject(parent)
    , m_path(QDir(configDir).filePath(KeyCatalog::fileName()))
    , m_vault(vault)
{
    QString error;
    if (!reload(&error))
        qCWarning(lcSecrets) << "key metadata not loaded:" << error;
}

bool KeyStore::reload(QString *error)
{
    const bool ok = m_catalog.load(m_path, error);
    emit keysChanged();
    return ok;
}

std::optional<KeyMetadata> KeyStore::activeKey() const
{
    return m_catalog.key(m_catalog.activeName());
}

SecretOperation *KeyStore::add(const KeyMetadata &meta, const QByteArray &secret)
{
    auto *result = new SecretOperation;
    if (!KeyMetadata::isValidName(meta.name)) {
        KeychainStatus status;
        status.code = KeychainStatus::Code::Other;
        status.message = QStringLiteral("'%1' is not a valid key name (use letters, digits, '-', "
                                        "'_' or '.', at most 64)")
                             .arg(meta.name);
        result->complete(status);
        return result;
    }
    if (secret.trimmed().isEmpty()) {
        KeychainStatus status;
        status.code = KeychainStatus::Code::Other;
        status.message = QStringLiteral("the key is empty; nothing was stored");
        result->complete(status);
        return result;
    }
    SecretOperation *write = m_vault->write(meta.name, secret);
    connect(write, &SecretOperation::finished, result, [this, write, result, meta] {
        write->deleteLater();
        KeychainStatus status = write->status();
        if (status.ok()) {
            KeyMetadata stored = meta;
            if (!stored.createdAt.isValid())
                stored.createdAt = QDateTime::currentDateTimeUtc();
            m_catalog.upsert(stored);
            if (m_catalog.activeName().isEmpty())
                m_catalog.setActive(stored.name);
            QString error;
            if (!saveCatalog(&error)) {
                status.code = KeychainStatus::Code::Other;
                status.message = QStringLiteral("the key is in the keychain but its metadata "
                                                "could not be saved: %1")
                                     .arg(error);
            }
        }
        result->complete(status);
    });
    return result;
}

SecretOperation *KeyStore::remove(const QString &name)
{
    auto *result = new SecretOperation;
    if (!m_catalog.contains(name)) {
        result->complete(KeychainStatus::notFound(name));
        return result;
    }
    SecretOperation *erase = m_vault->remove(name);
    connect(erase, &SecretOperation::finished, result, [this, erase, result, name] {
        erase->deleteLater();
        KeychainStatus status = erase->status();
        if (status.code == KeychainStatus::Code::NotFound)
            status = KeychainStatus::success();
        if (status.ok()) {
            m_catalog.remove(name);
            QString error;
            if (!saveCatalog(&error)) {
                status.code = KeychainStatus::Code::Other;
                status.message = QStringLiteral("the key was deleted from the keychain but the "
                                                "metadata could not be saved: %1")
                                     .arg(error);
            }
        }
        result->complete(status);
    });
    return result;
}

SecretOperation *KeyStore::readSecret(const QString &name)
{
    SecretOperation *read = m_vault->read(name);
    return read;
}

bool KeyStore::setActive(const QString &name, QString *error)
{
    if (!m_catalog.setActive(name)) {
        if (error)
            *error = QStringLiteral("there is no key named '%1'").arg(name);
        return false;
    }
    return saveCatalog(error);
}

bool KeyStore::setRetireAt(const QString &name, const QDateTime &retireAt, QString *error)
{
    std::optional<KeyMetadata> meta = m_catalog.key(name);
    if (!meta) {
        if (error)
            *error = QStringLiteral("there is no key named '%1'").arg(name);
        return false;
    }
    meta->retireAt = retireAt;
    m_catalog.upsert(*meta);
    return saveCatalog(error);
}

QStringList KeyStore::retiredKeys(const QDateTime &now) const
{
    QStringList names;
    for (const KeyMetadata &meta : m_catalog.keys()) {
        if (meta.isRetired(now) && meta.name != m_catalog.activeName())
            names.append(meta.name);
    }
    return names;
}

SecretOperation *KeyStore::pruneRetired(const QDateTime &now)
{
    auto *result = new SecretOperation;
    pruneNext(retiredKeys(now), result);
    return result;
}

void KeyStore::pruneNext(QStringList names, SecretOperation *result)
{
    if (names.isEmpty()) {
        result->complete(KeychainStatus::success());
        return;
    }
    const QString name = names.takeFirst();
    SecretOperation *erase = remove(name);
    connect(erase, &SecretOperation::finished, result, [this, erase, names, result, name] {
        erase->deleteLater();
        if (!erase->status().ok()) {
            result->complete(erase->status());
            return;
        }
        qCInfo(lcSecrets).noquote() << "pruned retired key" << name;
        emit keyPruned(name);
        pruneNext(names, result);
    });
}

QStringList KeyStore::keysOlderThan(int maxAgeDays, const QDateTime &now) const
{
    QStringList names;
    for (const KeyMetadata &meta : m_catalog.keys()) {
        if (maxAgeDays > 0 && meta.ageDays(now) > maxAgeDays)
            names.append(meta.name);
    }
    return names;
}

bool KeyStore::saveCatalog(QString *error)
{
    if (!m_catalog.save(m_path, error))
        return false;
    emit keysChanged();
    return true;
}
