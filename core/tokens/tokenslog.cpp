#include "tokens/tokenslog.h"

Q_LOGGING_CATEGORY(lcTokens, "voiceai.tokens")
