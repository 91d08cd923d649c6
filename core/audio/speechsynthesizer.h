#pragma once

#include "audio/synthesisrequest.h"

#include <QObject>
#include <QString>

class SynthesisCall;

// Text to speech: one interface, several engines (offline espeak-ng, OpenAI's speech endpoint).
// synthesize() returns at once; the handler streams 16-bit mono PCM as it is made.
class SpeechSynthesizer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpeechSynthesizer)

public:
    using QObject::QObject;
    ~SpeechSynthesizer() override = default;

    // The handler is owned by the caller; connect to it before returning to the event loop.
    virtual SynthesisCall *synthesize(const SynthesisRequest &request) = 0;
    virtual QString engineName() const = 0;
};
