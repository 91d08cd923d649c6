#pragma once

#include <QProcessEnvironment>
#include <QTemporaryDir>

// A private data, config and cache folder for one test, so tests never touch
// the user's real folders or each other's.
class TempDataDir
{
public:
    TempDataDir();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString dataDir() const;
    QString configDir() const;
    QString cacheDir() const;
    // Points VOICEAI_DATA_DIR / VOICEAI_CONFIG_DIR / VOICEAI_CACHE_DIR of this process here.
    void exportToEnvironment() const;
    // An environment for child processes that uses these folders.
    QProcessEnvironment processEnvironment() const;

private:
    QTemporaryDir m_dir;
};
