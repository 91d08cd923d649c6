#include "prompts/promptslog.h"

Q_LOGGING_CATEGORY(lcPrompts, "voiceai.prompts")
