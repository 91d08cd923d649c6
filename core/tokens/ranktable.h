#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstring>
#include <memory>
#include <vector>

// The mergeable tokens of an encoding: an open-addressing hash table from token bytes to rank
// over one flat byte arena, plus the reverse mapping for decoding. Immutable after parse().
class RankTable final
{
public:
    static constexpr quint32 NoRank = 0xffffffffu;

    // Parses a .tiktoken file ("base64-token rank" per line). Returns nullptr and sets *error
    // naming the line on malformed input, duplicate tokens or duplicate ranks.
    static std::unique_ptr<RankTable> parse(QByteArrayView file, QString *error);

    // The hash of a byte string, computed once so that the slot can be prefetched early.
    struct Probe
    {
        quint64 head;
        quint64 hash;
    };
    static Probe probe(const uchar *data, qsizetype len)
    {
        const quint64 head = loadHead(data, len);
        return {head, hash(head, data, len)};
    }
    // Starts loading the memory a find() with this probe will read, so that several lookups
    // wait for memory at the same time instead of one after another.
    void prefetch(const Probe &p) const
    {
        __builtin_prefetch(&m_filter[((p.hash >> 20) & m_filterMask) >> 6]);
        __builtin_prefetch(&m_slots[p.hash & m_mask]);
    }

    quint32 find(const uchar *data, qsizetype len) const
    {
        return find(data, len, probe(data, len));
    }
    quint32 find(const uchar *data, qsizetype len, const Probe &p) const
    {
        // Most probes during merging are for byte strings that are no token; a compact bit
        // filter answers those without touching the (much larger) slot table.
        const quint64 bit = (p.hash >> 20) & m_filterMask;
        if (!(m_filter[bit >> 6] & (quint64(1) << (bit & 63))))
            return NoRank;
        const quint32 key = quint32(len) | (quint32(p.hash >> 48) << 16);
        for (quint64 i = p.hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &s = m_slots[i];
            if (s.rank == NoRank)
                return NoRank;
            if (s.key == key && s.head == p.head &&
                (len <= 8 ||
                 std::memcmp(m_arena.data() + m_offsets[s.rank] + 8, data + 8, len - 8) == 0))
                return s.rank;
        }
    }
    quint32 byteRank(uchar b) const { return m_byteRanks[b]; }
    quint32 pairRank(uchar a, uchar b) const { return m_pairRanks[(a << 8) | b]; }

    QByteArrayView bytes(quint32 rank) const
    {
        if (rank + 1 >= m_offsets.size())
            return {};
        return QByteArrayView(m_arena.data() + m_offsets[rank],
                              qsizetype(m_offsets[rank + 1] - m_offsets[rank]));
    }
    bool contains(quint32 rank) const
    {
        return rank + 1 < m_offsets.size() && m_offsets[rank + 1] > m_offsets[rank];
    }
    qsizetype size() const { return m_count; }
    // Distinguishes tables in caches shared by all tables; never 0.
    quint32 id() const { return m_id; }
    quint32 maxRank() const { return quint32(m_offsets.size()) - 2; }

private:
    struct Slot
    {
        quint64 head; // first 8 bytes, zero-padded
        quint32 rank;
        quint32 key; // length | top hash bits << 16
    };

    static quint64 loadHead(const uchar *data, qsizetype len)
    {
        quint64 v = 0;
        std::memcpy(&v, data, len < 8 ? size_t(len) : 8u);
        return v;
    }
    static quint64 mix(quint64 x)
    {
        x ^= x >> 32;
        x *= 0xd6e8feb86659fd93ull;
        x ^= x >> 32;
        x *= 0xd6e8feb86659fd93ull;
        x ^= x >> 32;
        return x;
    }
    static quint64 hash(quint64 head, const uchar *data, qsizetype len)
    {
        quint64 h = mix(head ^ (quint64(len) * 0x9e3779b97f4a7c15ull));
        for (qsizetype off = 8; off < len; off += 8) {
            quint64 w = 0;
            std::memcpy(&w, data + off, len - off < 8 ? size_t(len - off) : 8u);
            h = mix(h ^ w);
        }
        return h;
    }

    std::vector<char> m_arena;      // token bytes, in rank order
    std::vector<quint32> m_offsets; // rank -> arena offset; size maxRank + 2
    std::vector<Slot> m_slots;
    quint64 m_mask = 0;
    quint32 m_byteRanks[256] = {};
    std::vector<quint32> m_pairRanks; // all two-byte tokens, indexed by (first << 8) | second
    std::vector<quint64> m_filter;    // one bit per hash value, set for every token
    quint64 m_filterMask = 0;
    qsizetype m_count = 0;
    quint32 m_id = 0;
};
