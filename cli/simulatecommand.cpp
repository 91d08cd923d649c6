#include "cli/simulatecommand.h"

#include "cli/cliio.h"
#include "cli/commandtable.h"
#include "sim/simtokens.h"
#include "sim/simulatorserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int signalNumber)
{
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = static_cast<char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 &&
           ::sigaction(SIGTERM, &action, nullptr) == 0;
}

bool parseNumber(const QString &text, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return false;
    *out = value;
    return true;
}

} // namespace

int runSimulateCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs the local OpenAI-compatible simulator until SIGINT/SIGTERM. Prints "
                       "\"listening on <base URL>\" once it accepts connections."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"), QStringLiteral("TCP port; 0 picks a free one (default 0)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
         QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("seed"),
         QStringLiteral("Seed of the generated replies and ids (default 0)."), QStringLiteral("S"),
         QStringLiteral("0")},
        {QStringLiteral("instant"), QStringLiteral("No first-token delay and no token pacing.")},
        {QStringLiteral("first-token-ms"),
         QStringLiteral("Delay before the first token (default 350)."), QStringLiteral("MS")},
        {QStringLiteral("tokens-per-second"),
         QStringLiteral("Token rate after the first (default 40)."), QStringLiteral("RATE")},
        {QStringLiteral("bench-chunks"),
         QStringLiteral(
             "Answer every streamed chat request with N ~171-byte chunks, as fast as possible."),
         QStringLiteral("N")},
    });
    if (!parser.parse(arguments)) {
        CliIo::err() << "voiceai-cli simulate: " << parser.errorText() << '\n';
        CliIo::err().flush();
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        CliIo::out() << parser.helpText();
        CliIo::out().flush();
        return ExitOk;
    }
    auto usageError = [](const QString &message) {
        CliIo::err() << "voiceai-cli simulate: " << message << '\n';
        CliIo::err().flush();
        return ExitUsage;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    qint64 port = 0;
    qint64 seed = 0;
    qint64 benchChunks = 0;
    if (!parseNumber(parser.value(QStringLiteral("port")), 0, 65535, &port))
        return usageError(QStringLiteral("--port must be a number from 0 to 65535"));
    if (!parseNumber(parser.value(QStringLiteral("seed")), 0, std::numeric_limits<qint64>::max(),
                     &seed))
        return usageError(QStringLiteral("--seed must be a non-negative integer"));
    if (parser.isSet(QStringLiteral("bench-chunks")) &&
        !parseNumber(parser.value(QStringLiteral("bench-chunks")), 1, 100000000, &benchChunks))
        return usageError(QStringLiteral("--bench-chunks must be a number from 1 to 100000000"));
    QString hostText = parser.value(QStringLiteral("host"));
    if (hostText == QLatin1String("localhost"))
        hostText = QStringLiteral("127.0.0.1");
    const QHostAddress host(hostText);
    if (host.isNull())
        return usageError(QStringLiteral("--host must be an IP address, not '%1'").arg(hostText));

    SimTiming timing;
    if (parser.isSet(QStringLiteral("instant")))
        timing = SimTiming::instant();
    if (parser.isSet(QStringLiteral("first-token-ms"))) {
        qint64 ms = 0;
        if (!parseNumber(parser.value(QStringLiteral("first-token-ms")), 0, 600000, &ms))
            return usageError(QStringLiteral("--first-token-ms must be a number from 0 to 600000"));
        timing.firstTokenMs = static_cast<int>(ms);
    }
    if (parser.isSet(QStringLiteral("tokens-per-second"))) {
        bool ok = false;
        const double rate = parser.value(QStringLiteral("tokens-per-second")).toDouble(&ok);
        if (!ok || rate < 0 || rate > 1e6)
            return usageError(
                QStringLiteral("--tokens-per-second must be a number from 0 to 1000000"));
        timing.tokensPerSecond = rate;
    }

    if (!installSignalHandlers()) {
        CliIo::err() << "voiceai-cli simulate: cannot install signal handlers\n";
        CliIo::err().flush();
        return ExitFailure;
    }
    if (benchChunks > 0) {
        // Load both encodings now, so the first measured stream does not pay for it.
        SimTokens::count(QStringLiteral("gpt-4o"), QStringLiteral("warm up"));
        SimTokens::count(QStringLiteral("gpt-4"), QStringLiteral("warm up"));
    }
    SimulatorServer server;
    server.setTiming(timing);
    server.setSeed(static_cast<quint64>(seed));
    server.setBenchChunks(static_cast<int>(benchChunks));
    if (!server.listen(host, static_cast<quint16>(port))) {
        CliIo::err() << "voiceai-cli simulate: cannot listen on " << hostText << ':' << port << ": "
                     << server.errorString() << '\n';
        CliIo::err().flush();
        return ExitFailure;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    int received = 0;
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&received] {
        char byte = 0;
        if (::read(g_signalPipe[0], &byte, 1) == 1)
            received = byte;
        QCoreApplication::quit();
    });
    CliIo::out() << "listening on " << server.baseUrl().toString() << '\n';
    CliIo::out().flush();

    QCoreApplication::exec();
    server.close();
    CliIo::err() << "simulator stopped (" << (received == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
    CliIo::err().flush();
    return ExitOk;
}
