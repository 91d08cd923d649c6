#pragma once

#include <QString>

// Where VoiceAI keeps its data, configuration and cache on this machine.
// An explicit data folder (--data-dir, VOICEAI_DATA_DIR) wins over the
// platform's app-data folder so that stores can coexist and tests stay isolated.
class AppPaths
{
public:
    // Names the application so that the GUI and the CLI share one set of folders.
    static void setApplicationIdentity();
    // The data folder: `overrideDir` if given, else VOICEAI_DATA_DIR, else the platform default.
    static QString dataDir(const QString &overrideDir = {});
    // The configuration folder (config.json lives here); VOICEAI_CONFIG_DIR overrides it.
    static QString configDir();
    // The user's configuration file, which may not exist.
    static QString configFile();
    static QString cacheDir();
    // Creates `path` (and parents) readable by the owner only. Returns false on failure.
    static bool ensurePrivateDir(const QString &path);
};
