#pragma once

#include "calls/piidetector.h"

#include <QList>
#include <QStringView>

// Finds dates of birth: dates (numeric or written, several orders) with a birth keyword
// ("born", "DOB", "date of birth", ...) shortly before or after them.
class PiiDateScanner final
{
public:
    static void findDatesOfBirth(QStringView text, QList<PiiDetector::Candidate> &out);
    // The length of a date starting at pos, or 0.
    static qsizetype readDate(QStringView text, qsizetype pos);
};
