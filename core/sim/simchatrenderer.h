#pragma once

#include "sim/simfault.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

struct SimUsage
{
    int promptTokens = 0;
    int completionTokens = 0;
};

// Renders the OpenAI wire shapes: chat.completion, chat.completion.chunk, the
// error object and the model list.
class SimChatRenderer
{
public:
    SimChatRenderer(QString id, QString model, qint64 created, QString fingerprint);

    QByteArray completion(const QString &content, const QString &finishReason,
                          const SimUsage &usage) const;
    // One "data: {...}\n\n" event; content may be empty for the role chunk.
    QByteArray roleChunk(bool withUsageField) const;
    QByteArray contentChunk(const QString &content, bool withUsageField) const;
    QByteArray finishChunk(const QString &finishReason, bool withUsageField) const;
    QByteArray usageChunk(const SimUsage &usage) const;
    static QByteArray doneEvent() { return QByteArrayLiteral("data: [DONE]\n\n"); }
    static QByteArray sseEvent(const QByteArray &json);

    static QJsonObject usageJson(const SimUsage &usage);
    static QJsonObject errorJson(const QString &message, const QString &type, const QString &param,
                                 const QString &code);
    static QByteArray errorBody(const QString &message, const QString &type,
                                const QString &param = {}, const QString &code = {});
    // The message/type an HTTP error status gets when the fault names none.
    static QString defaultErrorType(int status, const QString &code);
    static QString defaultErrorMessage(int status, const QString &code);

private:
    QJsonObject chunkBase(bool withUsageField) const;
    QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason,
                     bool withUsageField) const;

    QString m_id;
    QString m_model;
    qint64 m_created;
    QString m_fingerprint;
};
