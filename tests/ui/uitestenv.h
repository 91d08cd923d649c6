#pragma once

#include "appservices.h"
#include "tempdatadir.h"
#include "uisettings.h"

#include <memory>

// One isolated GUI world for a test: private data/config folders, a settings file of its own,
// and AppServices in demo mode (an in-process simulator on loopback, no keychain).
class UiTestEnv
{
public:
    explicit UiTestEnv(SimTiming timing = SimTiming{0, 0.0}, int demoCalls = 0,
                       bool useKeychain = false)
    {
        m_dir.exportToEnvironment();
        if (!useKeychain)
            qunsetenv("OPENAI_API_KEY");
        m_settings = std::make_unique<UiSettings>(m_dir.path() + QStringLiteral("/ui.ini"));
        m_settings->setSupervisorName(QStringLiteral("sam"));
        m_settings->setAlertSound(false);
        m_settings->setAlertDesktop(false);
        AppServicesOptions options;
        options.dataDir = m_dir.dataDir();
        options.configDir = m_dir.configDir();
        options.forceDemo = true;
        options.useKeychain = useKeychain;
        options.demoCalls = demoCalls;
        options.simTiming = timing;
        options.demoCustomerDelayMs = 0;
        options.keepDemoFloor = false;
        m_services = std::make_unique<AppServices>(m_settings.get(), options);
    }
    ~UiTestEnv() { m_services.reset(); }

    bool start() { return m_services->start(); }
    UiSettings *settings() const { return m_settings.get(); }
    AppServices *services() const { return m_services.get(); }
    const TempDataDir &dir() const { return m_dir; }

private:
    TempDataDir m_dir;
    std::unique_ptr<UiSettings> m_settings;
    std::unique_ptr<AppServices> m_services;
};
