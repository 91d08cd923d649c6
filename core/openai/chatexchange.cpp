#include "openai/chatexchange.h"

#include "openai/apierror.h"
#include "openai/openailog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>

namespace {

constexpr qint64 ReadSlice = 64 * 1024;
constexpr qint64 ReplyBufferBytes = 1024 * 1024;

} // namespace

ChatExchange::ChatExchange(QNetworkReply *reply, bool stream, int firstByteTimeoutMs,
                           int totalTimeoutMs, ContentSink *sink)
    : m_reply(reply)
    , m_sink(sink)
    , m_decoder(this)
    , m_stream(stream)
{
    m_clock.start();
    m_firstByteTimer.setSingleShot(true);
    m_totalTimer.setSingleShot(true);
    // A timeout must never fire before its time (coarse timers may be 5 % early).
    m_firstByteTimer.setTimerType(Qt::PreciseTimer);
    m_totalTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_firstByteTimer, &QTimer::timeout, this, [this] { onTimeout(true); });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] { onTimeout(false); });
    if (firstByteTimeoutMs > 0)
        m_firstByteTimer.start(firstByteTimeoutMs);
    if (totalTimeoutMs > 0)
        m_totalTimer.start(totalTimeoutMs);

    // Back-pressure: QNAM stops reading the socket while this much is unread, so a fast server
    // cannot make a slow consumer buffer a whole stream in memory.
    m_reply->setReadBufferSize(ReplyBufferBytes);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ChatExchange::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatExchange::onFinished);
}

ChatExchange::~ChatExchange()
{
    abort();
}

