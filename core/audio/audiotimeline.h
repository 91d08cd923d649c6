#pragma once

#include "audio/audiolevel.h"
#include "audio/audioside.h"
#include "audio/levelmeter.h"
#include "audio/pcmaudio.h"
#include "audio/resampler.h"

#include <QList>
#include <QObject>

#include <array>
#include <memory>

// A call's audio for both sides: 16-bit mono PCM at one sample rate on one clock (positions are
// samples since the start of the call), appended in chunks, with a level meter per side.
// A side that has no audio at a position is silent there. Audio at another rate is converted
// on the way in. Lives in one thread; signals say what changed so that listeners, recorders and
// meters can follow without polling.
class AudioTimeline : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudioTimeline)

public:
    explicit AudioTimeline(int sampleRate = 16000, QObject *parent = nullptr);
    ~AudioTimeline() override;

    int sampleRate() const { return m_sampleRate; }

    // Appends at the side's end; returns the position the audio starts at.
    qint64 append(AudioSide side, const PcmAudio &audio);
    // Places audio at `position`, with silence before it when the side ends earlier. Audio never
    // goes back in time: a position before the side's end is moved to the end. Returns where the
    // audio went.
    qint64 place(AudioSide side, qint64 position, const PcmAudio &audio);
    // Drops the side's audio from `position` on (an interrupted agent turn stops there).
    void truncate(AudioSide side, qint64 position);

    qint64 length(AudioSide side) const { return m_tracks[index(side)].end(); }
    qint64 length() const; // the longer side
    qint64 toMs(qint64 samples) const { return samples * 1000 / m_sampleRate; }
    qint64 toSamples(qint64 ms) const { return ms * m_sampleRate / 1000; }

    // Samples [from, to) of a side. Positions outside what is kept (after the end, or before
    // the retained start) read as silence.
    QList<qint16> read(AudioSide side, qint64 from, qint64 to) const;
    // Adds samples [from, from + count) of a side to `target` with `gain` (no saturation: the
    // caller accumulates both sides in a wider type first).
    void accumulate(AudioSide side, qint64 from, qsizetype count, double gain, float *target) const;

    // The side's recent loudness (over the meter window, 300 ms by default).
    AudioLevel level(AudioSide side) const { return m_tracks[index(side)].meter.level(); }

    // Keep at least this much of each side's most recent audio in memory; older audio may be
    // released (a recorder must have consumed it). 0 keeps everything (the default).
    void setRetainedMs(qint64 ms);
    qint64 retainedFrom(AudioSide side) const { return m_tracks[index(side)].origin; }

signals:
    void appended(AudioSide side, qint64 position, qint64 count);
    void truncated(AudioSide side, qint64 position);

private:
    struct Track
    {
        QList<qint16> samples;
        qint64 origin = 0; // position of samples[0]
        LevelMeter meter;
        std::unique_ptr<Resampler> resampler; // for audio arriving at another rate
        qint64 end() const { return origin + samples.size(); }
    };
    static int index(AudioSide side) { return side == AudioSide::Agent ? 0 : 1; }
    QList<qint16> convert(Track &track, const PcmAudio &audio);
    void release(Track &track);

    int m_sampleRate;
    qint64 m_retainedSamples = 0;
    std::array<Track, 2> m_tracks;
};
