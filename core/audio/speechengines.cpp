#include "audio/speechengines.h"

#include "audio/espeaksynthesizer.h"
#include "audio/openaispeechsynthesizer.h"
#include "audio/openaitranscriber.h"
#include "audio/pocketsphinxrecognizer.h"

std::unique_ptr<SpeechSynthesizer> SpeechEngines::synthesizer(const VoiceSettings &settings,
                                                              OpenAIClient *client, QString *note)
{
    if (settings.synthesisEngine == QLatin1String("openai")) {
        if (client) {
            SpeechRequest base;
            base.model = settings.speechModel;
            return std::make_unique<OpenAISpeechSynthesizer>(client, base);
        }
        if (note)
            *note = QStringLiteral("voice.synthesis_engine is \"openai\" but no API client is "
                                   "available: speaking with espeak-ng instead");
    }
    return std::make_unique<EspeakSynthesizer>(settings.espeakDataPath);
}

std::unique_ptr<SpeechRecognizer> SpeechEngines::recognizer(const VoiceSettings &settings,
                                                            OpenAIClient *client, QString *note)
{
    if (settings.recognitionEngine == QLatin1String("openai")) {
        if (client) {
            TranscriptionRequest base;
            base.model = settings.transcriptionModel;
            return std::make_unique<OpenAITranscriber>(client, base);
        }
        if (note)
            *note = QStringLiteral("voice.recognition_engine is \"openai\" but no API client is "
                                   "available: recognising with pocketsphinx instead");
    }
    return std::make_unique<PocketSphinxRecognizer>(settings.pocketsphinxModelDir);
}
