#include "uilog.h"

Q_LOGGING_CATEGORY(lcUi, "voiceai.ui")
