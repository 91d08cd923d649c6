#include "secrets/keycatalog.h"

#include "common/apppaths.h"
#include "common/jsonfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

bool KeyCatalog::load(const QString &path, QString *error)
{
    m_keys.clear();
    m_active.clear();
    if (!QFile::exists(path))
        return true;
    const std::optional<QJsonObject> document = readJsonObjectFile(path, error);
    if (!document)
        return false;
    const QJsonObject root = *document;
    QList<KeyMetadata> keys;
    for (const QJsonValue &value : root.value(QStringLiteral("keys")).toArray()) {
        QString entryError;
        const std::optional<KeyMetadata> meta =
            KeyMetadata::fromJson(value.toObject(), &entryError);
        if (!meta) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(path, entryError);
            return false;
        }
        keys.append(*meta);
    }
    m_keys = keys;
    const QString active = root.value(QStringLiteral("active")).toString();
    if (!active.isEmpty() && !setActive(active)) {
        if (error)
            *error = QStringLiteral("%1: the active key '%2' is not listed").arg(path, active);
        m_keys.clear();
        return false;
    }
    return true;
}

bool KeyCatalog::save(const QString &path, QString *error) const
{
    if (!AppPaths::ensurePrivateDir(QFileInfo(path).absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the folder of %1").arg(path);
        return false;
    }
    QJsonArray keys;
    for (const KeyMetadata &meta : m_keys)
        keys.append(meta.toJson());
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("active"), m_active},
                           {QStringLiteral("keys"), keys}};
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // QSaveFile gives its temporary file the permissions of the existing file, so
    // make sure one exists with owner-only permissions before the first write.
    if (!QFile::exists(path)) {
        QFile placeholder(path);
        if (placeholder.open(QIODevice::WriteOnly))
            placeholder.setPermissions(ownerOnly);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QFile::setPermissions(path, ownerOnly);
    return true;
}

std::optional<KeyMetadata> KeyCatalog::key(const QString &name) const
{
    for (const KeyMetadata &meta : m_keys) {
        if (meta.name == name)
            return meta;
    }
    return std::nullopt;
}

bool KeyCatalog::contains(const QString &name) const
{
    return key(name).has_value();
}

void KeyCatalog::upsert(const KeyMetadata &meta)
{
    for (KeyMetadata &existing : m_keys) {
        if (existing.name == meta.name) {
            existing = meta;
            return;
        }
    }
    m_keys.append(meta);
}

bool KeyCatalog::remove(const QString &name)
{
    const qsizetype removed =
        m_keys.removeIf([&](const KeyMetadata &meta) { return meta.name == name; });
    if (removed > 0 && m_active == name)
        m_active.clear();
    return removed > 0;
}

bool KeyCatalog::setActive(const QString &name)
{
    if (!name.isEmpty() && !contains(name))
        return false;
    m_active = name;
    return true;
}
