#pragma once

#include "audio/speechsynthesizer.h"
#include "audio/synthesiscall.h"
#include "openai/speechrequest.h"

#include <QPointer>

class OpenAIClient;
class SpeechCall;
struct SpeechResult;

// The handler of one OpenAI speech request, as a SynthesisCall.
class OpenAISynthesisCall final : public SynthesisCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAISynthesisCall)

public:
    ~OpenAISynthesisCall() override;

private:
    friend class OpenAISpeechSynthesizer;
    OpenAISynthesisCall(const SynthesisRequest &request, SpeechCall *call);
    void onAudio(const QByteArray &pcm);
    void onFinished(const SpeechResult &result);
    void onCancel() override;

    SpeechCall *m_call; // child
};

// Text to speech through OpenAI's /audio/speech (16-bit mono PCM at 24 kHz, streamed so that
// playback can start before synthesis ends), with the client's keys, retries, typed errors and
// usage records (priced per character or per minute, see prices.json "audio").
class OpenAISpeechSynthesizer final : public SpeechSynthesizer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAISpeechSynthesizer)

public:
    // `client` is not owned and must outlive the synthesizer. `base` carries the model, the
    // instructions and the retry limits; text, voice and speed come from each request.
    OpenAISpeechSynthesizer(OpenAIClient *client, const SpeechRequest &base,
                            QObject *parent = nullptr);

    SynthesisCall *synthesize(const SynthesisRequest &request) override;
    QString engineName() const override { return QStringLiteral("openai"); }

    static QString defaultVoice() { return QStringLiteral("alloy"); }

private:
    QPointer<OpenAIClient> m_client;
    SpeechRequest m_base;
};
