#include "audio/pcmaudio.h"

#include <QtEndian>

#include <cmath>
#include <cstdlib>

QByteArray PcmAudio::toBytes() const
{
    QByteArray bytes(samples.size() * 2, Qt::Uninitialized);
    qToLittleEndian<qint16>(samples.constData(), samples.size(), bytes.data());
    return bytes;
}

PcmAudio PcmAudio::fromBytes(QByteArrayView littleEndian, int sampleRate)
{
    PcmAudio audio;
    audio.sampleRate = sampleRate;
    const qsizetype count = littleEndian.size() / 2;
    audio.samples.resize(count);
    qFromLittleEndian<qint16>(littleEndian.data(), count, audio.samples.data());
    return audio;
}

double PcmAudio::rms() const
{
    if (samples.isEmpty())
        return 0;
    double sum = 0;
    for (const qint16 sample : samples)
        sum += double(sample) * sample;
    return std::sqrt(sum / double(samples.size())) / 32768.0;
}

double PcmAudio::peak() const
{
    int peak = 0;
    for (const qint16 sample : samples)
        peak = std::max(peak, std::abs(int(sample)));
    return peak / 32768.0;
}
