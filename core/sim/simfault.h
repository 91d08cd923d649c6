#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// One injected failure for the next matching request (see docs/simulator.md).
struct SimFault
{
    enum class Kind {
        HttpError,       // status + OpenAI error body + retry headers
        SlowFirstByte,   // nothing at all for delayMs, then the normal answer
        StallMidStream,  // after afterChunks content chunks, silence for delayMs (0 = forever)
        ResetConnection, // abort the socket (RST) after afterChunks chunks (0 = before any byte)
        MalformedJson,   // an unparseable body (not streamed) or chunk (streamed)
        ErrorMidStream,  // {"error": ...} as an SSE event after afterChunks chunks, then the end
        CloseBeforeDone, // the body ends after afterChunks chunks: no finish_reason, no [DONE]
    };

    Kind kind = Kind::HttpError;
    int status = 500;
    QString message;    // error message; a default per status when empty
    QString errorType;  // OpenAI error "type"; a default per status when empty
    QString errorCode;  // OpenAI error "code", e.g. insufficient_quota, rate_limit_exceeded
    QString retryAfter; // Retry-After verbatim ("2", "0.5", an HTTP date)
    std::optional<int> retryAfterDateSeconds; // Retry-After as an HTTP date this far ahead
    std::optional<qint64> retryAfterMs;       // retry-after-ms
    QString shouldRetry;                      // x-should-retry: "true" / "false"
    int delayMs = 0;
    int afterChunks = 0;
    QString model; // only requests for this model; empty = any request
    int times = 1; // how many matching requests it affects

    static SimFault httpError(int status, const QString &code = {});
    static SimFault ofKind(Kind kind, int afterChunks = 0, int delayMs = 0);

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    QJsonObject toJson() const;
    // Reads the control-endpoint form; *error names the bad field.
    static std::optional<SimFault> fromJson(const QJsonObject &object, QString *error);
};
