#pragma once

#include "openai/retryingcall.h"
#include "openai/speechrequest.h"
#include "openai/speechresult.h"

// The handler of one POST /audio/speech: PCM bytes as they arrive (playback can start before
// synthesis ends), then exactly one finished(), never after cancel(). Created by
// OpenAIClient::speech(); owned by the caller (deleteLater() after finished).
class SpeechCall final : public RetryingCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpeechCall)

public:
    ~SpeechCall() override;

    const SpeechRequest &request() const { return m_request; }
    const SpeechResult &result() const { return m_result; }

signals:
    // 16-bit mono little-endian samples at 24 kHz; always an even number of bytes.
    void audio(const QByteArray &pcm);
    void finished(const SpeechResult &result);

private:
    friend class OpenAIClient;
    SpeechCall(OpenAIClient *client, const SpeechRequest &request);

    QNetworkReply *sendAttempt() override;
    bool streamsBody() const override { return true; }
    void onBodyData(const QByteArray &data) override;
    ChatError onSuccess(const QByteArray &body) override;
    void onFinished(const ChatError &error) override;

    SpeechRequest m_request;
    SpeechResult m_result;
    QByteArray m_oddByte; // half a sample left over from the previous read
};
