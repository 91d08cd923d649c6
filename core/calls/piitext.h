#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// A text cut into words for the scanners that read spoken forms ("four one one one", "lena dot
// fischer at example dot org", "my husband Peter Schmidt"). A word is a maximal run of letters,
// digits and combining marks; everything between two words is their gap ("-" in
// "doppel-fünf", ". " after "Str"). Built once per detection, in one pass.
class PiiText final
{
public:
    struct Word
    {
        qsizetype start = 0;
        qsizetype end = 0;
    };

    explicit PiiText(QStringView text);

    QStringView text() const { return m_text; }
    int size() const { return int(m_words.size()); }
    qsizetype start(int i) const { return m_words.at(i).start; }
    qsizetype end(int i) const { return m_words.at(i).end; }
    QStringView word(int i) const;
    // Lower case, for lexicon look-ups.
    const QString &lower(int i) const { return m_lower.at(i); }
    // The characters between word i and word i + 1 (to the end of the text for the last word).
    QStringView gapAfter(int i) const;
    // True if only spaces separate word i from word i + 1.
    bool spaceAfter(int i) const;
    // True if the gap after word i holds a sentence or clause boundary (. , ; : ! ? or a line
    // break), which stops a phrase.
    bool breakAfter(int i) const;
    // The first word starting at or after pos (size() if none).
    int wordAtOrAfter(qsizetype pos) const;

    // First character is an upper-case letter.
    bool capitalised(int i) const;
    bool allDigits(int i) const;
    bool allLetters(int i) const;
    bool hasDigit(int i) const;
    // True if words i, i + 1, ... are `phrase` (lower case words: {"account", "number"}), whole
    // words, with spaces or one hyphen between them ("Steuer-ID" matches {"steuer", "id"}); sets
    // *last to the index of its last word.
    bool matches(int i, const QStringList &phrase, int *last = nullptr) const;

private:
    QStringView m_text;
    QList<Word> m_words;
    QStringList m_lower;
};
