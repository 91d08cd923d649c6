#include "tempdatadir.h"

#include <QDir>

TempDataDir::TempDataDir()
{
    QDir(m_dir.path()).mkpath(QStringLiteral("data"));
    QDir(m_dir.path()).mkpath(QStringLiteral("config"));
    QDir(m_dir.path()).mkpath(QStringLiteral("cache"));
}

QString TempDataDir::dataDir() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("data"));
}

QString TempDataDir::configDir() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("config"));
}

QString TempDataDir::cacheDir() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("cache"));
}

void TempDataDir::exportToEnvironment() const
{
    qputenv("VOICEAI_DATA_DIR", dataDir().toUtf8());
    qputenv("VOICEAI_CONFIG_DIR", configDir().toUtf8());
    qputenv("VOICEAI_CACHE_DIR", cacheDir().toUtf8());
}

QProcessEnvironment TempDataDir::processEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VOICEAI_DATA_DIR"), dataDir());
    env.insert(QStringLiteral("VOICEAI_CONFIG_DIR"), configDir());
    env.insert(QStringLiteral("VOICEAI_CACHE_DIR"), cacheDir());
    return env;
}
