#include "calls/callslog.h"

Q_LOGGING_CATEGORY(lcCalls, "voiceai.calls")
