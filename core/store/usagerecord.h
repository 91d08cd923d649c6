#pragma once

#include <QDateTime>
#include <QString>

// One API request's accounting: kept even after the call's transcript is deleted.
struct UsageRecord
{
    QDateTime time;
    QString callId;
    QString model;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double costUsd = 0;
    qint64 latencyMs = 0;
    qint64 ttftMs = -1;
    bool success = true;
    QString errorType;
    QString promptName;
    int promptVersion = 0;
    QString feature;
    int attempts = 1;
    bool usedFallback = false;
};
