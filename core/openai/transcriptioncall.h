#pragma once

#include "openai/retryingcall.h"
#include "openai/transcriptionrequest.h"
#include "openai/transcriptionresult.h"

// The handler of one POST /audio/transcriptions: exactly one finished(), never after cancel().
// Created by OpenAIClient::transcribe(); owned by the caller (deleteLater() after finished).
class TranscriptionCall final : public RetryingCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptionCall)

public:
    ~TranscriptionCall() override;

    const TranscriptionResult &result() const { return m_result; }

    // The multipart/form-data body for `request` with `boundary` (exposed for tests).
    static QByteArray encodeBody(const TranscriptionRequest &request, const QByteArray &boundary);

signals:
    void finished(const TranscriptionResult &result);

private:
    friend class OpenAIClient;
    TranscriptionCall(OpenAIClient *client, const TranscriptionRequest &request);

    QNetworkReply *sendAttempt() override;
    ChatError onSuccess(const QByteArray &body) override;
    void onFinished(const ChatError &error) override;

    TranscriptionRequest m_request;
    TranscriptionResult m_result;
    QByteArray m_body; // encoded once, sent by every attempt
    QByteArray m_boundary;
};
