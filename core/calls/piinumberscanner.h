#pragma once

#include "calls/piiscan.h"

#include <QList>
#include <QStringView>

// Finds runs of digit groups (spaces, hyphens, dots, parentheses between them) and classifies
// them as US SSNs, Luhn-valid payment cards or phone numbers.
class PiiNumberScanner final
{
public:
    static void findDigitRuns(QStringView text, PiiFindings &out);
};
