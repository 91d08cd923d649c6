#pragma once

#include "calls/redactionmatch.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// The labelled utterances in tests/calls/data/pii-utterances.jsonl and the span-level score of
// the PII detector on them, shared by tst_piicorpus (floors) and bench_pii (figures).
//
// One JSON object per line:
//   {"id": "en-card-01", "lang": "en", "text": "...",
//    "spans": [{"type": "card", "text": "four one one one ..."}],
//    "customer": "Lena Fischer", "split": "heldout"}
// A span names its characters by their text (the first occurrence, or the "nth" one, from 1);
// "customer" is the call's customer, pseudonymised for that utterance. An utterance without
// spans is a hard negative: nothing in it is personal data. "split" is "dev" (the default: the
// detector was tuned while these were written) or "heldout" (written afterwards, not tuned on).
struct PiiCorpusSpan
{
    QString type; // "card", "phone", ... (PiiCorpus::typeName)
    qsizetype start = 0;
    qsizetype length = 0;
};

struct PiiCorpusUtterance
{
    QString id;
    QString language;
    QString text;
    QString customer;
    QString split; // "dev" or "heldout"
    QList<PiiCorpusSpan> spans;
};

// True positives, false positives and false negatives of one type (or of all).
struct PiiTally
{
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;

    int expected() const { return truePositives + falseNegatives; }
    int found() const { return truePositives + falsePositives; }
    // 1 when there is nothing to find or nothing was found: no evidence of a miss.
    double recall() const { return expected() ? double(truePositives) / expected() : 1.0; }
    double precision() const { return found() ? double(truePositives) / found() : 1.0; }
};

// The score under two matching rules. Exact: a finding counts when its type and its characters
// are exactly those of a labelled span. Overlap: when its type is the same and it shares at
// least one character with a labelled span (each labelled span matched at most once).
struct PiiEvaluation
{
    QMap<QString, PiiTally> exact;   // by type
    QMap<QString, PiiTally> overlap; // by type
    QMap<QString, PiiTally> exactByLanguage;
    QMap<QString, PiiTally> exactBySplit;
    PiiTally exactTotal;
    PiiTally overlapTotal;
    int negatives = 0;        // utterances without labelled spans
    int negativesFlagged = 0; // ... in which something was found anyway
    QStringList mistakes;     // one line per miss or false finding
};

class PiiCorpus final
{
public:
    // The utterances, or nullopt with the line and the field named in `error`.
    static std::optional<QList<PiiCorpusUtterance>> load(const QString &path, QString *error);
    static PiiEvaluation evaluate(const QList<PiiCorpusUtterance> &utterances);

    static QString typeName(PiiKind kind);
    static QStringList typeNames();
};
