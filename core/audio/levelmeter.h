#pragma once

#include "audio/audiolevel.h"

#include <QList>

// RMS and peak over the most recent window of a 16-bit signal. Samples are folded into small
// blocks as they arrive, so reading the level costs one pass over the blocks of the window,
// never over its samples: cheap enough to meter every side of a hundred calls.
class LevelMeter
{
public:
    explicit LevelMeter(int sampleRate = 16000, int windowMs = 300, int blockMs = 10);

    void add(const qint16 *samples, qsizetype count);
    AudioLevel level() const;
    void reset();
    int windowMs() const { return m_windowMs; }

private:
    struct Block
    {
        double sumSquares = 0;
        int peak = 0;
        int count = 0;
    };

    int m_blockSamples;
    int m_windowMs;
    QList<Block> m_blocks; // ring of the window's completed blocks
    qsizetype m_next = 0;  // ring slot the next completed block goes to
    qsizetype m_filled = 0;
    Block m_current; // the block being filled
};
