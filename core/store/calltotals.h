#pragma once

#include <QtGlobal>

// What a call consumed, kept on the call's row so lists need no event replay.
struct CallTotals
{
    int turns = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double costUsd = 0;
};
