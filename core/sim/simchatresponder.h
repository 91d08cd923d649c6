#pragma once

#include "sim/simchatrequest.h"
#include "sim/simfault.h"
#include "sim/simresponseplan.h"
#include "sim/simtiming.h"

#include <optional>

// Turns a chat request, the text to answer with and an optional fault into a
// response plan: OpenAI shapes, token-by-token ticks, usage, fault effects.
class SimChatResponder
{
public:
    struct Identity
    {
        QString completionId;
        qint64 created = 0;
        QString fingerprint;
    };

    static SimResponsePlan chat(const SimChatRequest &request, const QString &text,
                                const std::optional<SimFault> &fault, const SimTiming &timing,
                                const Identity &identity);
    static SimResponsePlan httpError(const SimFault &fault);
    static SimResponsePlan error(int status, const QString &message, const QString &type,
                                 const QString &param = {}, const QString &code = {});
    // The benchmark stream: `chunks` content chunks of about 171 bytes each, with
    // the usual role, finish and usage chunks and [DONE], as HTTP chunks of ~64 KiB.
    static QByteArray benchBody(const QString &model, int chunks, bool includeUsage);
    // Bytes of one benchmark content event ("data: {...}\n\n").
    static QByteArray benchEvent(const QString &model, int index);

private:
    static QByteArray benchId(const QString &model);
    static QByteArray benchEvent(const QString &model, int index, const QByteArray &id);
};
