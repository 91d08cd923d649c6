#pragma once

#include <QStringList>

// voiceai-cli calls list|show ID|search TEXT|export ID|purge: stored calls, read from the store.
int runCallsCommand(const QStringList &arguments);
