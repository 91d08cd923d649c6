// GUI benchmark: start-up time to a usable window, event-loop latency with 100 simulated calls
// streaming at once, frame times while scrolling a 5,000-turn transcript, and resident memory.
// Prints figures; run it on the offscreen platform: QT_QPA_PLATFORM=offscreen bench_ui
#include "appservices.h"
#include "calls/callmanager.h"
#include "calls/callsession.h"
#include "common/apppaths.h"
#include "live/callstablemodel.h"
#include "live/wallboardpage.h"
#include "mainwindow.h"
#include "monitor/callmonitorpage.h"
#include "monitor/transcriptmodel.h"
#include "uisettings.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QLoggingCategory>
#include <QProcess>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p / 100.0 * double(v.size())));
    return v.at(i);
}

long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

void startupTime(const QString &dataDir)
{
    QList<double> wall;
    QList<double> inside;
    for (int i = 0; i < 5; ++i) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VOICEAI_DATA_DIR"), dataDir);
        env.insert(QStringLiteral("VOICEAI_CONFIG_DIR"), dataDir + QStringLiteral("/config"));
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(VOICEAI_GUI_PATH),
                {QStringLiteral("--startup-probe"), QStringLiteral("--demo")});
        double readyAt = -1;
        while (p.state() != QProcess::NotRunning || p.bytesAvailable()) {
            p.waitForReadyRead(50);
            while (p.canReadLine()) {
                const QByteArray line = p.readLine();
                if (line.startsWith("window-ready-ms") && readyAt < 0) {
                    readyAt = double(t.elapsed());
                    inside << line.split(' ').value(1).trimmed().toDouble();
                }
            }
            if (t.elapsed() > 20000)
                break;
        }
        p.waitForFinished(5000);
        if (readyAt >= 0)
            wall << readyAt;
    }
    std::printf("startup: process start -> usable window: median %.0f ms, max %.0f ms "
                "(inside the process: median %.0f ms)  target < 500 ms\n",
                percentile(wall, 50), percentile(wall, 100), percentile(inside, 50));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppPaths::setApplicationIdentity();
    QTemporaryDir dir;
    qputenv("VOICEAI_DATA_DIR", dir.path().toUtf8());
    qputenv("VOICEAI_CONFIG_DIR", (dir.path() + QStringLiteral("/config")).toUtf8());
    qunsetenv("OPENAI_API_KEY");
    QLoggingCategory::setFilterRules(QStringLiteral("voiceai.*.info=false\nvoiceai.*.debug=false"));

    startupTime(dir.path() + QStringLiteral("/startup"));

    UiSettings settings(dir.path() + QStringLiteral("/ui.ini"));
    settings.setAlertSound(false);
    settings.setAlertDesktop(false);
    MainWindow window(&settings);
    window.resize(1440, 900);
    window.show();
    AppServicesOptions options;
    options.dataDir = dir.path() + QStringLiteral("/data");
    options.forceDemo = true;
    options.useKeychain = false;
    options.demoCalls = 0;
    options.simTiming = SimTiming{200, 40.0};
    options.demoCustomerDelayMs = 300;
    options.keepDemoFloor = true;
    AppServices services(&settings, options);
    if (!services.start()) {
        std::fprintf(stderr, "could not start: %s\n",
                     qPrintable(services.warnings().join(QLatin1Char(' '))));
        return 1;
    }
    window.setServices(&services);
    services.startDemoCalls(100);

    // Event-loop latency: a 1 ms timer, measuring how late each tick is.
    QList<double> lateness;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateness << std::max(0.0, double(now - last) / 1e6 - 1.0);
        last = now;
    });
    int deltas = 0;
    for (CallSession *s : services.calls()->sessions())
        QObject::connect(s, &CallSession::agentDelta, [&deltas] { ++deltas; });
    QTimer::singleShot(2000, [&] {
        tick.start();
        last = clock.nsecsElapsed();
    });
    QTimer::singleShot(12000, &app, &QCoreApplication::quit);
    app.exec();
    tick.stop();
    int turns = 0;
    int live = 0;
    for (CallSession *s : services.calls()->sessions()) {
        turns += s->stats().turns;
        live += s->state() != CallState::Ended;
    }
    std::printf("100 calls: %d live at the end, %d agent turns, %d streamed delta signals in 12 s, "
                "wallboard refreshes %llu\n",
                live, turns, deltas, (unsigned long long)window.wallboard()->model()->flushCount());
    std::printf(
        "event-loop latency (1 ms timer, %lld ticks): p50 %.2f ms, p99 %.2f ms, max %.2f ms  "
        "target p99 < 16 ms\n",
        (long long)lateness.size(), percentile(lateness, 50), percentile(lateness, 99),
        percentile(lateness, 100));

    // A 5,000-turn transcript in the monitor, scrolled top to bottom.
    // The monitor as its own top-level window of a typical size, so every frame really paints.
    CallMonitorPage standalone(&settings);
    standalone.resize(1280, 860);
    standalone.show();
    CallMonitorPage *monitor = &standalone;
    QList<TranscriptModel::Item> items;
    const QStringList lines = {
        QStringLiteral(
            "Thanks for taking my call. I wanted to ask about the renewal of my contract."),
        QStringLiteral("Of course. Your current plan renews on the 30th; I can keep the same price "
                       "if you renew today, and add the faster router at no extra cost for the "
                       "first twelve months. Would that work for you?"),
        QStringLiteral("Okay."),
        QStringLiteral("Please offer the loyalty discount now."),
    };
    QElapsedTimer build;
    build.start();
    for (int i = 0; i < 5000; ++i) {
        TranscriptModel::Item it;
        it.kind = i % 10 == 9
                      ? TranscriptModel::Kind::Whisper
                      : (i % 2 ? TranscriptModel::Kind::Agent : TranscriptModel::Kind::Customer);
        it.actor = it.kind == TranscriptModel::Kind::Whisper ? QStringLiteral("supervisor:sam")
                                                             : QStringLiteral("agent");
        it.text = lines.at(i % lines.size()) + QStringLiteral(" (%1)").arg(i);
        it.time = QDateTime::currentDateTimeUtc();
        it.latencyMs = 800 + i % 300;
        it.ttftMs = 200 + i % 100;
        it.tokens = 40 + i % 20;
        items << it;
    }
    monitor->transcript()->clear();
    monitor->transcript()->appendItems(items);
    QListView *view = monitor->transcriptView();
    QCoreApplication::processEvents();
    QElapsedTimer layoutTimer;
    layoutTimer.start();
    // Batched layout finishes over several event-loop turns; measure the longest one.
    double worstLayoutTurn = 0;
    for (int i = 0; i < 200 && view->verticalScrollBar()->maximum() == 0; ++i) {
        QElapsedTimer turn;
        turn.start();
        QCoreApplication::processEvents();
        worstLayoutTurn = std::max(worstLayoutTurn, double(turn.nsecsElapsed()) / 1e6);
    }
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer turn;
        turn.start();
        QCoreApplication::processEvents();
        worstLayoutTurn = std::max(worstLayoutTurn, double(turn.nsecsElapsed()) / 1e6);
    }
    QList<double> frames;
    QScrollBar *bar = view->verticalScrollBar();
    const int step = std::max(1, view->viewport()->height() / 3);
    std::printf("transcript viewport %dx%d, scroll range %d, visible %d\n",
                view->viewport()->width(), view->viewport()->height(), bar->maximum(),
                int(view->isVisible()));
    for (int value = 0; value <= bar->maximum(); value += step) {
        QElapsedTimer frame;
        frame.start();
        bar->setValue(value);
        view->viewport()->repaint();
        frames << double(frame.nsecsElapsed()) / 1e6;
        if (frames.constLast() > 16.0)
            std::printf("  slow frame %lld at %d: %.2f ms\n", (long long)frames.size() - 1, value,
                        frames.constLast());
    }
    std::printf("5,000-turn transcript: %lld frames scrolled, frame p50 %.2f ms, p99 %.2f ms, max "
                "%.2f ms (longest layout turn %.2f ms)  target no frame > 16 ms\n",
                (long long)frames.size(), percentile(frames, 50), percentile(frames, 99),
                percentile(frames, 100), worstLayoutTurn);
    std::printf("resident memory with 100 calls and the 5,000-turn transcript: %.1f MB  target < "
                "300 MB\n",
                double(rssKb()) / 1024.0);
    window.setServices(nullptr);
    return 0;
}
