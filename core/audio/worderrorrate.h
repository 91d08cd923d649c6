#pragma once

#include <QString>
#include <QStringList>

// Word error rate: (substitutions + deletions + insertions) / reference words, from the
// word-level edit distance. Both texts are compared in lower case without punctuation.
struct WordErrorRate
{
    int referenceWords = 0;
    int errors = 0;

    double rate() const { return referenceWords > 0 ? double(errors) / referenceWords : 0; }
    WordErrorRate &operator+=(const WordErrorRate &other)
    {
        referenceWords += other.referenceWords;
        errors += other.errors;
        return *this;
    }

    static WordErrorRate measure(const QString &reference, const QString &hypothesis);
    // "Hello, Dana!" -> {"hello", "dana"}; apostrophes inside words stay ("i'm").
    static QStringList words(const QString &text);
};
