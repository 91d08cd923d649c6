#include "calls/redactor.h"

#include "calls/piidetector.h"

namespace {

QString mappingKey(PiiKind kind, const QString &value)
{
    return Redactor::placeholderPrefix(kind) + u'\x1f' + value;
}

} // namespace

QString Redactor::placeholderPrefix(PiiKind kind)
{
    switch (kind) {
    case PiiKind::Email:
        return QStringLiteral("EMAIL");
    case PiiKind::Phone:
        return QStringLiteral("PHONE");
    case PiiKind::Card:
        return QStringLiteral("CARD");
    case PiiKind::Iban:
        return QStringLiteral("IBAN");
    case PiiKind::Ssn:
        return QStringLiteral("SSN");
    case PiiKind::NationalId:
        return QStringLiteral("NATID");
    case PiiKind::DateOfBirth:
        return QStringLiteral("DOB");
    }
    return QStringLiteral("PII");
}

QString Redactor::redact(const QString &text, QList<RedactionMatch> *matches)
{
    return replaceAll(text, m_byValue, &m_original, m_counters, matches);
}

QString Redactor::maskForExport(const QString &text) const
{
    QHash<QString, QString> byValue = m_byValue;
    QHash<PiiKind, int> counters = m_counters;
    return replaceAll(text, byValue, nullptr, counters, nullptr);
}

QString Redactor::replaceAll(const QString &text, QHash<QString, QString> &byValue,
                             QHash<QString, QString> *original, QHash<PiiKind, int> &counters,
                             QList<RedactionMatch> *matches) const
{
    const QList<PiiDetector::Candidate> found = PiiDetector::detect(text);
    if (found.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    for (const PiiDetector::Candidate &c : found) {
        const QString key = mappingKey(c.kind, c.value);
        QString placeholder = byValue.value(key);
        if (placeholder.isEmpty()) {
            const int number = ++counters[c.kind];
            placeholder = QStringLiteral("[%1_%2]").arg(placeholderPrefix(c.kind)).arg(number);
            byValue.insert(key, placeholder);
            if (original)
                original->insert(placeholder, text.mid(c.start, c.length));
        }
        out += QStringView(text).mid(pos, c.start - pos);
        out += placeholder;
        pos = c.start + c.length;
        if (matches)
            matches->append(RedactionMatch{c.kind, placeholder, c.start, c.length});
    }
    out += QStringView(text).mid(pos);
    return out;
}

QString Redactor::restore(const QString &text) const
{
    if (m_original.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (text.at(i) != u'[')
            continue;
        // "[KIND_N]": upper-case letters, '_', digits, ']' - at most a few characters.
        qsizetype j = i + 1;
        while (j < n && j - i < 8 && text.at(j) >= u'A' && text.at(j) <= u'Z')
            ++j;
        if (j == i + 1 || j >= n || text.at(j) != u'_')
            continue;
        qsizetype k = j + 1;
        while (k < n && k - j < 8 && text.at(k).isDigit())
            ++k;
        if (k == j + 1 || k >= n || text.at(k) != u']')
            continue;
        const auto it = m_original.constFind(text.mid(i, k + 1 - i));
        if (it == m_original.constEnd())
            continue;
        out += QStringView(text).mid(pos, i - pos);
        out += *it;
        pos = k + 1;
        i = k;
    }
    out += QStringView(text).mid(pos);
    return out;
}

void Redactor::clear()
{
    m_byValue.clear();
    m_original.clear();
    m_counters.clear();
}

bool Redactor::luhnValid(QStringView digits)
{
    return PiiDetector::luhnValid(digits);
}

bool Redactor::ibanValid(QStringView compactIban)
{
    return PiiDetector::ibanValid(compactIban);
}

bool Redactor::ssnValid(QStringView nineDigits)
{
    return PiiDetector::ssnValid(nineDigits);
}
