#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Builders for chat.completion.chunk events as the API sends them.
namespace StreamFixtures {

inline QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QJsonObject chunkObject(const QJsonObject &delta,
                               const QJsonValue &finishReason = QJsonValue::Null,
                               const QString &model = QStringLiteral("gpt-4-1106-preview"))
{
    return QJsonObject{
        {"id", "chatcmpl-test"},
        {"object", "chat.completion.chunk"},
        {"created", 1700000000},
        {"model", model},
        {"system_fingerprint", "fp_test"},
        {"choices", QJsonArray{QJsonObject{{"index", 0},
                                           {"delta", delta},
                                           {"logprobs", QJsonValue::Null},
                                           {"finish_reason", finishReason}}}},
    };
}

// One content delta's JSON (raw UTF-8 in the string, as the API sends it).
inline QByteArray contentChunk(const QString &text,
                               const QString &model = QStringLiteral("gpt-4-1106-preview"))
{
    return json(chunkObject(QJsonObject{{"content", text}}, QJsonValue::Null, model));
}

inline QByteArray roleChunk()
{
    return json(chunkObject(QJsonObject{{"role", "assistant"}, {"content", ""}}));
}

inline QByteArray finishChunk(const QString &reason = QStringLiteral("stop"))
{
    return json(chunkObject(QJsonObject{}, reason));
}

inline QByteArray usageChunk(int prompt, int completion)
{
    return json(QJsonObject{
        {"id", "chatcmpl-test"},
        {"object", "chat.completion.chunk"},
        {"created", 1700000000},
        {"model", "gpt-4-1106-preview"},
        {"choices", QJsonArray{}},
        {"usage", QJsonObject{{"prompt_tokens", prompt},
                              {"completion_tokens", completion},
                              {"total_tokens", prompt + completion}}},
    });
}

inline QByteArray sseEvent(const QByteArray &data, const QByteArray &eol = "\n")
{
    return "data: " + data + eol + eol;
}

// A complete, well-formed stream of `pieces` with finish_reason, usage and [DONE].
inline QByteArray stream(const QStringList &pieces, int prompt = 10, int completion = 5,
                         const QByteArray &eol = "\n")
{
    QByteArray out = sseEvent(roleChunk(), eol);
    for (const QString &piece : pieces)
        out += sseEvent(contentChunk(piece), eol);
    out += sseEvent(finishChunk(), eol);
    out += sseEvent(usageChunk(prompt, completion), eol);
    out += sseEvent("[DONE]", eol);
    return out;
}

inline QByteArray completion(const QString &content, int prompt = 10, int completion = 5,
                             const QString &model = QStringLiteral("gpt-4-1106-preview"))
{
    return json(QJsonObject{
        {"id", "chatcmpl-plain"},
        {"object", "chat.completion"},
        {"created", 1700000000},
        {"model", model},
        {"choices", QJsonArray{QJsonObject{
                        {"index", 0},
                        {"message", QJsonObject{{"role", "assistant"}, {"content", content}}},
                        {"finish_reason", "stop"}}}},
        {"usage", QJsonObject{{"prompt_tokens", prompt},
                              {"completion_tokens", completion},
                              {"total_tokens", prompt + completion}}},
    });
}

inline QByteArray errorBody(const QString &message, const QString &type, const QString &code = {})
{
    return json(QJsonObject{
        {"error",
         QJsonObject{{"message", message},
                     {"type", type},
                     {"param", QJsonValue::Null},
                     {"code", code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code)}}}});
}

} // namespace StreamFixtures
