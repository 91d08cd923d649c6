#pragma once

#include "tokens/paircache.h"
#include "tokens/piececache.h"
#include "tokens/ranktable.h"

#include <algorithm>
#include <queue>
#include <vector>

// Byte-pair merging of one piece: repeatedly merges the adjacent pair whose concatenation has
// the lowest rank (the leftmost one on ties) until no adjacent pair is a token, then emits the
// tokens of the parts in order. Short pieces use a flat array; long ones a heap, so a piece of
// megabytes (one huge word) stays O(n log n).
class BytePairMerger final
{
public:
    explicit BytePairMerger(const RankTable &ranks)
        : m_ranks(ranks)
        , m_cache(PieceCache::forThisThread())
        , m_pairs(PairCache::forThisThread())
        , m_pairsUsable(ranks.maxRank() < PairCache::RankLimit && ranks.id() < (1u << 24))
    {}

    template<typename Sink>
    void encode(const uchar *piece, qsizetype len, Sink &sink) const
    {
        if (len == 1) {
            sink(m_ranks.byteRank(piece[0]));
            return;
        }
        encode(piece, len, RankTable::probe(piece, len), sink);
    }

    // For a piece of two bytes or more whose probe was computed (and prefetched) earlier.
    template<typename Sink>
    void encode(const uchar *piece, qsizetype len, const RankTable::Probe &probe, Sink &sink) const
    {
        const quint32 whole = m_ranks.find(piece, len, probe);
        if (whole != RankTable::NoRank) {
            sink(whole);
            return;
        }
        if (len > SmallPiece) {
            mergeLarge(piece, len, sink);
            return;
        }
        if (len > PieceCache::MaxPieceBytes) {
            mergeSmall(piece, len, sink);
            return;
        }
        PieceCache::Entry &cached = m_cache.slot(probe.hash);
        if (PieceCache::matches(cached, m_ranks.id(), piece, len)) {
            for (int i = 0; i < cached.tokenCount; ++i)
                sink(cached.tokens[i]);
            return;
        }
        struct Recorder
        {
            PieceCache::Entry &entry;
            Sink &sink;
            void operator()(quint32 token)
            {
                if (entry.tokenCount < PieceCache::MaxTokens)
                    entry.tokens[entry.tokenCount] = token;
                ++entry.tokenCount;
                sink(token);
            }
        };
        cached.owner = 0;
        cached.tokenCount = 0;
        Recorder recorder{cached, sink};
        mergeSmall(piece, len, recorder);
        if (cached.tokenCount <= PieceCache::MaxTokens) {
            cached.owner = m_ranks.id();
            cached.length = quint8(len);
            std::memcpy(cached.bytes, piece, size_t(len));
        }
    }

private:
    static constexpr qsizetype SmallPiece = 128;

    template<typename Sink>
    void mergeSmall(const uchar *piece, qsizetype len, Sink &sink) const
    {
        quint32 start[SmallPiece];
        quint32 token[SmallPiece];
        quint32 pairRank[SmallPiece]; // rank of part i merged with part i + 1
        qsizetype n = len;
        for (qsizetype i = 0; i < n; ++i) {
            start[i] = quint32(i);
            token[i] = m_ranks.byteRank(piece[i]);
            pairRank[i] = i + 1 < n ? m_ranks.pairRank(piece[i], piece[i + 1]) : RankTable::NoRank;
        }
        auto partEnd = [&](qsizetype k) { return k + 1 < n ? start[k + 1] : quint32(len); };
        for (;;) {
            quint32 best = RankTable::NoRank;
            qsizetype at = -1;
            for (qsizetype i = 0; i + 1 < n; ++i) {
                if (pairRank[i] < best) {
                    best = pairRank[i];
                    at = i;
                }
            }
            if (at < 0)
                break;
            token[at] = best;
            const qsizetype tail = n - (at + 2);
            std::copy_n(start + at + 2, tail, start + at + 1);
            std::copy_n(token + at + 2, tail, token + at + 1);
            std::copy_n(pairRank + at + 2, tail, pairRank + at + 1);
            --n;
            // The new part's pairs with both neighbours: from the pair cache, else both
            // rank-table lookups are started before either is waited for.
            PairLookup right, left;
            if (at + 1 < n)
                right.start(*this, token[at], token[at + 1], piece + start[at],
                            partEnd(at + 1) - start[at]);
            if (at > 0)
                left.start(*this, token[at - 1], token[at], piece + start[at - 1],
                           partEnd(at) - start[at - 1]);
            pairRank[at] = right.finish(*this);
            if (at > 0)
                pairRank[at - 1] = left.finish(*this);
        }
        for (qsizetype i = 0; i < n; ++i)
            sink(token[i]);
    }

