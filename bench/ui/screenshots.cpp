// Renders the README's screenshots headlessly (offscreen platform): the wallboard with a live
// demo floor, and the call monitor during a supervisor take-over. Used by scripts/screenshots.sh.
#include "appservices.h"
#include "calls/callmanager.h"
#include "calls/callsession.h"
#include "common/apppaths.h"
#include "live/callstablemodel.h"
#include "live/wallboardpage.h"
#include "mainwindow.h"
#include "monitor/callmonitorpage.h"
#include "monitor/interventionbar.h"
#include "theme/thememanager.h"
#include "uisettings.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QTemporaryDir>

#include <cstdio>

namespace {
void waitMs(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

template<typename Predicate>
bool waitFor(Predicate done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppPaths::setApplicationIdentity();
    const QString outDir =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(outDir);
    QTemporaryDir dir;
    qputenv("VOICEAI_DATA_DIR", dir.path().toUtf8());
    qputenv("VOICEAI_CONFIG_DIR", (dir.path() + QStringLiteral("/config")).toUtf8());
    qunsetenv("OPENAI_API_KEY");
    QLoggingCategory::setFilterRules(QStringLiteral("voiceai.*.info=false\nvoiceai.*.debug=false"));

    UiSettings settings(dir.path() + QStringLiteral("/ui.ini"));
    settings.setSupervisorName(QStringLiteral("sam"));
    settings.setAlertSound(false);
    settings.setAlertDesktop(false);
    settings.setTheme(UiSettings::Theme::Light);
    ThemeManager theme(&app, &settings);
    theme.apply();
    MainWindow window(&settings);
    window.setThemeManager(&theme);
    window.resize(1600, 900);
    window.show();
    // The table gets the whole width; the chat and alerts stay one click away.
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        dock->hide();

    AppServicesOptions options;
    options.dataDir = dir.path() + QStringLiteral("/data");
    options.forceDemo = true;
    options.useKeychain = false;
    options.demoCalls = 9;
    options.simTiming = SimTiming{150, 60.0};
    options.demoCustomerDelayMs = 2500;
    AppServices services(&settings, options);
    if (!services.start()) {
        std::fprintf(stderr, "could not start the demo services\n");
        return 1;
    }
    window.setServices(&services);
    // One customer who clearly needs a person, so the triage has something to rank.
    CallSession *upset = services.startTypedCall(
        QStringLiteral("Frank Ortiz"), QStringLiteral("Agree a payment plan for invoice 4471"));
    waitFor(
        [&] { return upset && upset->state() == CallState::Active && !upset->isAgentGenerating(); },
        10000);
    upset->customerUtterance(QStringLiteral("This is ridiculous, these fees are outrageous."));
    waitFor([&] { return !upset->isAgentGenerating() && upset->stats().turns >= 2; }, 15000);
    upset->customerUtterance(QStringLiteral("I want to speak to a real person, a manager, now."));
    upset->customerUtterance(QStringLiteral("Honestly I am fed up with this."));
    waitMs(2500);
    window.wallboard()->model()->flush();
    waitMs(300);
    const QString wallboard = QDir(outDir).filePath(QStringLiteral("wallboard.png"));
    if (!window.grab().save(wallboard))
        return 2;

    // Jump into the riskiest call and take over while the agent is speaking.
    window.jumpToRiskiestCall();
    CallSession *session = window.monitor()->session();
    if (!session)
        return 3;
    waitFor([&] { return !session->isAgentGenerating(); }, 15000);
    InterventionBar *bar = window.monitor()->interventions();
    bar->input()->setText(QStringLiteral("Acknowledge the fees and offer to waive the late fee."));
    bar->whisperButton()->click();
    waitFor([&] { return session->isAgentGenerating(); }, 5000);
    waitMs(400);
    bar->takeOverButton()->click();
    bar->input()->setText(
        QStringLiteral("Hi Frank, this is Sam, a supervisor. I can waive the late fee today."));
    bar->sendButton()->click();
    session->customerUtterance(QStringLiteral("Okay, thank you. That would help."));
    waitMs(1500);
    bar->input()->setText(
        QStringLiteral("Great. I'll hand you back to our assistant to set up the plan"));
    waitMs(300);
    const QString monitor = QDir(outDir).filePath(QStringLiteral("monitor-takeover.png"));
    if (!window.grab().save(monitor))
        return 4;
    std::printf("wrote %s and %s\n", qPrintable(wallboard), qPrintable(monitor));
    window.setServices(nullptr);
    return 0;
}
