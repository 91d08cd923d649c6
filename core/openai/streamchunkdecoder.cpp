#include "openai/streamchunkdecoder.h"

#include "openai/apierror.h"

#include <simdjson.h>

#include <string_view>

using namespace simdjson;

struct StreamChunkDecoder::Impl
{
    ondemand::parser parser;

    static QString toQString(std::string_view text)
    {
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }

    // Fields of a delta: content, tool_calls (role and refusal are not needed).
    static bool readDelta(StreamChunkDecoder *self, ondemand::object delta)
    {
        for (auto field : delta) {
            ondemand::raw_json_string key;
            if (field.key().get(key))
                return false;
            ondemand::value value;
            if (field.value().get(value))
                return false;
            if (key == "content") {
                if (value.is_null())
                    continue;
                std::string_view text;
                if (value.get_string().get(text))
                    return false;
                if (!text.empty()) {
                    self->m_contentBytes += qint64(text.size());
                    self->m_sink->appendContent(text.data(), qsizetype(text.size()));
                }
            } else if (key == "tool_calls") {
                if (value.is_null())
                    continue;
                ondemand::array calls;
                if (value.get_array().get(calls))
                    return false;
                for (auto callValue : calls) {
                    ondemand::object call;
                    if (callValue.get_object().get(call))
                        return false;
                    if (!readToolCall(self, call))
                        return false;
                }
            }
        }
        return true;
    }

    static bool readToolCall(StreamChunkDecoder *self, ondemand::object call)
    {
        int64_t index = -1;
        std::string_view id, name, arguments;
        bool hasId = false, hasName = false, hasArguments = false;
        for (auto field : call) {
            ondemand::raw_json_string key;
            if (field.key().get(key))
                return false;
            ondemand::value value;
            if (field.value().get(value))
                return false;
            if (key == "index") {
                if (value.get_int64().get(index))
                    return false;
            } else if (key == "id") {
                hasId = !value.is_null() && !value.get_string().get(id);
            } else if (key == "function") {
                ondemand::object function;
                if (value.get_object().get(function))
                    return false;
                for (auto fn : function) {
                    ondemand::raw_json_string fnKey;
                    if (fn.key().get(fnKey))
                        return false;
                    ondemand::value fnValue;
                    if (fn.value().get(fnValue))
                        return false;
                    if (fnKey == "name")
                        hasName = !fnValue.is_null() && !fnValue.get_string().get(name);
                    else if (fnKey == "arguments")
                        hasArguments = !fnValue.is_null() && !fnValue.get_string().get(arguments);
                }
            }
        }
        if (index < 0)
            index = self->m_toolCalls.isEmpty() ? 0 : self->m_toolCalls.size() - 1;
        if (index > 1024)
            return false;
        while (self->m_toolCalls.size() <= index)
            self->m_toolCalls.append(ToolCallBuilder());
        ToolCallBuilder &builder = self->m_toolCalls[index];
        // id and name arrive once, in the first delta of a call; arguments arrive in pieces.
        if (hasId)
            builder.id = QByteArray(id.data(), qsizetype(id.size()));
        if (hasName)
            builder.name.append(name.data(), qsizetype(name.size()));
        if (hasArguments)
            builder.arguments.append(arguments.data(), qsizetype(arguments.size()));
        return true;
    }

    static bool readUsage(StreamChunkDecoder *self, ondemand::object usage)
    {
        for (auto field : usage) {
            ondemand::raw_json_string key;
            if (field.key().get(key))
                return false;
            ondemand::value value;
            if (field.value().get(value))
                return false;
            int64_t number = 0;
            if (key == "prompt_tokens") {
                if (!value.get_int64().get(number))
                    self->m_usage.promptTokens = int(number);
            } else if (key == "completion_tokens") {
                if (!value.get_int64().get(number))
                    self->m_usage.completionTokens = int(number);
            } else if (key == "total_tokens") {
                if (!value.get_int64().get(number))
                    self->m_usage.totalTokens = int(number);
            } else if (key == "prompt_tokens_details") {
                ondemand::object details;
                if (value.get_object().get(details))
                    continue;
                int64_t cached = 0;
                if (!details["cached_tokens"].get_int64().get(cached))
                    self->m_usage.cachedPromptTokens = int(cached);
            }
        }
        self->m_hasUsage = true;
        return true;
    }

