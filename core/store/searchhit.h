#pragma once

#include <QString>

// One transcript event that matched a full-text search, with a snippet around the match
// (matched words are wrapped in [ and ]).
struct SearchHit
{
    QString callId;
    qint64 seq = 0;
    QString kind;
    QString snippet;
};
