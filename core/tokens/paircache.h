#pragma once

#include <QtGlobal>

#include <memory>

// A per-thread, direct-mapped cache of "token a followed by token b merges into rank r (or
// into no token)". The bytes of a and b fix the bytes of their concatenation, so the answer
// depends only on (table, a, b); a hit replaces a hash, a filter test and a probe of the large
// rank table, which are cache misses on a busy machine. Private to its thread: no locks, and
// results never depend on it. 16384 entries of 16 bytes (256 KB) stay in the L2 cache.
class PairCache final
{
public:
    // Ranks up to this value (exclusive) can be cached; both encodings are far below it.
    static constexpr quint32 RankLimit = quint32(1) << 20;

    struct Entry
    {
        quint64 key = 0; // 0 = empty; see keyOf()
        quint32 rank = 0;
    };

    static PairCache &forThisThread()
    {
        thread_local std::unique_ptr<PairCache> cache(new PairCache);
        return *cache;
    }

    // owner (a rank table's id, never 0) in the top 24 bits, so that a key is never 0 and
    // tables never see each other's entries.
    static quint64 keyOf(quint32 owner, quint32 a, quint32 b)
    {
        return (quint64(owner) << 40) | (quint64(a) << 20) | b;
    }

    Entry &slot(quint64 key)
    {
        const quint64 h = key * 0x9e3779b97f4a7c15ull;
        return m_entries[h >> (64 - Bits)];
    }

private:
    static constexpr int Bits = 14;
    Entry m_entries[1 << Bits];
};
