#pragma once

#include "audio/recognitionrequest.h"

#include <QObject>
#include <QString>

class RecognitionCall;

// Speech to text: one interface, several engines (offline pocketsphinx, OpenAI's transcription
// endpoint). recognize() returns at once; the handler reports the text with timing.
class SpeechRecognizer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpeechRecognizer)

public:
    using QObject::QObject;
    ~SpeechRecognizer() override = default;

    virtual RecognitionCall *recognize(const RecognitionRequest &request) = 0;
    virtual QString engineName() const = 0;
};
