#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>

// A block of mono 16-bit PCM at one sample rate: what engines produce, timelines store and
// sinks play. Samples are native integers; toBytes()/fromBytes() convert from and to the
// little-endian byte form of WAV files, the OpenAI "pcm" format and audio devices.
struct PcmAudio
{
    int sampleRate = 0;
    QList<qint16> samples;

    bool isEmpty() const { return samples.isEmpty(); }
    qsizetype sampleCount() const { return samples.size(); }
    qint64 durationMs() const
    {
        return sampleRate > 0 ? qint64(samples.size()) * 1000 / sampleRate : 0;
    }

    QByteArray toBytes() const;
    // An odd trailing byte is ignored (the caller keeps it for the next block).
    static PcmAudio fromBytes(QByteArrayView littleEndian, int sampleRate);
    // Root mean square and peak of all samples, 0..1 of full scale.
    double rms() const;
    double peak() const;
};

Q_DECLARE_METATYPE(PcmAudio)
