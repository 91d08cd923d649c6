#pragma once

#include <QtGlobal>

// How an agent turn of a live call asks the model: a caller is waiting, so the defaults retry
// once and then go to the fallback model. Configuration (section "calls" of config.json) fills
// it in; CallServices carries it to every session.
struct TurnPolicy
{
    int maxRetries = 1;              // retries of one model before the fallback
    int firstByteTimeoutMs = 20000;  // no first byte by then: the attempt failed
    int totalTimeoutMs = 60000;      // the whole streamed reply
    qint64 maxServerDelayMs = 10000; // a longer Retry-After goes to the fallback at once
};
