#pragma once

#include "audio/voicesettings.h"

#include <memory>

class OpenAIClient;
class SpeechRecognizer;
class SpeechSynthesizer;

// Builds the engines the voice settings name. The OpenAI engines need a client (not owned;
// it must outlive them); without one they cannot be built and the offline engine is used,
// which `note` says.
class SpeechEngines
{
public:
    static std::unique_ptr<SpeechSynthesizer>
    synthesizer(const VoiceSettings &settings, OpenAIClient *client, QString *note = nullptr);
    static std::unique_ptr<SpeechRecognizer>
    recognizer(const VoiceSettings &settings, OpenAIClient *client, QString *note = nullptr);
};
