#include "cli/clirunner.h"

#include "cli/cliio.h"
#include "cli/commandtable.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace {

void printUsage(QTextStream &stream)
{
    stream << "Usage: voiceai-cli <command> [options]\n\nCommands:\n";
    for (const CliCommand &command : cliCommands())
        stream << "  " << QString::fromLatin1(command.name).leftJustified(12) << ' '
               << command.summary << '\n';
    stream << "\nRun 'voiceai-cli <command> --help' for a command's options.\n";
    stream.flush();
}

} // namespace

int runCli(const QStringList &arguments)
{
    // stdout and stderr belong to the commands' answers and their own error messages; the
    // voiceai.* log records (per-request records, retries, warnings) appear only when asked for
    // with QT_LOGGING_RULES. Critical records always do.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("voiceai.*.debug=false\nvoiceai.*.info=false\nvoiceai.*.warning=false"));
    if (arguments.size() < 2) {
        printUsage(CliIo::err());
        return ExitUsage;
    }
    const QString name = arguments.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") ||
        name == QLatin1String("help")) {
        printUsage(CliIo::out());
        return ExitOk;
    }
    if (name == QLatin1String("--version")) {
        CliIo::out() << QCoreApplication::applicationName() << ' '
                     << QCoreApplication::applicationVersion() << '\n';
        CliIo::out().flush();
        return ExitOk;
    }
    for (const CliCommand &command : cliCommands()) {
        if (name == QLatin1String(command.name))
            return command.run(arguments.mid(1));
    }
    CliIo::err() << "voiceai-cli: unknown command '" << name << "'\n";
    printUsage(CliIo::err());
    return ExitUsage;
}
