#pragma once

#include <QLoggingCategory>

// voiceai.calls: call sessions, their turn loop and the call manager.
Q_DECLARE_LOGGING_CATEGORY(lcCalls)
