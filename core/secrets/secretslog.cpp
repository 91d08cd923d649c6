#include "secrets/secretslog.h"

Q_LOGGING_CATEGORY(lcSecrets, "voiceai.secrets")