    static bool readChoices(StreamChunkDecoder *self, ondemand::array choices)
    {
        for (auto choiceValue : choices) {
            ondemand::object choice;
            if (choiceValue.get_object().get(choice))
                return false;
            int64_t index = 0;
            for (auto field : choice) {
                ondemand::raw_json_string key;
                if (field.key().get(key))
                    return false;
                ondemand::value value;
                if (field.value().get(value))
                    return false;
                if (key == "index") {
                    if (value.get_int64().get(index))
                        return false;
                } else if (key == "delta" && index == 0) {
                    ondemand::object delta;
                    if (value.get_object().get(delta))
                        return false;
                    if (!readDelta(self, delta))
                        return false;
                } else if (key == "finish_reason" && index == 0) {
                    if (value.is_null())
                        continue;
                    std::string_view reason;
                    if (value.get_string().get(reason))
                        return false;
                    self->m_finishReason = toQString(reason);
                }
            }
        }
        return true;
    }
};

StreamChunkDecoder::StreamChunkDecoder(ContentSink *sink)
    : m_impl(std::make_unique<Impl>())
    , m_sink(sink)
{}

StreamChunkDecoder::~StreamChunkDecoder() = default;

StreamChunkDecoder::Status StreamChunkDecoder::decode(QByteArrayView eventType, QByteArrayView data,
                                                      qsizetype padding)
{
    if (data == "[DONE]") {
        m_sawDone = true;
        return Status::Done;
    }
    if (data.isEmpty())
        return Status::Continue; // "data:" alone carries nothing (some proxies send it to keep
                                 // alive)
    ++m_chunks;
    const bool errorEvent = eventType == "error";
    ondemand::document document;
    const padded_string_view input(data.data(), size_t(data.size()), size_t(data.size() + padding));
    ondemand::object root;
    if (m_impl->parser.iterate(input).get(document) || document.get_object().get(root)) {
        if (errorEvent) {
            m_error = ApiError::fromBody(0, data.toByteArray());
            return Status::Error;
        }
        m_error.type = ChatErrorType::BadResponse;
        m_error.message =
            QStringLiteral("malformed JSON in the stream: %1")
                .arg(QString::fromUtf8(data.first(qMin<qsizetype>(200, data.size()))));
        return Status::Error;
    }
    for (auto field : root) {
        ondemand::raw_json_string key;
        if (field.key().get(key))
            break;
        ondemand::value value;
        if (field.value().get(value))
            break;
        bool ok = true;
        if (key == "choices") {
            ondemand::array choices;
            ok = !value.get_array().get(choices) && Impl::readChoices(this, choices);
        } else if (key == "usage") {
            if (value.is_null())
                continue;
            ondemand::object usage;
            ok = !value.get_object().get(usage) && Impl::readUsage(this, usage);
        } else if (key == "model") {
            std::string_view model;
            if (m_model.isEmpty() && !value.get_string().get(model))
                m_model = Impl::toQString(model);
        } else if (key == "error") {
            if (value.is_null())
                continue;
            m_error = ApiError::fromBody(0, data.toByteArray());
            return Status::Error;
        }
        if (!ok) {
            m_error.type = ChatErrorType::BadResponse;
            m_error.message =
                QStringLiteral("unexpected chunk shape in the stream: %1")
                    .arg(QString::fromUtf8(data.first(qMin<qsizetype>(200, data.size()))));
            return Status::Error;
        }
    }
    if (errorEvent) {
        m_error = ApiError::fromBody(0, data.toByteArray());
        return Status::Error;
    }
    return Status::Continue;
}

QList<ToolCall> StreamChunkDecoder::toolCalls() const
{
    QList<ToolCall> calls;
    calls.reserve(m_toolCalls.size());
    for (const ToolCallBuilder &builder : m_toolCalls) {
        calls.append({QString::fromUtf8(builder.id), QString::fromUtf8(builder.name),
                      QString::fromUtf8(builder.arguments)});
    }
    return calls;
}
