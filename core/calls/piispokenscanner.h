#pragma once

#include "calls/piiscan.h"
#include "calls/piitext.h"

// Finds numbers said in words and identifiers led by a keyword, and classifies them like their
// written forms: a spoken card number must pass Luhn, a spoken IBAN mod-97, a spoken SSN the SSA
// rules. Also written account, customer, passport and tax numbers after their keyword
// ("Kundennummer KD-4711-2291", "passport number C01X00T47").
class PiiSpokenScanner final
{
public:
    static void find(const PiiText &text, PiiFindings &out);
};
