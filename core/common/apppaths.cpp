#include "common/apppaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace {

QString fromEnvOr(const char *name, QStandardPaths::StandardLocation location)
{
    const QString fromEnv = qEnvironmentVariable(name);
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(fromEnv);
    return QStandardPaths::writableLocation(location);
}

} // namespace

void AppPaths::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceAI"));
    QCoreApplication::setApplicationName(QStringLiteral("voiceai-supervisor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VOICEAI_VERSION));
}

QString AppPaths::dataDir(const QString &overrideDir)
{
    if (!overrideDir.isEmpty())
        return QDir::cleanPath(overrideDir);
    return fromEnvOr("VOICEAI_DATA_DIR", QStandardPaths::AppDataLocation);
}

QString AppPaths::configDir()
{
    return fromEnvOr("VOICEAI_CONFIG_DIR", QStandardPaths::AppConfigLocation);
}

QString AppPaths::configFile()
{
    return QDir(configDir()).filePath(QStringLiteral("config.json"));
}

QString AppPaths::cacheDir()
{
    return fromEnvOr("VOICEAI_CACHE_DIR", QStandardPaths::CacheLocation);
}

bool AppPaths::ensurePrivateDir(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                           | QFileDevice::ExeOwner);
}
