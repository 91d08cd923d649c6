#pragma once

#include "calls/piiscan.h"
#include "calls/piitext.h"

#include <QStringList>

// Finds names of people from the words around them, in English and German:
// - after a title: "Mr Smith", "Dr. Patel", "Herr Weber", "Frau Dr. Klein";
// - after a relation: "my husband Peter Schmidt", "mein Kollege Herr Weber", "meine Tochter Lea";
// - after a verb that names someone: "ask for Maria", "speak to John Miller", "fragen Sie nach
//   Frau Berg", "ich habe mit Jonas gesprochen";
// - again later, once named ("Peter will call back"), in this text or earlier in the call.
// The title stays outside the span ("Herr [NAME_1]" keeps the German grammar right). A name needs
// a capital letter; names said without any such context are not found.
// The call's own customer is found by name instead (findCustomer), and is never reported as
// another person.
class PiiNameScanner final
{
public:
    // The customer's full name and its first and last words, case-insensitive for the full name
    // and capitalised for the single words. Values: "full", "given", "family".
    static void findCustomer(const PiiText &text, const QString &customerName, PiiFindings &out);
    static void findOthers(const PiiText &text, const QStringList &knownNames, PiiFindings &out);
};
