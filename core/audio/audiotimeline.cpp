#include "audio/audiotimeline.h"

#include <algorithm>
#include <cstring>

AudioTimeline::AudioTimeline(int sampleRate, QObject *parent)
    : QObject(parent)
    , m_sampleRate(qMax(1, sampleRate))
{
    for (Track &track : m_tracks)
        track.meter = LevelMeter(m_sampleRate);
}

AudioTimeline::~AudioTimeline() = default;

qint64 AudioTimeline::length() const
{
    return qMax(m_tracks[0].end(), m_tracks[1].end());
}

QList<qint16> AudioTimeline::convert(Track &track, const PcmAudio &audio)
{
    if (audio.sampleRate == m_sampleRate || audio.sampleRate <= 0)
        return audio.samples;
    if (!track.resampler || track.resampler->fromRate() != audio.sampleRate)
        track.resampler = std::make_unique<Resampler>(audio.sampleRate, m_sampleRate);
    return track.resampler->process(audio.samples);
}

qint64 AudioTimeline::append(AudioSide side, const PcmAudio &audio)
{
    return place(side, length(side), audio);
}

qint64 AudioTimeline::place(AudioSide side, qint64 position, const PcmAudio &audio)
{
    Track &track = m_tracks[index(side)];
    const QList<qint16> samples = convert(track, audio);
    const qint64 start = qMax(position, track.end());
    if (start > track.end()) {
        const qint64 gap = start - track.end();
        track.samples.resize(track.samples.size() + gap, 0);
        // Silence is part of the window too: a side that went quiet meters quiet.
        const qint16 zero[256] = {};
        for (qint64 left = gap; left > 0; left -= 256)
            track.meter.add(zero, qMin<qint64>(left, 256));
    }
    track.samples.append(samples);
    track.meter.add(samples.constData(), samples.size());
    release(track);
    if (!samples.isEmpty())
        emit appended(side, start, samples.size());
    return start;
}

void AudioTimeline::truncate(AudioSide side, qint64 position)
{
    Track &track = m_tracks[index(side)];
    if (position >= track.end())
        return;
    const qint64 keep = qMax<qint64>(0, position - track.origin);
    track.samples.resize(keep);
    if (track.resampler)
        track.resampler->reset();
    // The meter now describes the audio that is left.
    track.meter.reset();
    const qint64 window = toSamples(track.meter.windowMs());
    const qsizetype from = qsizetype(qMax<qint64>(0, keep - window));
    track.meter.add(track.samples.constData() + from, track.samples.size() - from);
    emit truncated(side, position);
}

QList<qint16> AudioTimeline::read(AudioSide side, qint64 from, qint64 to) const
{
    QList<qint16> out(qMax<qint64>(0, to - from), 0);
    if (out.isEmpty())
        return out;
    const Track &track = m_tracks[index(side)];
    const qint64 begin = qMax(from, track.origin);
    const qint64 end = qMin(to, track.end());
    if (end > begin)
        std::memcpy(out.data() + (begin - from), track.samples.constData() + (begin - track.origin),
                    size_t(end - begin) * sizeof(qint16));
    return out;
}

void AudioTimeline::accumulate(AudioSide side, qint64 from, qsizetype count, double gain,
                               float *target) const
{
    const Track &track = m_tracks[index(side)];
    const qint64 begin = qMax(from, track.origin);
    const qint64 end = qMin(from + count, track.end());
    const auto g = float(gain);
    const qint16 *source = track.samples.constData() + (begin - track.origin);
    float *out = target + (begin - from);
    for (qint64 i = 0; i < end - begin; ++i)
        out[i] += g * float(source[i]);
}

void AudioTimeline::setRetainedMs(qint64 ms)
{
    m_retainedSamples = ms > 0 ? toSamples(ms) : 0;
    for (Track &track : m_tracks)
        release(track);
}

void AudioTimeline::release(Track &track)
{
    // Trim only once twice the retained span has piled up, so the cost is amortised.
    if (m_retainedSamples <= 0 || track.samples.size() < 2 * m_retainedSamples)
        return;
    const qsizetype drop = qsizetype(track.samples.size() - m_retainedSamples);
    track.samples.remove(0, drop);
    track.origin += drop;
}
