#pragma once

#include "calls/piitext.h"

#include <QList>
#include <QString>

// Reads numbers as people say them, in English and German: digit words ("four one one one",
// "oh seven nine", "null eins sieben"), pairs ("forty-five", "zweiundvierzig", "twelve"),
// repeats ("double five", "triple zero", "doppel-fünf", "dreimal null"), "hundred" after a
// digit ("oh eight hundred"), numerals mixed in ("0791 two three"), a leading "plus", and
// fillers ("uh", "äh") between them. In the alphanumeric mode single letters and letter-digit
// words count too ("D E eight nine", "C zero one X", "C01X00T47").
class PiiSpokenDigits final
{
public:
    enum class Mode { Digits, Alphanumeric };

    struct Run
    {
        int first = 0;       // first word of the run ("plus" included)
        int last = -1;       // last word; last < first when nothing was read
        QString symbols;     // digits, and upper-case letters in the alphanumeric mode
        QList<int> wordOf;   // wordOf[k]: the word that produced symbols[k]
        bool plus = false;   // "plus four four ..." or "+44 ..."
        bool spoken = false; // at least one number word (not only numerals and letters)

        bool isEmpty() const { return last < first; }
        // True if symbols[k - 1] is the last symbol of its word, so the run can be cut there.
        bool cutsAt(qsizetype k) const
        {
            return k > 0 && k <= symbols.size() &&
                   (k == symbols.size() || wordOf.at(k) != wordOf.at(k - 1));
        }
    };

    // Reads the run starting at word `first`, at most `maxSymbols` symbols.
    static Run read(const PiiText &text, int first, Mode mode, int maxSymbols = 40);
    // True if word i is a spoken number word, a repeat word or "plus" (what a spoken run starts
    // with; a run of numerals only is left to the written scanners).
    static bool isSpokenStart(const PiiText &text, int i);
};
