#pragma once

#include "openai/chaterror.h"
#include "openai/contentsink.h"
#include "openai/tokenusage.h"
#include "openai/toolcall.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

// Decodes the data of chat.completion.chunk events (simdjson on-demand, in place) and accumulates
// what they carry: content (passed straight to a sink), tool-call deltas, finish_reason, usage,
// the model, and an {"error": ...} object sent mid-stream.
class StreamChunkDecoder
{
public:
    enum class Status { Continue, Done, Error };

    explicit StreamChunkDecoder(ContentSink *sink);
    ~StreamChunkDecoder();

    // `data` must be followed by at least `padding` readable bytes (SseParser guarantees 64).
    Status decode(QByteArrayView eventType, QByteArrayView data, qsizetype padding);

    bool sawDone() const { return m_sawDone; }
    bool sawFinishReason() const { return !m_finishReason.isEmpty(); }
    qint64 contentBytes() const { return m_contentBytes; }
    qint64 chunks() const { return m_chunks; }
    QString finishReason() const { return m_finishReason; }
    QString model() const { return m_model; }
    const TokenUsage &usage() const { return m_usage; }
    bool hasUsage() const { return m_hasUsage; }
    QList<ToolCall> toolCalls() const;
    const ChatError &error() const { return m_error; }

private:
    struct Impl;
    struct ToolCallBuilder
    {
        QByteArray id;
        QByteArray name;
        QByteArray arguments;
    };
    friend struct Impl;

    std::unique_ptr<Impl> m_impl;
    ContentSink *m_sink;
    QList<ToolCallBuilder> m_toolCalls;
    QString m_finishReason;
    QString m_model;
    TokenUsage m_usage;
    ChatError m_error;
    qint64 m_contentBytes = 0;
    qint64 m_chunks = 0;
    bool m_hasUsage = false;
    bool m_sawDone = false;
};
