#pragma once

#include <QStringList>

// `voiceai-cli call --scenario FILE.json`: runs one call (by default against an in-process
// simulator over loopback HTTP, through the real client) and prints the transcript and usage.
// Exit status: 0 the call ran to an end, 1 it could not start (store, prompt version), 2 bad usage
// or scenario file, 3 the call ended because the models failed.
int runCallCommand(const QStringList &arguments);
