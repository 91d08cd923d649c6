#pragma once

#include <QString>

// The kinds of personal data the Redactor replaces, and one replacement it made. Spoken forms
// ("four one one one ...", "lena dot fischer at example dot org") are the same kinds as their
// written forms.
enum class PiiKind {
    Email,
    Phone,
    Card,
    Iban,
    Ssn,
    NationalId,
    DateOfBirth,
    Address,
    Passport,
    Account,
    IpAddress,
    PersonName,   // someone the customer names: "my husband Peter Schmidt", "Frau Weber"
    CustomerName, // the call's own customer, only when configured to be pseudonymised
};

struct RedactionMatch
{
    PiiKind kind = PiiKind::Email;
    QString placeholder;  // "[EMAIL_1]"
    qsizetype start = 0;  // in the input text
    qsizetype length = 0; // in the input text
};
