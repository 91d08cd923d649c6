#pragma once

#include "audio/audioside.h"
#include "audio/resampler.h"

#include <QList>

#include <array>

class AudioTimeline;

// Mixes both sides of one monitored call into the output format of a device: sums the sides
// with a gain each, applies the volume, saturates to 16 bits, converts to the device's sample
// rate and repeats the mono mix on every channel. pull() keeps a read position on the timeline
// so that consecutive pulls play the call seamlessly; seek() jumps (switching calls, scrubbing).
class AudioMixer
{
public:
    AudioMixer(int outputRate, int outputChannels);

    int outputRate() const { return m_outputRate; }
    int outputChannels() const { return m_channels; }

    void setGain(AudioSide side, double gain);
    double gain(AudioSide side) const;
    // 0..1 (clamped); applied after the gains.
    void setVolume(double volume);
    double volume() const { return m_volume; }

    // Mixes the timeline from the read position up to `upTo` (a position on the timeline, in
    // its samples; clamped to its length) and returns interleaved output samples.
    QList<qint16> pull(const AudioTimeline &timeline, qint64 upTo);
    QList<qint16> pull(const AudioTimeline &timeline);
    qint64 position() const { return m_position; }
    // Moves the read position and forgets the resampler's stream.
    void seek(qint64 position);

    // Samples [from, to) of the timeline mixed at its own rate, mono, saturated.
    static QList<qint16> mixMono(const AudioTimeline &timeline, qint64 from, qint64 to,
                                 double agentGain = 1, double customerGain = 1);

private:
    int m_outputRate;
    int m_channels;
    std::array<double, 2> m_gains{1, 1};
    double m_volume = 1;
    qint64 m_position = 0;
    Resampler m_resampler;
    int m_timelineRate = 0;
};
