#pragma once

#include <QList>
#include <QStringList>

// Exit statuses shared by every voiceai-cli command.
enum CliExit : int {
    ExitOk = 0,
    ExitFailure = 1,    // anything not covered below (I/O, store, keychain)
    ExitUsage = 2,      // bad command line or input file
    ExitApiError = 3,   // the API answered with an error
    ExitNetwork = 4,    // network failure, timeout or an incomplete stream
};

// One voiceai-cli sub-command. `run` gets the arguments after the command's
// name (argv[0] is the command name, as QCommandLineParser expects) and
// returns a CliExit value.
struct CliCommand
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

const QList<CliCommand> &cliCommands();
