#pragma once

#include <QStringList>

// `voiceai-cli tokens count [--model M | --encoding E] [--ids] [FILE|-]` and
// `voiceai-cli tokens models`: exact token counts with tiktoken's encodings.
int runTokensCommand(const QStringList &arguments);
