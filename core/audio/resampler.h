#pragma once

#include <QList>

#include <array>

// Converts a stream of mono 16-bit samples from one rate to another by linear interpolation.
// Going down, an 8th-order Butterworth low-pass at 0.45 x the output rate runs first, so that
// content above the new Nyquist frequency is attenuated instead of folding back as aliases.
// Streaming is exact: a signal fed in any split of chunks gives the same output as fed whole.
// The last input sample is held back until the next one arrives (one sample of latency).
class Resampler
{
public:
    Resampler(int fromRate, int toRate);

    QList<qint16> process(const qint16 *input, qsizetype count);
    QList<qint16> process(const QList<qint16> &input)
    {
        return process(input.constData(), input.size());
    }
    // Forgets the stream (held sample, phase, filter state).
    void reset();

    int fromRate() const { return m_from; }
    int toRate() const { return m_to; }
    bool isIdentity() const { return m_from == m_to; }

    // One-shot conversion of a whole signal.
    static QList<qint16> convert(const QList<qint16> &input, int fromRate, int toRate);

private:
    struct Biquad
    {
        double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
        double z1 = 0, z2 = 0;
        double run(double x);
        void prime(double x); // the state of a signal that was `x` forever
    };
    double filter(qint16 sample);

    int m_from;
    int m_to;
    bool m_lowPass = false;
    std::array<Biquad, 4> m_stages;
    bool m_primed = false;
    // Position of the next output sample in 1/m_to input samples, counted from m_held (or from
    // the first sample of the next chunk when nothing is held).
    qint64 m_position = 0;
    double m_held = 0;
    bool m_hasHeld = false;
};
