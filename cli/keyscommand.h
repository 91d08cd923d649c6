#pragma once

#include <QStringList>

// voiceai-cli keys list|add|remove|use|import-env|log|validate|prune: the named API
// keys in the OS keychain. Keys are read from standard input or a no-echo prompt,
// never from the command line.
int runKeysCommand(const QStringList &arguments);
