#pragma once

#include <QDateTime>
#include <QString>

// Which usage records UsageStore::usage returns, oldest first; empty fields do not filter.
struct UsageFilter
{
    QDateTime from;
    QDateTime to;
    QString callId;
    QString model;
    QString feature;
    QString promptName;
    int promptVersion = 0;
    int limit = 0; // 0 = no limit
};
