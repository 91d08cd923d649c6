#include "cli/commandtable.h"

#include "cli/callcommand.h"

// Each command lives in its own file; this table is the only place that lists them.

const QList<CliCommand> &cliCommands()
{
    static const QList<CliCommand> commands = {
        {"call", "Run one call from a scenario file and print its transcript and usage", runCallCommand},
    };
    return commands;
}
