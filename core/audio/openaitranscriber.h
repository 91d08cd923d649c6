#pragma once

#include "audio/recognitioncall.h"
#include "audio/speechrecognizer.h"
#include "openai/transcriptionrequest.h"

#include <QPointer>

class OpenAIClient;
class TranscriptionCall;
struct TranscriptionResult;

// The handler of one OpenAI transcription, as a RecognitionCall.
class OpenAIRecognitionCall final : public RecognitionCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAIRecognitionCall)

public:
    ~OpenAIRecognitionCall() override;

private:
    friend class OpenAITranscriber;
    OpenAIRecognitionCall(const RecognitionRequest &request, TranscriptionCall *call);
    void onFinished(const TranscriptionResult &result);
    void onCancel() override;

    TranscriptionCall *m_call; // child
};

// Speech to text through OpenAI's /audio/transcriptions: the utterance goes up as a 16-bit WAV
// file (multipart/form-data), with the client's keys, retries, typed errors and usage records
// (priced per minute of audio). Word timing when the response format is verbose_json.
class OpenAITranscriber final : public SpeechRecognizer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAITranscriber)

public:
    // `client` is not owned and must outlive the transcriber. `base` carries the model, the
    // response format and the retry limits; audio, language and prompt come from each request.
    OpenAITranscriber(OpenAIClient *client, const TranscriptionRequest &base,
                      QObject *parent = nullptr);

    RecognitionCall *recognize(const RecognitionRequest &request) override;
    QString engineName() const override { return QStringLiteral("openai"); }

private:
    QPointer<OpenAIClient> m_client;
    TranscriptionRequest m_base;
};
