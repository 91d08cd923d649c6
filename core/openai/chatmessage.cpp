#include "openai/chatmessage.h"

#include <QJsonArray>

namespace {

ChatMessage make(ChatMessage::Role role, const QString &text)
{
    ChatMessage message;
    message.role = role;
    message.content = text;
    return message;
}

} // namespace

ChatMessage ChatMessage::system(const QString &text)
{
    return make(Role::System, text);
}

ChatMessage ChatMessage::developer(const QString &text)
{
    return make(Role::Developer, text);
}

ChatMessage ChatMessage::user(const QString &text)
{
    return make(Role::User, text);
}

ChatMessage ChatMessage::assistant(const QString &text)
{
    return make(Role::Assistant, text);
}

ChatMessage ChatMessage::tool(const QString &toolCallId, const QString &text)
{
    ChatMessage message = make(Role::Tool, text);
    message.toolCallId = toolCallId;
    return message;
}

QString ChatMessage::roleName() const
{
    return roleName(role);
}

QString ChatMessage::roleName(Role role)
{
    switch (role) {
    case Role::System:
        return QStringLiteral("system");
    case Role::Developer:
        return QStringLiteral("developer");
    case Role::User:
        return QStringLiteral("user");
    case Role::Assistant:
        return QStringLiteral("assistant");
    case Role::Tool:
        return QStringLiteral("tool");
    }
    return QStringLiteral("user");
}

std::optional<ChatMessage::Role> ChatMessage::roleFromName(QStringView name)
{
    for (Role role : {Role::System, Role::Developer, Role::User, Role::Assistant, Role::Tool}) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

QJsonObject ChatMessage::toJson() const
{
    QJsonObject json;
    json.insert(QLatin1String("role"), roleName());
    // An assistant message that only calls tools carries content: null, as the spec allows.
    if (role == Role::Assistant && content.isEmpty() && !toolCalls.isEmpty())
        json.insert(QLatin1String("content"), QJsonValue::Null);
    else
        json.insert(QLatin1String("content"), content);
    if (!name.isEmpty() && role != Role::Tool)
        json.insert(QLatin1String("name"), name);
    if (role == Role::Tool)
        json.insert(QLatin1String("tool_call_id"), toolCallId);
    if (role == Role::Assistant && !toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const ToolCall &call : toolCalls) {
            calls.append(QJsonObject{
                {QLatin1String("id"), call.id},
                {QLatin1String("type"), QLatin1String("function")},
                {QLatin1String("function"),
                 QJsonObject{{QLatin1String("name"), call.name},
                             {QLatin1String("arguments"), call.arguments}}},
            });
        }
        json.insert(QLatin1String("tool_calls"), calls);
    }
    return json;
}
