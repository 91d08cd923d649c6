#pragma once

#include "calls/redactionmatch.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// What the detector knows about the call (a separate type so that it can be a default argument).
struct PiiDetectorOptions
{
    QString customerName;            // the call's customer (CallContext::customerName)
    bool reportCustomerName = false; // report it (CustomerName), else leave it alone
    QStringList knownNames;          // people named earlier in the call (normalised values)
};

// Finds personal data in text with hand-written linear scanners (no regular expressions, so no
// backtracking): e-mail addresses, phone numbers, Luhn-valid card numbers, mod-97-valid IBANs,
// US SSNs, UK National Insurance numbers, Spanish DNI/NIE numbers, dates of birth, street
// addresses and postcodes, passport and account numbers, IP addresses and the names of people,
// written or spoken ("four one one one ...", "lena dot fischer at example dot org"), in English
// and German.
class PiiDetector final
{
public:
    using Options = PiiDetectorOptions;

    struct Candidate
    {
        PiiKind kind = PiiKind::Email;
        qsizetype start = 0;
        qsizetype length = 0;
        QString value; // normalised: what makes two mentions the same value
    };

    // Non-overlapping findings, sorted by start. Where kinds compete for the same characters the
    // more specific one wins: e-mail, IBAN, IP address, date of birth, national id, spoken numbers
    // and keyed identifiers (card, IBAN, SSN, passport, account, phone), written numbers (SSN,
    // card, phone), address, the customer's name, other names.
    static QList<Candidate> detect(QStringView text, const Options &options = {});

    static bool luhnValid(QStringView digits);
    static bool ibanValid(QStringView compactIban);
    static bool ssnValid(QStringView nineDigits);
    static bool ninoValid(QStringView compactNino);
    static bool dniValid(QStringView compactDniOrNie);
};
