#include "audio/resampler.h"

#include <QtGlobal>

#include <cmath>
#include <numbers>

namespace {

qint16 saturate(double value)
{
    return qint16(qBound(-32768.0, std::round(value), 32767.0));
}

} // namespace

Resampler::Resampler(int fromRate, int toRate)
    : m_from(qMax(1, fromRate))
    , m_to(qMax(1, toRate))
{
    m_lowPass = m_to < m_from;
    if (m_lowPass) {
        // Four RBJ low-pass biquads with the Q values of an 8th-order Butterworth filter.
        const double cutoff = 0.45 * m_to;
        const double w0 = 2 * std::numbers::pi * cutoff / m_from;
        const std::array<double, 4> qualities{0.50979558, 0.60134489, 0.89997622, 2.56291545};
        for (size_t i = 0; i < m_stages.size(); ++i) {
            const double alpha = std::sin(w0) / (2 * qualities[i]);
            const double cosw = std::cos(w0);
            const double a0 = 1 + alpha;
            Biquad &stage = m_stages[i];
            stage.b0 = (1 - cosw) / 2 / a0;
            stage.b1 = (1 - cosw) / a0;
            stage.b2 = (1 - cosw) / 2 / a0;
            stage.a1 = -2 * cosw / a0;
            stage.a2 = (1 - alpha) / a0;
        }
    }
}

double Resampler::Biquad::run(double x)
{
    // Transposed direct form II.
    const double y = b0 * x + z1;
    z1 = b1 * x - a1 * y + z2;
    z2 = b2 * x - a2 * y;
    return y;
}

void Resampler::Biquad::prime(double x)
{
    // Steady state of the transposed direct form II for a constant input (unity gain at DC).
    z2 = (b2 - a2) * x;
    z1 = (b1 - a1) * x + z2;
}

double Resampler::filter(qint16 sample)
{
    double value = sample;
    if (m_lowPass) {
        if (!m_primed) {
            // Start as if the first sample had always been there: no transient from zero.
            m_primed = true;
            for (Biquad &stage : m_stages)
                stage.prime(value);
        }
        for (Biquad &stage : m_stages)
            value = stage.run(value);
    }
    return value;
}

void Resampler::reset()
{
    m_position = 0;
    m_held = 0;
    m_hasHeld = false;
    m_primed = false;
    for (Biquad &stage : m_stages)
        stage.z1 = stage.z2 = 0;
}

QList<qint16> Resampler::process(const qint16 *input, qsizetype count)
{
    QList<qint16> output;
    if (count <= 0)
        return output;
    if (isIdentity()) {
        output = QList<qint16>(input, input + count);
        return output;
    }
    // The working buffer is the held sample (if any) followed by this chunk, filtered.
    QList<double> buffer;
    buffer.reserve(count + 1);
    if (m_hasHeld)
        buffer.append(m_held);
    for (qsizetype i = 0; i < count; ++i)
        buffer.append(filter(input[i]));
    const qint64 n = buffer.size();
    output.reserve(qsizetype(n * m_to / m_from + 2));
    for (;;) {
        const qint64 index = m_position / m_to;
        const qint64 fraction = m_position % m_to;
        if (fraction == 0) {
            if (index >= n)
                break;
            output.append(saturate(buffer[index]));
        } else {
            if (index + 1 >= n)
                break;
            const double t = double(fraction) / m_to;
            output.append(saturate(buffer[index] * (1 - t) + buffer[index + 1] * t));
        }
        m_position += m_from;
    }
    // Keep the last sample: the next output may lie between it and the next chunk's first.
    m_held = buffer.last();
    m_hasHeld = true;
    m_position -= (n - 1) * m_to;
    return output;
}

QList<qint16> Resampler::convert(const QList<qint16> &input, int fromRate, int toRate)
{
    Resampler resampler(fromRate, toRate);
    return resampler.process(input);
}
