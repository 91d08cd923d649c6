#include "cli/commandtable.h"

#include "cli/auditcommand.h"
#include "cli/callcommand.h"
#include "cli/chatcommand.h"
#include "cli/callscommand.h"
#include "cli/keyscommand.h"
#include "cli/simulatecommand.h"
#include "cli/tokenscommand.h"

// Each command lives in its own file; this table is the only place that lists them.

const QList<CliCommand> &cliCommands()
{
    static const QList<CliCommand> commands = {
        {"audit", "Verify or list the audit trail", runAuditCommand},
        {"chat", "Send one message to the chat completions API and print the reply", runChatCommand},
        {"call", "Run one call from a scenario file and print its transcript and usage", runCallCommand},
        {"calls", "List, show, search, export or purge stored calls", runCallsCommand},
        {"keys", "Manage the API keys in the OS keychain (list, add, use, log, validate...)", runKeysCommand},
        {"simulate", "Run the local OpenAI-compatible simulator in the foreground", runSimulateCommand},
        {"tokens", "Count tokens exactly (tiktoken encodings) and list the model table", runTokensCommand},
    };
    return commands;
}
