#pragma once

#include "calls/piiscan.h"
#include "calls/piitext.h"

// Finds street addresses with what follows them (flat or apartment, postcode, city):
// English "221B Baker Street", "12 Oak Avenue, Apt 4", "Flat 2, 10 Downing Street, London SW1A
// 2AA"; German "Hauptstraße 12", "Berliner Str. 5", "Am Markt 3a, 10115 Berlin". Also a postcode
// with its city alone: a UK postcode, a US "City, ST 12345", and a German, Austrian or Swiss
// "10115 Berlin" when an address word precedes it or the city is a known large one.
// Street names must be capitalised unless an address word ("I live at", "Adresse") precedes.
class PiiAddressScanner final
{
public:
    static void find(const PiiText &text, PiiFindings &out);
};
