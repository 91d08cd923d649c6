#include "sim/simfault.h"

#include <QJsonValue>

#include <array>
#include <utility>

namespace {

constexpr std::array<std::pair<SimFault::Kind, const char *>, 7> kKindNames{{
    {SimFault::Kind::HttpError, "http_error"},
    {SimFault::Kind::SlowFirstByte, "slow_first_byte"},
    {SimFault::Kind::StallMidStream, "stall_mid_stream"},
    {SimFault::Kind::ResetConnection, "reset_connection"},
    {SimFault::Kind::MalformedJson, "malformed_json"},
    {SimFault::Kind::ErrorMidStream, "error_mid_stream"},
    {SimFault::Kind::CloseBeforeDone, "close_before_done"},
}};

bool readInt(const QJsonObject &object, const char *key, int min, int max, int *out, QString *error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    const double number = value.toDouble(-1e18);
    if (!value.isDouble() || number < min || number > max || number != static_cast<int>(number)) {
        *error = QStringLiteral("field '%1' must be an integer from %2 to %3")
                     .arg(QLatin1String(key))
                     .arg(min)
                     .arg(max);
        return false;
    }
    *out = static_cast<int>(number);
    return true;
}

bool readString(const QJsonObject &object, const char *key, QString *out, QString *error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (value.isDouble()) { // Retry-After: 2 is as natural as "2"
        *out = QString::number(value.toDouble());
        return true;
    }
    if (value.isBool()) { // x-should-retry: true
        *out = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    }
    if (!value.isString()) {
        *error = QStringLiteral("field '%1' must be a string").arg(QLatin1String(key));
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace

SimFault SimFault::httpError(int status, const QString &code)
{
    SimFault fault;
    fault.kind = Kind::HttpError;
    fault.status = status;
    fault.errorCode = code;
    return fault;
}

SimFault SimFault::ofKind(Kind kind, int afterChunks, int delayMs)
{
    SimFault fault;
    fault.kind = kind;
    fault.afterChunks = afterChunks;
    fault.delayMs = delayMs;
    return fault;
}

QString SimFault::kindName(Kind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind)
            return QLatin1String(name);
    }
    return {};
}

std::optional<SimFault::Kind> SimFault::kindFromName(const QString &name)
{
    for (const auto &[k, kindName] : kKindNames) {
        if (name == QLatin1String(kindName))
            return k;
    }
    return std::nullopt;
}

QJsonObject SimFault::toJson() const
{
    QJsonObject object{{QStringLiteral("kind"), kindName(kind)}};
    if (kind == Kind::HttpError)
        object.insert(QStringLiteral("status"), status);
    if (!message.isEmpty())
        object.insert(QStringLiteral("message"), message);
    if (!errorType.isEmpty())
        object.insert(QStringLiteral("type"), errorType);
    if (!errorCode.isEmpty())
        object.insert(QStringLiteral("code"), errorCode);
    if (!retryAfter.isEmpty())
        object.insert(QStringLiteral("retry_after"), retryAfter);
    if (retryAfterDateSeconds)
        object.insert(QStringLiteral("retry_after_date_seconds"), *retryAfterDateSeconds);
    if (retryAfterMs)
        object.insert(QStringLiteral("retry_after_ms"), static_cast<double>(*retryAfterMs));
    if (!shouldRetry.isEmpty())
        object.insert(QStringLiteral("should_retry"), shouldRetry);
    if (delayMs)
        object.insert(QStringLiteral("delay_ms"), delayMs);
    if (afterChunks)
        object.insert(QStringLiteral("after_chunks"), afterChunks);
    if (!model.isEmpty())
        object.insert(QStringLiteral("model"), model);
    if (times != 1)
        object.insert(QStringLiteral("times"), times);
    return object;
}

std::optional<SimFault> SimFault::fromJson(const QJsonObject &object, QString *error)
{
    QString scratch;
    QString *err = error ? error : &scratch;
    SimFault fault;
    const QJsonValue kindValue = object.value(QLatin1String("kind"));
    if (!kindValue.isUndefined()) {
        const auto kind = kindFromName(kindValue.toString());
        if (!kind) {
            *err = QStringLiteral("field 'kind' must be one of http_error, slow_first_byte, "
                                  "stall_mid_stream, reset_connection, malformed_json, "
                                  "error_mid_stream, close_before_done");
            return std::nullopt;
        }
        fault.kind = *kind;
    }
    int retryMs = -1;
    int dateSeconds = -1;
    if (!readInt(object, "status", 100, 599, &fault.status, err) ||
        !readInt(object, "delay_ms", 0, 600000, &fault.delayMs, err) ||
        !readInt(object, "after_chunks", 0, 1000000, &fault.afterChunks, err) ||
        !readInt(object, "times", 1, 1000000, &fault.times, err) ||
        !readInt(object, "retry_after_ms", 0, 3600000, &retryMs, err) ||
        !readInt(object, "retry_after_date_seconds", 0, 86400, &dateSeconds, err) ||
        !readString(object, "message", &fault.message, err) ||
        !readString(object, "type", &fault.errorType, err) ||
        !readString(object, "code", &fault.errorCode, err) ||
        !readString(object, "retry_after", &fault.retryAfter, err) ||
        !readString(object, "should_retry", &fault.shouldRetry, err) ||
        !readString(object, "model", &fault.model, err)) {
        return std::nullopt;
    }
    if (retryMs >= 0)
        fault.retryAfterMs = retryMs;
    if (dateSeconds >= 0)
        fault.retryAfterDateSeconds = dateSeconds;
    return fault;
}