    template<typename Sink>
    void mergeLarge(const uchar *piece, qsizetype len, Sink &sink) const
    {
        // Part ids are the byte offsets where parts start, so ordering entries by id is
        // ordering them left to right, which gives the same tie-breaking as the flat loop.
        constexpr quint32 None = RankTable::NoRank;
        struct Candidate
        {
            quint32 rank;
            quint32 part;
            quint32 version;
            bool operator>(const Candidate &o) const
            {
                return rank != o.rank ? rank > o.rank : part > o.part;
            }
        };
        const auto n = quint32(len);
        std::vector<quint32> next(n), prev(n), token(n), version(n, 0);
        std::vector<char> removed(n, 0);
        std::priority_queue<Candidate, std::vector<Candidate>, std::greater<Candidate>> heap;
        for (quint32 i = 0; i < n; ++i) {
            next[i] = i + 1 < n ? i + 1 : None;
            prev[i] = i > 0 ? i - 1 : None;
            token[i] = m_ranks.byteRank(piece[i]);
        }
        auto pairRankOf = [&](quint32 i) {
            const quint32 j = next[i];
            if (j == None)
                return None;
            const quint32 end = next[j] == None ? n : next[j];
            return m_ranks.find(piece + i, end - i);
        };
        for (quint32 i = 0; i + 1 < n; ++i) {
            const quint32 r = m_ranks.pairRank(piece[i], piece[i + 1]);
            if (r != None)
                heap.push({r, i, 0});
        }
        while (!heap.empty()) {
            const Candidate c = heap.top();
            heap.pop();
            if (removed[c.part] || version[c.part] != c.version)
                continue;
            const quint32 i = c.part;
            const quint32 j = next[i];
            token[i] = c.rank;
            removed[j] = 1;
            next[i] = next[j];
            if (next[j] != None)
                prev[next[j]] = i;
            const quint32 r = pairRankOf(i);
            ++version[i];
            if (r != None)
                heap.push({r, i, version[i]});
            if (prev[i] != None) {
                const quint32 p = prev[i];
                const quint32 pr = pairRankOf(p);
                ++version[p];
                if (pr != None)
                    heap.push({pr, p, version[p]});
            }
        }
        for (quint32 i = 0; i != None; i = next[i])
            sink(token[i]);
    }

    // The rank of two adjacent parts merged, answered by the pair cache when it can be;
    // otherwise the rank-table slot is prefetched by start() and read by finish().
    struct PairLookup
    {
        quint32 rank = RankTable::NoRank;
        PairCache::Entry *entry = nullptr; // set while a rank-table lookup is pending
        quint64 key = 0;
        const uchar *bytes = nullptr;
        qsizetype len = 0;
        RankTable::Probe probe{};

        void start(const BytePairMerger &m, quint32 a, quint32 b, const uchar *data, qsizetype n)
        {
            if (m.m_pairsUsable) {
                key = PairCache::keyOf(m.m_ranks.id(), a, b);
                PairCache::Entry &e = m.m_pairs.slot(key);
                if (e.key == key) {
                    rank = e.rank;
                    return;
                }
                entry = &e;
            }
            bytes = data;
            len = n;
            probe = RankTable::probe(data, n);
            m.m_ranks.prefetch(probe);
        }
        quint32 finish(const BytePairMerger &m)
        {
            if (bytes) {
                rank = m.m_ranks.find(bytes, len, probe);
                if (entry)
                    *entry = PairCache::Entry{key, rank};
            }
            return rank;
        }
    };

    const RankTable &m_ranks;
    PieceCache &m_cache;
    PairCache &m_pairs;
    const bool m_pairsUsable;
};
