#pragma once

#include "calls/piiscan.h"

#include <QList>
#include <QStringView>

// Finds dates of birth: dates (numeric or written, several orders) with a birth keyword
// ("born", "DOB", "date of birth", ...) shortly before or after them.
class PiiDateScanner final
{
public:
    static void findDatesOfBirth(QStringView text, PiiFindings &out);
    // The length of a date starting at pos, or 0.
    static qsizetype readDate(QStringView text, qsizetype pos);
};
