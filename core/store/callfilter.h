#pragma once

#include <QDateTime>
#include <QString>

// Which calls CallStore::listCalls returns; empty/invalid fields do not filter.
// Newest first, at most `limit` (0 = no limit).
struct CallFilter
{
    QDateTime from; // started at or after
    QDateTime to;   // started before
    QString campaign;
    QString endReason;
    QString promptName;
    int promptVersion = 0;
    QString state;
    QString text; // words that must occur in the transcript (full-text search)
    int limit = 0;
};
