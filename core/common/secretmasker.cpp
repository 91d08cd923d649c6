#include "common/secretmasker.h"

#include <QRegularExpression>

namespace {

const QRegularExpression &keyPattern()
{
    // sk-..., sk-proj-..., sk-svcacct-...: a prefix and at least 8 key characters.
    static const QRegularExpression pattern(QStringLiteral(R"(\bsk-[A-Za-z0-9_\-]{8,})"));
    return pattern;
}

const QRegularExpression &schemePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(\b(Bearer|Basic)(\s+|%20)[A-Za-z0-9._~+/=\-]+)"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

const QRegularExpression &headerPattern()
{
    // Header lines and JSON/query fields: authorization: X, "api-key": "X", api_key=X, ...
    static const QRegularExpression pattern(
        QStringLiteral(
            R"(((?:proxy-)?authorization|x-api-key|api[-_]?key|openai[-_]api[-_]key)(["']?\s*[:=,]\s*["']?)(?!\[masked\])([^\s"',;&}]+))"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

} // namespace

SecretMasker::SecretMasker(const QList<QByteArray> &knownSecrets)
{
    for (const QByteArray &secret : knownSecrets)
        addKnownSecret(secret);
}

void SecretMasker::addKnownSecret(const QByteArray &secret)
{
    // Very short strings would mask ordinary words.
    if (secret.size() >= 8 && !m_known.contains(secret))
        m_known.append(secret);
}

QString SecretMasker::apply(const QString &text) const
{
    QString result = text;
    for (const QByteArray &secret : m_known)
        result.replace(QString::fromUtf8(secret), Replacement);
    return mask(result);
}

QString SecretMasker::mask(const QString &text)
{
    // Cheap pre-check: most log lines hold nothing to mask.
    if (!text.contains(QLatin1String("sk-")) &&
        !text.contains(QLatin1String("earer"), Qt::CaseInsensitive) &&
        !text.contains(QLatin1String("asic"), Qt::CaseInsensitive) &&
        !text.contains(QLatin1String("uthorization"), Qt::CaseInsensitive) &&
        !text.contains(QLatin1String("key"), Qt::CaseInsensitive))
        return text;
    QString result = text;
    result.replace(schemePattern(), QStringLiteral("\\1 ") + Replacement);
    result.replace(headerPattern(), QStringLiteral("\\1\\2") + Replacement);
    result.replace(keyPattern(), QStringLiteral("sk-") + Replacement);
    return result;
}

QByteArray SecretMasker::mask(const QByteArray &text)
{
    return mask(QString::fromUtf8(text)).toUtf8();
}

bool SecretMasker::containsSecret(const QString &text)
{
    return mask(text) != text;
}
