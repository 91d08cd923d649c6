#include "openai/retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <cmath>

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 409 || httpStatus == 429 || httpStatus >= 500;
}

std::optional<bool> RetryPolicy::parseShouldRetry(QByteArrayView header)
{
    const QByteArray value = QByteArray(header.data(), header.size()).trimmed().toLower();
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    return std::nullopt;
}

qint64 RetryPolicy::serverDelayMs(QByteArrayView retryAfterMs, QByteArrayView retryAfter,
                                  const QDateTime &now)
{
    bool ok = false;
    const QByteArray ms = QByteArray(retryAfterMs.data(), retryAfterMs.size()).trimmed();
    if (!ms.isEmpty()) {
        const double value = ms.toDouble(&ok);
        if (ok && std::isfinite(value) && value >= 0)
            return qint64(std::ceil(value));
    }
    const QByteArray text = QByteArray(retryAfter.data(), retryAfter.size()).trimmed();
    if (text.isEmpty())
        return -1;
    const double seconds = text.toDouble(&ok);
    if (ok)
        return std::isfinite(seconds) && seconds >= 0 ? qint64(std::ceil(seconds * 1000)) : -1;
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(text).chopped(4),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!date.isValid() || !text.endsWith(" GMT"))
        return -1;
    date.setTimeSpec(Qt::UTC);
    return qMax<qint64>(0, now.msecsTo(date));
}

qint64 RetryPolicy::backoffMs(int retry)
{
    const double base = qMin<double>(double(MaxBackoffMs), double(InitialBackoffMs) *
                                                               std::pow(2.0, qBound(0, retry, 20)));
    const double jitter = base * 0.25 * QRandomGenerator::global()->generateDouble();
    return qint64(base + jitter);
}
