#pragma once

#include <QString>

// One HTTP attempt of a request: which model, what status, how long we waited before it.
struct AttemptRecord
{
    QString model;
    int httpStatus = 0; // 0 when no HTTP status arrived (network error, timeout)
    qint64 delayMs = 0; // wait before this attempt started (retry delay)
    qint64 latencyMs = 0;
    QString error; // empty on success; otherwise the error type name and message
};
