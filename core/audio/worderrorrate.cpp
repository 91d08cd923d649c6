#include "audio/worderrorrate.h"

#include <QList>

QStringList WordErrorRate::words(const QString &text)
{
    QStringList out;
    QString current;
    const QString lower = text.toLower();
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const QChar c = lower.at(i);
        const bool inWordApostrophe = c == QLatin1Char('\'') && !current.isEmpty() &&
                                      i + 1 < lower.size() && lower.at(i + 1).isLetter();
        if (c.isLetterOrNumber() || inWordApostrophe) {
            current += c;
        } else if (!current.isEmpty()) {
            out.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

WordErrorRate WordErrorRate::measure(const QString &reference, const QString &hypothesis)
{
    const QStringList ref = words(reference);
    const QStringList hyp = words(hypothesis);
    // Levenshtein distance over words, one row at a time.
    QList<int> previous(hyp.size() + 1);
    QList<int> row(hyp.size() + 1);
    for (qsizetype j = 0; j <= hyp.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= ref.size(); ++i) {
        row[0] = int(i);
        for (qsizetype j = 1; j <= hyp.size(); ++j) {
            const int substitution = previous[j - 1] + (ref[i - 1] == hyp[j - 1] ? 0 : 1);
            row[j] = qMin(substitution, qMin(previous[j] + 1, row[j - 1] + 1));
        }
        std::swap(previous, row);
    }
    return {int(ref.size()), previous[hyp.size()]};
}
