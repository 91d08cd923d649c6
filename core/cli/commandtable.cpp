#include "cli/commandtable.h"

// Each command lives in its own file; this table is the only place that lists them.

const QList<CliCommand> &cliCommands()
{
    static const QList<CliCommand> commands = {
    };
    return commands;
}
