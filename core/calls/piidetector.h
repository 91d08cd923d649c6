#pragma once

#include "calls/redactionmatch.h"

#include <QList>
#include <QString>
#include <QStringView>

// Finds personal data in text with hand-written linear scanners (no regular expressions, so no
// backtracking): e-mail addresses, phone numbers, Luhn-valid card numbers, mod-97-valid IBANs,
// US SSNs, UK National Insurance numbers, Spanish DNI/NIE numbers and dates of birth.
class PiiDetector final
{
public:
    struct Candidate
    {
        PiiKind kind = PiiKind::Email;
        qsizetype start = 0;
        qsizetype length = 0;
        QString value; // normalised: what makes two mentions the same value
    };

    // Non-overlapping findings, sorted by start. Where kinds compete for the same characters the
    // more specific one wins (e-mail, IBAN, date of birth, SSN, national id, card, phone).
    static QList<Candidate> detect(QStringView text);

    static bool luhnValid(QStringView digits);
    static bool ibanValid(QStringView compactIban);
    static bool ssnValid(QStringView nineDigits);
    static bool ninoValid(QStringView compactNino);
    static bool dniValid(QStringView compactDniOrNie);
};
