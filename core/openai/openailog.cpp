#include "openai/openailog.h"

Q_LOGGING_CATEGORY(lcOpenAI, "voiceai.openai")
