#include "audio/levelmeter.h"

#include <QtGlobal>

#include <cmath>
#include <cstdlib>

LevelMeter::LevelMeter(int sampleRate, int windowMs, int blockMs)
    : m_blockSamples(qMax(1, sampleRate * qMax(1, blockMs) / 1000))
    , m_windowMs(qMax(blockMs, windowMs))
{
    m_blocks.resize(qMax(1, m_windowMs / qMax(1, blockMs)));
}

void LevelMeter::add(const qint16 *samples, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        const int value = samples[i];
        m_current.sumSquares += double(value) * value;
        m_current.peak = qMax(m_current.peak, std::abs(value));
        if (++m_current.count == m_blockSamples) {
            m_blocks[m_next] = m_current;
            m_next = (m_next + 1) % m_blocks.size();
            m_filled = qMin(m_filled + 1, m_blocks.size());
            m_current = {};
        }
    }
}

AudioLevel LevelMeter::level() const
{
    // The window is the completed blocks plus the partial one: a level reacts within a block.
    double sum = m_current.sumSquares;
    int peak = m_current.peak;
    qint64 count = m_current.count;
    for (qsizetype i = 0; i < m_filled; ++i) {
        const Block &block = m_blocks.at(i);
        sum += block.sumSquares;
        peak = qMax(peak, block.peak);
        count += block.count;
    }
    AudioLevel level;
    if (count > 0) {
        level.rms = std::sqrt(sum / double(count)) / 32768.0;
        level.peak = peak / 32768.0;
    }
    return level;
}

void LevelMeter::reset()
{
    m_next = 0;
    m_filled = 0;
    m_current = {};
}
