#include "audio/audiomixer.h"

#include "audio/audiotimeline.h"

#include <cmath>

namespace {

int sideIndex(AudioSide side)
{
    return side == AudioSide::Agent ? 0 : 1;
}

QList<qint16> saturate(const QList<float> &mix)
{
    QList<qint16> out(mix.size());
    for (qsizetype i = 0; i < mix.size(); ++i)
        out[i] = qint16(qBound(-32768.0f, std::nearbyint(mix[i]), 32767.0f));
    return out;
}

} // namespace

AudioMixer::AudioMixer(int outputRate, int outputChannels)
    : m_outputRate(qMax(1, outputRate))
    , m_channels(qBound(1, outputChannels, 8))
    , m_resampler(m_outputRate, m_outputRate)
{}

void AudioMixer::setGain(AudioSide side, double gain)
{
    m_gains[sideIndex(side)] = qMax(0.0, gain);
}

double AudioMixer::gain(AudioSide side) const
{
    return m_gains[sideIndex(side)];
}

void AudioMixer::setVolume(double volume)
{
    m_volume = qBound(0.0, volume, 1.0);
}

void AudioMixer::seek(qint64 position)
{
    m_position = qMax<qint64>(0, position);
    m_resampler.reset();
}

QList<qint16> AudioMixer::mixMono(const AudioTimeline &timeline, qint64 from, qint64 to,
                                  double agentGain, double customerGain)
{
    const qsizetype count = qsizetype(qMax<qint64>(0, to - from));
    QList<float> mix(count, 0.0f);
    timeline.accumulate(AudioSide::Agent, from, count, agentGain, mix.data());
    timeline.accumulate(AudioSide::Customer, from, count, customerGain, mix.data());
    return saturate(mix);
}

QList<qint16> AudioMixer::pull(const AudioTimeline &timeline)
{
    return pull(timeline, timeline.length());
}

QList<qint16> AudioMixer::pull(const AudioTimeline &timeline, qint64 upTo)
{
    if (m_timelineRate != timeline.sampleRate()) {
        m_timelineRate = timeline.sampleRate();
        m_resampler = Resampler(m_timelineRate, m_outputRate);
    }
    const qint64 end = qMin(upTo, timeline.length());
    if (end <= m_position)
        return {};
    const QList<qint16> mono =
        mixMono(timeline, m_position, end, m_gains[0] * m_volume, m_gains[1] * m_volume);
    m_position = end;
    const QList<qint16> converted = m_resampler.process(mono);
    if (m_channels == 1)
        return converted;
    QList<qint16> interleaved(converted.size() * m_channels);
    qint16 *out = interleaved.data();
    for (const qint16 sample : converted) {
        for (int c = 0; c < m_channels; ++c)
            *out++ = sample;
    }
    return interleaved;
}
