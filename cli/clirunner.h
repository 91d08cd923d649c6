#pragma once

#include <QStringList>

// Dispatches `voiceai-cli <command> ...` to the command table and returns the exit status.
int runCli(const QStringList &arguments);