void ChatExchange::abort()
{
    m_done = true;
    m_firstByteTimer.stop();
    m_totalTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void ChatExchange::appendContent(const char *utf8, qsizetype size)
{
    if (!m_outcome.deliveredContent) {
        m_outcome.deliveredContent = true;
        m_outcome.ttftMs = m_clock.elapsed();
    }
    m_sink->appendContent(utf8, size);
}

void ChatExchange::onMetaData()
{
    if (m_headersSeen || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersSeen = true;
    m_firstByteTimer.stop();
    m_outcome.httpStatus = status.toInt();
    m_outcome.requestId = QString::fromLatin1(m_reply->rawHeader("x-request-id"));
    m_outcome.retryAfterMs = m_reply->rawHeader("retry-after-ms");
    m_outcome.retryAfter = m_reply->rawHeader("retry-after");
    const QByteArray shouldRetry = m_reply->rawHeader("x-should-retry");
    if (!shouldRetry.isEmpty()) {
        const QByteArray value = shouldRetry.trimmed().toLower();
        if (value == "true" || value == "false")
            m_outcome.shouldRetry = value == "true";
    }
    const QByteArray contentType = m_reply->rawHeader("content-type").toLower();
    m_isEventStream =
        m_stream && m_outcome.httpStatus / 100 == 2 && contentType.startsWith("text/event-stream");
}

void ChatExchange::onReadyRead()
{
    if (m_done || !m_reply)
        return;
    m_firstByteTimer.stop();
    if (!m_headersSeen)
        onMetaData();
    if (m_isEventStream) {
        readStream();
        if (!m_done)
            m_sink->readBatchDone();
    } else {
        m_plainBody.append(m_reply->readAll());
    }
}

void ChatExchange::readStream()
{
    while (!m_done && !m_streamEnded) {
        // Bounded slices keep the parser's buffer small however much QNAM has buffered.
        const qint64 available = qMin<qint64>(m_reply->bytesAvailable(), ReadSlice);
        if (available <= 0)
            break;
        char *target = m_parser.prepareWrite(available);
        const qint64 got = m_reply->read(target, available);
        if (got <= 0)
            break;
        m_parser.commit(got);
        m_parser.parse([this](const SseParser::Event &event) {
            switch (m_decoder.decode(event.type, event.data, SseParser::Padding)) {
            case StreamChunkDecoder::Status::Continue:
                return true;
            case StreamChunkDecoder::Status::Done:
                m_streamEnded = true;
                return false;
            case StreamChunkDecoder::Status::Error:
                m_streamEnded = true;
                m_outcome.error = m_decoder.error();
                return false;
            }
            return true;
        });
    }
    if (m_outcome.error.isError()) {
        // An {"error": ...} in the stream ends the attempt at once.
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
        }
        finishStreamed();
        return;
    }
    // [DONE] completes the answer even if the server keeps the body open.
    if (m_streamEnded && !m_done)
        finishStreamed();
}

void ChatExchange::onFinished()
{
    if (m_done || !m_reply)
        return;
    if (!m_headersSeen)
        onMetaData();
    m_firstByteTimer.stop();
    const QNetworkReply::NetworkError networkError = m_reply->error();
    if (m_isEventStream) {
        readStream();
        if (m_done)
            return;
        if (!m_streamEnded && !m_decoder.sawFinishReason()) {
            m_outcome.incomplete = true;
            m_outcome.error.type = ChatErrorType::IncompleteStream;
            m_outcome.error.httpStatus = m_outcome.httpStatus;
            m_outcome.error.message =
                networkError == QNetworkReply::NoError
                    ? QStringLiteral("the stream ended before [DONE] or a finish_reason")
                    : QStringLiteral("the stream broke off before [DONE]: %1")
                          .arg(m_reply->errorString());
        }
        finishStreamed();
        return;
    }
    m_plainBody.append(m_reply->readAll());
    if (m_outcome.httpStatus == 0) {
        m_outcome.error = ApiError::fromNetwork(networkError, m_reply->errorString());
        done();
        return;
    }
    if (m_outcome.httpStatus / 100 != 2) {
        m_outcome.error = ApiError::fromBody(m_outcome.httpStatus, m_plainBody);
        done();
        return;
    }
    if (networkError != QNetworkReply::NoError) {
        m_outcome.error = ApiError::fromNetwork(networkError, m_reply->errorString());
        done();
        return;
    }
    finishPlain(m_plainBody);
}

void ChatExchange::finishStreamed()
{
    m_outcome.finishReason = m_decoder.finishReason();
    m_outcome.model = m_decoder.model();
    m_outcome.usage = m_decoder.usage();
    m_outcome.toolCalls = m_decoder.toolCalls();
    done();
}

void ChatExchange::finishPlain(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("error")).isObject()) {
        m_outcome.error = ApiError::fromBody(0, body);
        done();
        return;
    }
    const QJsonObject choice = root.value(QLatin1String("choices")).toArray().at(0).toObject();
    if (parseError.error != QJsonParseError::NoError || choice.isEmpty()) {
        m_outcome.error.type = ChatErrorType::BadResponse;
        m_outcome.error.httpStatus = m_outcome.httpStatus;
        m_outcome.error.message =
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("malformed JSON response: %1").arg(parseError.errorString())
                : QStringLiteral("response has no choices");
        done();
        return;
    }
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    const QByteArray content = message.value(QLatin1String("content")).toString().toUtf8();
    if (!content.isEmpty())
        appendContent(content.constData(), content.size());
    m_outcome.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    m_outcome.model = root.value(QLatin1String("model")).toString();
    for (const QJsonValue &callValue : message.value(QLatin1String("tool_calls")).toArray()) {
        const QJsonObject call = callValue.toObject();
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        m_outcome.toolCalls.append({call.value(QLatin1String("id")).toString(),
                                    function.value(QLatin1String("name")).toString(),
                                    function.value(QLatin1String("arguments")).toString()});
    }
    const QJsonObject usage = root.value(QLatin1String("usage")).toObject();
    m_outcome.usage.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInt();
    m_outcome.usage.completionTokens = usage.value(QLatin1String("completion_tokens")).toInt();
    m_outcome.usage.totalTokens = usage.value(QLatin1String("total_tokens")).toInt();
    m_outcome.usage.cachedPromptTokens = usage.value(QLatin1String("prompt_tokens_details"))
                                             .toObject()
                                             .value(QLatin1String("cached_tokens"))
                                             .toInt();
    done();
}

void ChatExchange::onTimeout(bool firstByte)
{
    if (m_done)
        return;
    m_outcome.error.type =
        m_outcome.deliveredContent ? ChatErrorType::IncompleteStream : ChatErrorType::Timeout;
    m_outcome.error.httpStatus = m_outcome.httpStatus;
    m_outcome.error.message =
        firstByte ? QStringLiteral("no response within %1 ms (first-byte timeout)")
                        .arg(m_firstByteTimer.interval())
                  : QStringLiteral("the request exceeded its total timeout of %1 ms")
                        .arg(m_totalTimer.interval());
    m_outcome.incomplete = m_outcome.deliveredContent;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    if (m_isEventStream)
        finishStreamed();
    else
        done();
}

void ChatExchange::done()
{
    if (m_done)
        return;
    m_outcome.latencyMs = m_clock.elapsed();
    m_done = true;
    m_firstByteTimer.stop();
    m_totalTimer.stop();
    emit finished();
}
