#include "sim/simchatresponder.h"

#include "sim/simchatrenderer.h"
#include "sim/simtokens.h"

#include <QDateTime>
#include <QLocale>

namespace {

constexpr int kStallForeverMs = 0;
constexpr int kBenchEventBytes = 171;
constexpr qsizetype kBenchHttpChunk = 64 * 1024;

void applyStop(const QStringList &stop, QString *text, bool *stopped)
{
    qsizetype cut = -1;
    for (const QString &s : stop) {
        const qsizetype at = text->indexOf(s);
        if (at >= 0 && (cut < 0 || at < cut))
            cut = at;
    }
    if (cut >= 0) {
        text->truncate(cut);
        *stopped = true;
    }
}

QByteArray malformedEvent(const QString &id)
{
    // Cut off in the middle of a string: no JSON parser accepts it.
    return "data: {\"id\":\"" + id.toLatin1() +
           "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{"
           "\"content\":\"brok\n\n";
}

QByteArray errorEvent(const SimFault &fault)
{
    const int status = fault.status > 0 && fault.status != 200 ? fault.status : 500;
    const QString message =
        fault.message.isEmpty()
            ? QStringLiteral("The server had an error while processing your request.")
            : fault.message;
    const QString type = fault.errorType.isEmpty()
                             ? SimChatRenderer::defaultErrorType(status, fault.errorCode)
                             : fault.errorType;
    return SimChatRenderer::sseEvent(
        SimChatRenderer::errorBody(message, type, {}, fault.errorCode));
}

} // namespace

SimResponsePlan SimChatResponder::error(int status, const QString &message, const QString &type,
                                        const QString &param, const QString &code)
{
    SimResponsePlan plan;
    plan.status = status;
    plan.addHeader("Content-Type", "application/json");
    plan.body = SimChatRenderer::errorBody(message, type, param, code);
    return plan;
}

