#include "supervisorapp.h"

#include "appservices.h"
#include "mainwindow.h"
#include "theme/thememanager.h"
#include "tokens/tokenizer.h"
#include "uilog.h"
#include "uisettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

namespace {

void installTranslations(QApplication &app)
{
    auto *ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("voiceai"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace

int runSupervisorApp(QApplication &app)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Supervise, steer and account for AI voice agent calls."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main",
                                "Run against the built-in simulator even if a key is configured."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QApplication::translate("main", "Keep calls in <dir>."),
                                     QStringLiteral("dir"));
    const QCommandLineOption demoCalls(
        QStringLiteral("demo-calls"),
        QApplication::translate("main", "Start <n> simulated calls in demo mode."),
        QStringLiteral("n"));
    const QCommandLineOption probe(
        QStringLiteral("startup-probe"),
        QApplication::translate("main",
                                "Print the time to a usable window and quit (benchmarks)."));
    parser.addOptions({demo, dataDir, demoCalls, probe});
    parser.process(app);

    installTranslations(app);
    UiSettings settings;
    ThemeManager theme(&app, &settings);
    theme.apply();

    MainWindow window(&settings);
    window.setThemeManager(&theme);
    window.show();

    AppServicesOptions options;
    options.forceDemo = parser.isSet(demo);
    options.dataDir = parser.value(dataDir);
    if (parser.isSet(demoCalls))
        options.demoCalls = parser.value(demoCalls).toInt();
    if (parser.isSet(probe))
        options.demoCalls = 0;
    AppServices services(&settings, options);

    // The window is on screen first; the store, the keychain and the simulator open right after.
    QTimer::singleShot(0, &window, [&] {
        if (parser.isSet(probe)) {
            // The first event-loop turn after show(): the window has been laid out and painted.
            QTextStream(stdout) << "window-ready-ms " << sinceMain.elapsed() << Qt::endl;
        }
        if (!services.start())
            qCWarning(lcUi) << "could not start the core:" << services.warnings();
        window.setServices(&services);
        // Token counts are needed soon (budgets, the chat); load the encodings off the GUI thread.
        Tokenizer::preloadInBackground();
        if (parser.isSet(probe)) {
            QTextStream(stdout) << "services-ready-ms " << sinceMain.elapsed() << Qt::endl;
            QTimer::singleShot(0, &app, &QApplication::quit);
        }
    });
    const int status = app.exec();
    window.setServices(nullptr);
    return status;
}
