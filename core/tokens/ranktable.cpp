#include "tokens/ranktable.h"

#include <QByteArray>

#include <algorithm>
#include <array>
#include <atomic>

namespace {

struct Entry
{
    quint32 offset; // into the scratch arena
    quint32 length;
    quint32 rank;
};

// Strict standard base64 (with '=' padding), decoded straight into `out`; false when invalid.
bool decodeBase64(QByteArrayView in, std::vector<char> &out)
{
    static const auto table = [] {
        std::array<qint8, 256> t{};
        t.fill(-1);
        const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            t[uchar(alphabet[i])] = qint8(i);
        return t;
    }();
    if (in.isEmpty() || in.size() % 4 != 0)
        return false;
    qsizetype padding = 0;
    if (in.endsWith('='))
        padding = in.endsWith("==") ? 2 : 1;
    const qsizetype data = in.size() - padding;
    quint32 acc = 0;
    int bits = 0;
    for (qsizetype i = 0; i < data; ++i) {
        const qint8 v = table[uchar(in[i])];
        if (v < 0)
            return false;
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(char((acc >> bits) & 0xff));
        }
    }
    return true;
}

} // namespace

std::unique_ptr<RankTable> RankTable::parse(QByteArrayView file, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::unique_ptr<RankTable>();
    };

    std::vector<Entry> entries;
    entries.reserve(size_t(file.size() / 12));
    std::vector<char> scratch;
    scratch.reserve(size_t(file.size() / 2));
    qsizetype lineNumber = 0;
    qsizetype pos = 0;
    quint32 maxRank = 0;
    while (pos < file.size()) {
        ++lineNumber;
        qsizetype eol = file.indexOf('\n', pos);
        if (eol < 0)
            eol = file.size();
        const QByteArrayView line = file.sliced(pos, eol - pos);
        pos = eol + 1;
        if (line.isEmpty())
            continue;
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            return fail(
                QStringLiteral("line %1: expected \"<base64 token> <rank>\"").arg(lineNumber));
        const size_t before = scratch.size();
        if (!decodeBase64(line.first(space), scratch) || scratch.size() == before ||
            scratch.size() - before > 0xffff)
            return fail(QStringLiteral("line %1: the token is not valid base64").arg(lineNumber));
        quint64 rank = 0;
        const QByteArrayView digits = line.sliced(space + 1);
        bool ok = !digits.isEmpty() && digits.size() <= 10;
        for (const char c : digits) {
            ok = ok && c >= '0' && c <= '9';
            rank = rank * 10 + quint64(c - '0');
        }
        if (!ok || rank >= 0x7fffffffull)
            return fail(QStringLiteral("line %1: the rank is not a number").arg(lineNumber));
        maxRank = std::max(maxRank, quint32(rank));
        entries.push_back({quint32(before), quint32(scratch.size() - before), quint32(rank)});
    }
    if (entries.empty())
        return fail(QStringLiteral("the rank file has no tokens"));
    if (maxRank > entries.size() * 2 + 1024)
        return fail(QStringLiteral("the ranks are too sparse (highest %1 for %2 tokens)")
                        .arg(maxRank)
                        .arg(entries.size()));

    auto table = std::unique_ptr<RankTable>(new RankTable);
    table->m_count = qsizetype(entries.size());
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.rank < b.rank; });
    table->m_offsets.assign(size_t(maxRank) + 2, 0);
    table->m_arena.reserve(scratch.size() + 8);
    size_t next = 0;
    for (quint32 r = 0; r <= maxRank; ++r) {
        table->m_offsets[r] = quint32(table->m_arena.size());
        if (next < entries.size() && entries[next].rank == r) {
            const char *b = scratch.data() + entries[next].offset;
            table->m_arena.insert(table->m_arena.end(), b, b + entries[next].length);
            ++next;
            if (next < entries.size() && entries[next].rank == r)
                return fail(QStringLiteral("rank %1 appears twice").arg(r));
        }
    }
    table->m_offsets[size_t(maxRank) + 1] = quint32(table->m_arena.size());

    quint64 capacity = 1024;
    // Load factor up to 0.8: the filter below screens out most unsuccessful lookups, the only
    // ones long probe runs would hurt, and a smaller table stays in cache better.
    while (capacity * 4 < quint64(entries.size()) * 5)
        capacity *= 2;
    table->m_slots.assign(capacity, Slot{0, NoRank, 0});
    table->m_mask = capacity - 1;
    static std::atomic<quint32> nextId{1};
    table->m_id = nextId.fetch_add(1);
    // At least 16 filter bits per token: about a 5% false-positive rate for 512 KB (o200k).
    quint64 filterBits = 1 << 16;
    while (filterBits < quint64(entries.size()) * 16)
        filterBits *= 2;
    table->m_filter.assign(filterBits / 64, 0);
    table->m_filterMask = filterBits - 1;
    std::fill(std::begin(table->m_byteRanks), std::end(table->m_byteRanks), NoRank);
    table->m_pairRanks.assign(65536, NoRank);
    for (const Entry &e : entries) {
        const auto *data = reinterpret_cast<const uchar *>(scratch.data() + e.offset);
        const qsizetype len = e.length;
        if (table->find(data, len) != NoRank)
            return fail(QStringLiteral("the token of rank %1 appears twice").arg(e.rank));
        const quint64 head = loadHead(data, len);
        const quint64 h = hash(head, data, len);
        quint64 i = h & table->m_mask;
        while (table->m_slots[i].rank != NoRank)
            i = (i + 1) & table->m_mask;
        table->m_slots[i] = Slot{head, e.rank, quint32(len) | (quint32(h >> 48) << 16)};
        const quint64 bit = (h >> 20) & table->m_filterMask;
        table->m_filter[bit >> 6] |= quint64(1) << (bit & 63);
        if (len == 1)
            table->m_byteRanks[data[0]] = e.rank;
        else if (len == 2)
            table->m_pairRanks[(data[0] << 8) | data[1]] = e.rank;
    }
    for (int b = 0; b < 256; ++b) {
        if (table->m_byteRanks[b] == NoRank)
            return fail(
                QStringLiteral("the byte 0x%1 has no token").arg(b, 2, 16, QLatin1Char('0')));
    }
    return table;
}
