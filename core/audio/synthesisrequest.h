#pragma once

#include <QString>

// What a speech synthesizer is asked to say, and in which voice.
struct SynthesisRequest
{
    QString text;
    QString voice;      // the engine's voice name; empty = the engine's default
    double speed = 1.0; // 0.25..4, 1 = the voice's normal pace
    QString feature;    // who asks ("listen-in", "take-over", "demo"...), for usage records
    QString callId;     // optional, for usage records
};
