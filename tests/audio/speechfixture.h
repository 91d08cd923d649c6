#pragma once

#include "audio/recognitioncall.h"
#include "audio/speechrecognizer.h"
#include "audio/speechsynthesizer.h"
#include "audio/synthesiscall.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

// Everything one synthesis emitted.
struct SpokenText
{
    PcmAudio audio; // the chunks joined
    int chunks = 0;
    int finishedCount = 0;
    SynthesisResult result;
};

inline SpokenText speak(SpeechSynthesizer &engine, const SynthesisRequest &request,
                        int timeoutMs = 60000)
{
    SpokenText spoken;
    std::unique_ptr<SynthesisCall> call(engine.synthesize(request));
    QObject::connect(call.get(), &SynthesisCall::audio, call.get(), [&spoken](const PcmAudio &c) {
        spoken.audio.sampleRate = c.sampleRate;
        spoken.audio.samples.append(c.samples);
        ++spoken.chunks;
    });
    QSignalSpy finished(call.get(), &SynthesisCall::finished);
    finished.wait(timeoutMs);
    QTest::qWait(10); // anything emitted after finished() would show up here
    spoken.finishedCount = int(finished.size());
    spoken.result = call->result();
    return spoken;
}

inline SpokenText speak(SpeechSynthesizer &engine, const QString &text, const QString &voice = {},
                        double speed = 1.0)
{
    SynthesisRequest request;
    request.text = text;
    request.voice = voice;
    request.speed = speed;
    request.feature = QStringLiteral("test");
    return speak(engine, request);
}

inline RecognitionResult recognize(SpeechRecognizer &engine, const RecognitionRequest &request,
                                   int timeoutMs = 120000)
{
    std::unique_ptr<RecognitionCall> call(engine.recognize(request));
    QSignalSpy finished(call.get(), &RecognitionCall::finished);
    if (!finished.wait(timeoutMs))
        return {};
    return call->result();
}

inline RecognitionResult recognize(SpeechRecognizer &engine, const PcmAudio &audio)
{
    RecognitionRequest request;
    request.audio = audio;
    request.feature = QStringLiteral("test");
    return recognize(engine, request);
}
