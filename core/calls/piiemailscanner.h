#pragma once

#include "calls/piiscan.h"
#include "calls/piitext.h"

// Finds e-mail addresses, written ("lena.fischer@example.org") and spoken ("lena dot fischer
// at example dot org", "lena punkt fischer at example punkt de", "l e n a underscore f at
// gmail dot com"). Both forms have the same normalised value, so they share a placeholder.
class PiiEmailScanner final
{
public:
    static void findWritten(QStringView text, PiiFindings &out);
    static void findSpoken(const PiiText &text, PiiFindings &out);
};
