#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One message of a chat request as the simulator sees it (text only).
struct SimMessage
{
    QString role;
    QString content;
    QString name;
};

// The fields of POST /chat/completions that shape the simulator's answer.
struct SimChatRequest
{
    QString model;
    QList<SimMessage> messages;
    bool stream = false;
    bool includeUsage = false;
    std::optional<int> maxTokens; // max_completion_tokens or max_tokens
    QStringList stop;
    std::optional<qint64> seed;

    // Validates like the API does; *error is an OpenAI-style message naming the field.
    static std::optional<SimChatRequest> fromJson(const QJsonObject &body, QString *error,
                                                  QString *param);
};
