#pragma once

#include "calls/piitext.h"

// What the words before a number say it is. "account number four five ..." is an account,
// "order number four five ..." is not personal data at all. English and German.
enum class PiiCue { None, Phone, Account, Passport, Ssn, NationalId, NotPersonal };

class PiiCues final
{
public:
    // The cue of the nearest keyword phrase that ends before word `first`, looking back at most
    // `maxWords` words and not across the end of a sentence. Of two phrases ending on the same
    // word the longer wins ("order number" over "number"). *keyword is the phrase's last word.
    static PiiCue numberCueBefore(const PiiText &text, int first, int maxWords = 8,
                                  int *keyword = nullptr);
    // A word saying that an address follows ("I live at", "meine Adresse ist", "wohne in").
    static bool addressCueBefore(const PiiText &text, int first, int maxWords = 8);
    // A word saying that an e-mail address follows ("my email is", "E-Mail-Adresse").
    static bool emailCueBefore(const PiiText &text, int first, int maxWords = 10);
};