SimResponsePlan SimChatResponder::httpError(const SimFault &fault)
{
    const QString message =
        fault.message.isEmpty()
            ? SimChatRenderer::defaultErrorMessage(fault.status, fault.errorCode)
            : fault.message;
    const QString type = fault.errorType.isEmpty()
                             ? SimChatRenderer::defaultErrorType(fault.status, fault.errorCode)
                             : fault.errorType;
    QString code = fault.errorCode;
    if (code.isEmpty() && fault.status == 429)
        code = QStringLiteral("rate_limit_exceeded");
    SimResponsePlan plan = error(fault.status, message, type, {}, code);
    if (!fault.retryAfter.isEmpty())
        plan.addHeader("Retry-After", fault.retryAfter.toLatin1());
    if (fault.retryAfterDateSeconds) {
        const QDateTime when =
            QDateTime::currentDateTimeUtc().addSecs(*fault.retryAfterDateSeconds);
        plan.headers.append(
            {"Retry-After",
             QLocale::c().toString(when, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'").toLatin1()});
    }
    if (fault.retryAfterMs)
        plan.addHeader("retry-after-ms", QByteArray::number(*fault.retryAfterMs));
    if (!fault.shouldRetry.isEmpty())
        plan.addHeader("x-should-retry", fault.shouldRetry.toLatin1());
    plan.firstByteDelayMs = fault.delayMs;
    return plan;
}

SimResponsePlan SimChatResponder::chat(const SimChatRequest &request, const QString &text,
                                       const std::optional<SimFault> &fault,
                                       const SimTiming &timing, const Identity &identity)
{
    QString content = text;
    bool stopped = false;
    applyStop(request.stop, &content, &stopped);
    QStringList pieces = SimTokens::pieces(content);
    QString finishReason = QStringLiteral("stop");
    if (request.maxTokens && SimTokens::count(request.model, content) > *request.maxTokens) {
        // Keep whole pieces while the text still fits the limit.
        QString kept;
        qsizetype n = 0;
        while (n < pieces.size() &&
               SimTokens::count(request.model, kept + pieces.at(n)) <= *request.maxTokens)
            kept += pieces.at(n++);
        pieces = pieces.mid(0, n);
        content = kept;
        finishReason = QStringLiteral("length");
    }
    const SimUsage usage{SimTokens::countPrompt(request.model, request.messages),
                         SimTokens::count(request.model, content)};
    const SimChatRenderer renderer(identity.completionId, request.model, identity.created,
                                   identity.fingerprint);
    const int interval = timing.tokenIntervalMs();
    // HttpError never reaches here, so it doubles as "no fault".
    const SimFault::Kind kind = fault ? fault->kind : SimFault::Kind::HttpError;

    SimResponsePlan plan;
    if (!request.stream) {
        plan.addHeader("Content-Type", "application/json");
        plan.body = renderer.completion(content, finishReason, usage);
        // A non-streamed answer arrives when the whole generation is done.
        plan.firstByteDelayMs =
            std::max(0, timing.firstTokenMs) +
            static_cast<int>(std::min<qsizetype>(pieces.size() * interval, 600000));
        if (kind == SimFault::Kind::SlowFirstByte)
            plan.firstByteDelayMs += fault->delayMs;
        else if (kind == SimFault::Kind::StallMidStream)
            plan.firstByteDelayMs =
                fault->delayMs > 0 ? plan.firstByteDelayMs + fault->delayMs : 24 * 3600 * 1000;
        else if (kind == SimFault::Kind::ResetConnection)
            plan.resetAfterTicks = 0;
        else if (kind == SimFault::Kind::MalformedJson)
            plan.body = plan.body.left(plan.body.size() / 2);
        else if (kind == SimFault::Kind::ErrorMidStream)
            plan.body = errorEvent(*fault).mid(6).trimmed(); // the error object as the whole body
        else if (kind == SimFault::Kind::CloseBeforeDone)
            plan.truncateBody = true;
        return plan;
    }

    const bool usageField = request.includeUsage;
    plan.streamed = true;
    plan.addHeader("Content-Type", "text/event-stream; charset=utf-8");
    plan.addHeader("Cache-Control", "no-cache");
    QByteArray first = renderer.roleChunk(usageField);
    if (!pieces.isEmpty())
        first += renderer.contentChunk(pieces.first(), usageField);
    plan.ticks.append(first);
    for (qsizetype i = 1; i < pieces.size(); ++i)
        plan.ticks.append(renderer.contentChunk(pieces.at(i), usageField));
    plan.ticks.last() += renderer.finishChunk(finishReason, usageField);
    if (request.includeUsage)
        plan.ticks.last() += renderer.usageChunk(usage);
    plan.ticks.last() += SimChatRenderer::doneEvent();
    plan.firstTickDelayMs = std::max(0, timing.firstTokenMs);
    plan.tickIntervalMs = interval;

    if (!fault)
        return plan;
    // "After N chunks" counts content chunks; the fault always lands before the end.
    const int last = static_cast<int>(plan.ticks.size()) - 1;
    const int at = std::clamp(fault->afterChunks, 0, std::max(0, last));
    switch (fault->kind) {
    case SimFault::Kind::HttpError:
        break;
    case SimFault::Kind::SlowFirstByte:
        plan.firstByteDelayMs = fault->delayMs;
        break;
    case SimFault::Kind::StallMidStream:
        plan.stallAfterTicks = at;
        plan.stallMs = fault->delayMs > 0 ? fault->delayMs : kStallForeverMs;
        break;
    case SimFault::Kind::ResetConnection:
        plan.resetAfterTicks = fault->afterChunks == 0 ? 0 : std::max(1, at);
        break;
    case SimFault::Kind::MalformedJson:
        plan.ticks.insert(at, malformedEvent(identity.completionId));
        break;
    case SimFault::Kind::ErrorMidStream:
        plan.ticks = plan.ticks.mid(0, at);
        plan.ticks.append(errorEvent(*fault));
        break;
    case SimFault::Kind::CloseBeforeDone:
        plan.ticks = plan.ticks.mid(0, std::max(1, at));
        if (at == 0)
            plan.ticks.first() = renderer.roleChunk(usageField);
        break;
    }
    return plan;
}

QByteArray SimChatResponder::benchEvent(const QString &model, int index)
{
    return benchEvent(model, index, benchId(model));
}

QByteArray SimChatResponder::benchId(const QString &model)
{
    // The id absorbs the difference so every content event is 171 bytes like the
    // reference stream (exact for model names up to 7 characters such as gpt-4o, longer above).
    const qsizetype fixed = benchEvent(model, 0, QByteArray()).size();
    const qsizetype length = std::max<qsizetype>(9, kBenchEventBytes - fixed);
    return QByteArray("chatcmpl-SimBench").leftJustified(length, '0', true);
}

QByteArray SimChatResponder::benchEvent(const QString &model, int index, const QByteArray &id)
{
    // Just the fields every client reads, with a word-like piece of content.
    const QByteArray content = " w" + QByteArray::number(index % 1000).rightJustified(3, '0');
    return "data: {\"id\":\"" + id +
           "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"" +
           model.toUtf8() + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content +
           "\"},\"finish_reason\":null}]}\n\n";
}

QByteArray SimChatResponder::benchBody(const QString &model, int chunks, bool includeUsage)
{
    const QByteArray id = benchId(model);
    const SimChatRenderer renderer(QString::fromLatin1(id), model, 1700000000,
                                   QStringLiteral("fp_sim"));
    QByteArray events = renderer.roleChunk(false);
    QByteArray body;
    body.reserve(static_cast<qsizetype>(chunks) * (kBenchEventBytes + 2) + 4096);
    auto flush = [&] {
        body += QByteArray::number(events.size(), 16) + "\r\n" + events + "\r\n";
        events.clear();
    };
    // Content repeats every 1000 events: render those once, then only copy bytes.
    QList<QByteArray> distinct;
    for (int i = 0; i < std::min(chunks, 1000); ++i)
        distinct.append(benchEvent(model, i, id));
    events.reserve(kBenchHttpChunk + 1024);
    for (int i = 0; i < chunks; ++i) {
        events += distinct.at(i % 1000);
        if (events.size() >= kBenchHttpChunk)
            flush();
    }
    events += renderer.finishChunk(QStringLiteral("stop"), false);
    if (includeUsage)
        events += renderer.usageChunk(SimUsage{10, chunks});
    events += SimChatRenderer::doneEvent();
    flush();
    body += "0\r\n\r\n";
    return body;
}
