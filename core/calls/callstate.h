#pragma once

#include <QString>

// The life of a call (dialing -> active -> ended) and the supervisor layer on top of it.
enum class CallState { Dialing, Active, Ended };

// What a supervisor is doing with a call. Listening is the quiet level; the others steer it.
enum class SupervisionMode { None, Listening, Whispering, TakenOver, HandedBack };

// Stable lower-case names, used in events, the store and the CLI ("dialing", "taken-over", ...).
QString callStateName(CallState state);
QString supervisionModeName(SupervisionMode mode);
