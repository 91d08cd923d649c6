#pragma once

#include "calls/redactionmatch.h"

#include <QHash>
#include <QList>
#include <QString>

// Replaces personal data (e-mail addresses, phone numbers, Luhn-valid card numbers, mod-97-valid
// IBANs, US SSNs and other checkable national ids, dates of birth) with stable placeholders
// before text leaves the machine. One Redactor per call: the same value always gets the same
// placeholder ([EMAIL_1], [PHONE_2], ...), and restore() puts the originals back for the
// supervisor's view. Linear-time scanners, no regular expressions.
class Redactor final
{
public:
    Redactor() = default;

    // Replaces every detected value, remembering new ones in this call's mapping.
    QString redact(const QString &text, QList<RedactionMatch> *matches = nullptr);
    // Replaces this call's placeholders by the original values; unknown placeholders stay.
    QString restore(const QString &text) const;
    // Placeholders only, without touching the mapping (exports, logs): known values get their
    // call placeholder, new ones a fresh number that is not remembered.
    QString maskForExport(const QString &text) const;

    // placeholder -> original text, for this call.
    QHash<QString, QString> mapping() const { return m_original; }
    int placeholderCount() const { return int(m_original.size()); }
    void clear();

    static QString placeholderPrefix(PiiKind kind); // "EMAIL", "PHONE", ...

    // Checks, public for the tests and for other validators.
    static bool luhnValid(QStringView digits);
    static bool ibanValid(QStringView compactIban); // upper case, no spaces
    static bool ssnValid(QStringView nineDigits);

private:
    QString replaceAll(const QString &text, QHash<QString, QString> &byValue,
                       QHash<QString, QString> *original, QHash<PiiKind, int> &counters,
                       QList<RedactionMatch> *matches) const;

    QHash<QString, QString> m_byValue;  // kind + normalised value -> placeholder
    QHash<QString, QString> m_original; // placeholder -> original text
    QHash<PiiKind, int> m_counters;
};
