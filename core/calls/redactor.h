#pragma once

#include "calls/privacysettings.h"
#include "calls/redactionmatch.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Replaces personal data with stable placeholders before text leaves the machine: e-mail
// addresses, phone numbers, Luhn-valid card numbers, mod-97-valid IBANs, US SSNs and other
// checkable national ids, dates of birth, street addresses, passport and account numbers, IP
// addresses, names of other people, and, when configured, the customer's own name; written or
// spoken, in English and German. One Redactor per call: the same value always gets the same
// placeholder ([EMAIL_1], [PHONE_2], ...), and restore() puts the originals back for the
// supervisor's view and the agent's spoken turn, except card numbers, which come back as their
// last four digits only ("•••• 4242"). Linear-time scanners, no regular expressions.
class Redactor final
{
public:
    Redactor() = default;
    explicit Redactor(const PrivacySettings &settings);

    // The call's customer (CallContext::customerName). Their name is never masked as another
    // person's; with PrivacySettings::pseudonymiseCustomerName it becomes [CUSTOMER_NAME]
    // (or [CUSTOMER_GIVEN_NAME], [CUSTOMER_FAMILY_NAME] for one of its words).
    void setCustomerName(const QString &name);
    QString customerName() const { return m_customerName; }

    // Replaces every detected value, remembering new ones in this call's mapping.
    QString redact(const QString &text, QList<RedactionMatch> *matches = nullptr);
    // Replaces this call's placeholders by what the supervisor and the customer may see again:
    // the original value, or for a card "•••• " and its last four digits. Unknown placeholders
    // stay.
    QString restore(const QString &text) const;
    // Placeholders only, without touching the mapping (exports, logs): known values get their
    // call placeholder, new ones a fresh number that is not remembered.
    QString maskForExport(const QString &text) const;

    // placeholder -> what restore() puts back, for this call (a card's last four digits only).
    QHash<QString, QString> mapping() const { return m_original; }
    int placeholderCount() const { return int(m_original.size()); }
    void clear();

    static QString placeholderPrefix(PiiKind kind); // "EMAIL", "PHONE", ...
    // How a card number is read back: "•••• 4242" (PCI DSS: at most the last four digits).
    static QString cardReadBack(QStringView digits);
    // Where a placeholder that is not finished yet may start at the end of `text` ("... to
    // [EMA"), or text.size() if none: streamed text can hold that tail back until it completes.
    static qsizetype partialPlaceholderStart(QStringView text);

    // Checks, public for the tests and for other validators.
    static bool luhnValid(QStringView digits);
    static bool ibanValid(QStringView compactIban); // upper case, no spaces
    static bool ssnValid(QStringView nineDigits);

private:
    QString replaceAll(const QString &text, QHash<QString, QString> &byValue,
                       QHash<QString, QString> *original, QHash<PiiKind, int> &counters,
                       QList<RedactionMatch> *matches, QStringList *names) const;
    void registerCustomerName();

    PrivacySettings m_settings;
    QString m_customerName;
    QHash<QString, QString> m_byValue;  // kind + normalised value -> placeholder
    QHash<QString, QString> m_original; // placeholder -> restored text
    QHash<PiiKind, int> m_counters;
    QStringList m_names; // people named so far in this call (normalised)
};
