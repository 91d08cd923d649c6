#pragma once

#include <QAudioDevice>
#include <QByteArray>
#include <QList>

// Small facts about the machine's audio system that Qt Multimedia does not tell directly.
class AudioSystem
{
public:
    // False when no audio server can be reached (Linux: no PulseAudio/PipeWire socket). Qt then
    // simply lists no devices; this tells "no server" apart from "no device".
    static bool serverReachable();
    // The device with `id` among `devices`, or the default one when `id` is empty; a null
    // device when there is none.
    static QAudioDevice find(const QList<QAudioDevice> &devices, const QAudioDevice &fallback,
                             const QByteArray &id);
};
