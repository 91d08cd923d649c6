#pragma once

#include "audio/pcmaudio.h"

#include <QString>

// One utterance to turn into text (a push-to-talk recording, a customer's turn).
struct RecognitionRequest
{
    PcmAudio audio;   // mono 16-bit at any rate; engines convert to what they need
    QString language; // ISO-639-1 ("en"); empty = the engine's default
    QString prompt;   // optional hint (names, products) for engines that take one
    QString feature;  // who asks ("whisper", "take-over"...), for usage records
    QString callId;
};
