#include "calls/redactor.h"

#include "calls/piidetector.h"

namespace {

QString mappingKey(PiiKind kind, const QString &value)
{
    return Redactor::placeholderPrefix(kind) + u'\x1f' + value;
}

// The customer's name has fixed placeholders: there is only one customer per call.
QString customerPlaceholder(const QString &part)
{
    if (part == u"given")
        return QStringLiteral("[CUSTOMER_GIVEN_NAME]");
    if (part == u"family")
        return QStringLiteral("[CUSTOMER_FAMILY_NAME]");
    return QStringLiteral("[CUSTOMER_NAME]");
}

bool isPlaceholderChar(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
}

constexpr qsizetype kMaxPlaceholder = 32; // "[CUSTOMER_FAMILY_NAME]" and "[ADDRESS_123]" fit

} // namespace

Redactor::Redactor(const PrivacySettings &settings)
    : m_settings(settings)
{}

void Redactor::setCustomerName(const QString &name)
{
    m_customerName = name.simplified();
    registerCustomerName();
}

void Redactor::registerCustomerName()
{
    if (!m_settings.pseudonymiseCustomerName || m_customerName.isEmpty())
        return;
    const QStringList parts = m_customerName.split(u' ');
    m_original.insert(customerPlaceholder(QStringLiteral("full")), m_customerName);
    if (parts.size() > 1) {
        m_original.insert(customerPlaceholder(QStringLiteral("given")), parts.first());
        m_original.insert(customerPlaceholder(QStringLiteral("family")), parts.last());
    }
}

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
    case PiiKind::Address:
        return QStringLiteral("ADDRESS");
    case PiiKind::Passport:
        return QStringLiteral("PASSPORT");
    case PiiKind::Account:
        return QStringLiteral("ACCOUNT");
    case PiiKind::IpAddress:
        return QStringLiteral("IP");
    case PiiKind::PersonName:
        return QStringLiteral("NAME");
    case PiiKind::CustomerName:
        return QStringLiteral("CUSTOMER_NAME");
    }
    return QStringLiteral("PII");
}

QString Redactor::cardReadBack(QStringView digits)
{
    return QString::fromUtf16(u"•••• ") + digits.right(4).toString();
}

QString Redactor::redact(const QString &text, QList<RedactionMatch> *matches)
{
    return replaceAll(text, m_byValue, &m_original, m_counters, matches, &m_names);
}

QString Redactor::maskForExport(const QString &text) const
{
    QHash<QString, QString> byValue = m_byValue;
    QHash<PiiKind, int> counters = m_counters;
    return replaceAll(text, byValue, nullptr, counters, nullptr, nullptr);
}

QString Redactor::replaceAll(const QString &text, QHash<QString, QString> &byValue,
                             QHash<QString, QString> *original, QHash<PiiKind, int> &counters,
                             QList<RedactionMatch> *matches, QStringList *names) const
{
    PiiDetector::Options options;
    options.customerName = m_customerName;
    options.reportCustomerName = m_settings.pseudonymiseCustomerName;
    options.knownNames = m_names;
    const QList<PiiDetector::Candidate> found = PiiDetector::detect(text, options);
    if (found.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    for (const PiiDetector::Candidate &c : found) {
        QString placeholder;
        if (c.kind == PiiKind::CustomerName) {
            placeholder = customerPlaceholder(c.value);
        } else {
            const QString key = mappingKey(c.kind, c.value);
            placeholder = byValue.value(key);
            if (placeholder.isEmpty()) {
                const int number = ++counters[c.kind];
                placeholder = QStringLiteral("[%1_%2]").arg(placeholderPrefix(c.kind)).arg(number);
                byValue.insert(key, placeholder);
                if (original) {
                    // A card number never comes back whole, so it is never kept whole either.
                    original->insert(placeholder, c.kind == PiiKind::Card
                                                      ? cardReadBack(c.value)
                                                      : text.mid(c.start, c.length));
                }
                if (names && c.kind == PiiKind::PersonName)
                    names->append(c.value);
            }
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
        // "[KIND_N]", "[CUSTOMER_NAME]": upper-case letters, digits and '_', a few characters.
        qsizetype k = i + 1;
        while (k < n && k - i < kMaxPlaceholder && isPlaceholderChar(text.at(k)))
            ++k;
        if (k == i + 1 || k >= n || text.at(k) != u']')
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

qsizetype Redactor::partialPlaceholderStart(QStringView text)
{
    const qsizetype open = text.lastIndexOf(u'[');
    if (open < 0 || text.size() - open > kMaxPlaceholder)
        return text.size();
    for (qsizetype k = open + 1; k < text.size(); ++k) {
        if (!isPlaceholderChar(text.at(k)))
            return text.size();
    }
    return open;
}

void Redactor::clear()
{
    m_byValue.clear();
    m_original.clear();
    m_counters.clear();
    m_names.clear();
    registerCustomerName();
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
