#include "store/storelog.h"

// Debug output (every open) only when asked for with QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcStore, "voiceai.store", QtInfoMsg)
