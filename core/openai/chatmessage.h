#pragma once

#include "openai/toolcall.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One message of a chat conversation, as sent to chat/completions.
struct ChatMessage
{
    enum class Role { System, Developer, User, Assistant, Tool };

    Role role = Role::User;
    QString content;
    QString name;
    QList<ToolCall> toolCalls;
    QString toolCallId;

    static ChatMessage system(const QString &text);
    static ChatMessage developer(const QString &text);
    static ChatMessage user(const QString &text);
    static ChatMessage assistant(const QString &text);
    static ChatMessage tool(const QString &toolCallId, const QString &text);

    QString roleName() const;
    static QString roleName(Role role);
    static std::optional<Role> roleFromName(QStringView name);

    // The wire shape of the message (ChatCompletionRequestMessage in the OpenAPI spec).
    QJsonObject toJson() const;
};
