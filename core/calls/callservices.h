#pragma once

#include "calls/turnpolicy.h"

class OpenAIClient;
class CallStore;
class UsageStore;
class AuditLog;
class OptOutStore;
class PromptStore;
class MetricsRegistry;
class ModelProfiles;
class ResponseCache;

// The shared collaborators of every call, passed in by the owner (CallManager, tests, the CLI).
// Nothing here is owned; all must outlive the sessions. The stores are interfaces so that the
// team deployment can swap SQLite for PostgreSQL.
struct CallServices
{
    OpenAIClient *client = nullptr;     // required
    CallStore *calls = nullptr;         // required: events are stored before they are signalled
    UsageStore *usage = nullptr;        // one record per model request
    AuditLog *audit = nullptr;          // supervisor actions
    OptOutStore *optOuts = nullptr;     // do-not-call list
    PromptStore *prompts = nullptr;     // the agent's system prompt and context template
    MetricsRegistry *metrics = nullptr; // optional
    const ModelProfiles *models =
        nullptr;                    // null = the built-in defaults (resources/config/models.json)
    ResponseCache *cache = nullptr; // optional, shared across calls (never across customers)
    int deltaBatchMs = 100;         // agent.delta events are stored in windows of this length...
    int deltaBatchChars = 200;      // ...or of this many characters, whichever comes first
    TurnPolicy turnPolicy;          // retries and time-outs of the agent's model requests
};
