#pragma once

#include "openai/chaterror.h"
#include "openai/sseparser.h"
#include "openai/streamchunkdecoder.h"
#include "openai/tokenusage.h"
#include "openai/toolcall.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

// What one HTTP attempt produced.
struct ExchangeOutcome
{
    int httpStatus = 0;
    ChatError error;
    std::optional<bool> shouldRetry; // x-should-retry
    QByteArray retryAfterMs;
    QByteArray retryAfter;
    QString requestId;
    qint64 latencyMs = 0;
    qint64 ttftMs = -1;
    bool deliveredContent = false;
    bool incomplete = false;
    QString finishReason;
    QString model;
    TokenUsage usage;
    QList<ToolCall> toolCalls;
};

// One HTTP attempt of a chat request: sends it, decodes a streamed or plain answer, enforces the
// first-byte and total timeouts, and reports once through finished(). Internal to ChatCall.
// The reply is watched through a QPointer: if its manager is destroyed first, the exchange simply
// has nothing left to abort.
class ChatExchange final : public QObject, private ContentSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatExchange)

public:
    // `reply` stays a child of the manager that made it (a reply must never outlive its manager);
    // the exchange aborts it and schedules its deletion when done or destroyed.
    ChatExchange(QNetworkReply *reply, bool stream, int firstByteTimeoutMs, int totalTimeoutMs,
                 ContentSink *sink);
    ~ChatExchange() override;

    // Stops the attempt without emitting finished().
    void abort();
    const ExchangeOutcome &outcome() const { return m_outcome; }
    const QNetworkReply *reply() const { return m_reply; }

signals:
    void finished();

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout(bool firstByte);
    void readStream();
    void finishStreamed();
    void finishPlain(const QByteArray &body);
    void done();

    void appendContent(const char *utf8, qsizetype size) override;

    QPointer<QNetworkReply> m_reply;
    ContentSink *m_sink;
    SseParser m_parser;
    StreamChunkDecoder m_decoder;
    QElapsedTimer m_clock;
    QTimer m_firstByteTimer;
    QTimer m_totalTimer;
    ExchangeOutcome m_outcome;
    QByteArray m_plainBody;
    ChatError m_timeoutError;
    bool m_stream;
    bool m_headersSeen = false;
    bool m_isEventStream = false;
    bool m_streamEnded = false; // [DONE] or a mid-stream error ended the stream
    bool m_done = false;
};
