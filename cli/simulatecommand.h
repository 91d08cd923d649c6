#pragma once

#include <QStringList>

// `voiceai-cli simulate`: runs the OpenAI-compatible simulator in the foreground
// until SIGINT or SIGTERM.
int runSimulateCommand(const QStringList &arguments);
