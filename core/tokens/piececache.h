#pragma once

#include <QtGlobal>

#include <cstring>
#include <memory>

// A per-thread, direct-mapped cache of the tokens of pieces that needed byte-pair merging, so
// that a word seen again costs one cache line instead of a dozen rank-table probes. Bounded
// (32768 entries of one 64-byte line, 2 MB per thread that encodes) and private to its
// thread, so no locking.
class PieceCache final
{
public:
    static constexpr int MaxPieceBytes = 26;
    static constexpr int MaxTokens = 8;

    struct alignas(64) Entry
    {
        quint32 tokens[MaxTokens];
        quint32 owner = 0; // id of the rank table the tokens belong to; 0 = empty
        quint8 length = 0;
        quint8 tokenCount = 0;
        uchar bytes[MaxPieceBytes];
    };
    static_assert(sizeof(Entry) == 64);

    static PieceCache &forThisThread()
    {
        thread_local std::unique_ptr<PieceCache> cache(new PieceCache);
        return *cache;
    }

    Entry &slot(quint64 hash) { return m_entries[hash & (Size - 1)]; }

    static bool matches(const Entry &e, quint32 owner, const uchar *piece, qsizetype len)
    {
        return e.owner == owner && e.length == len && std::memcmp(e.bytes, piece, size_t(len)) == 0;
    }

private:
    static constexpr int Size = 32768;
    Entry m_entries[Size];
};
