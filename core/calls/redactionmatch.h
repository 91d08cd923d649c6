#pragma once

#include <QString>

// The kinds of personal data the Redactor replaces, and one replacement it made.
enum class PiiKind { Email, Phone, Card, Iban, Ssn, NationalId, DateOfBirth };

struct RedactionMatch
{
    PiiKind kind = PiiKind::Email;
    QString placeholder;  // "[EMAIL_1]"
    qsizetype start = 0;  // in the input text
    qsizetype length = 0; // in the input text
};
