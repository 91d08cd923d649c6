#include "tokens/ranktable.h"

#include <QByteArray>

#include <algorithm>
#include <atomic>

namespace {

struct Entry
{
    QByteArray bytes;
    quint32 rank;
};

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
    qsizetype lineNumber = 0;
    qsizetype pos = 0;
    quint64 arenaSize = 0;
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
        const auto decoded = QByteArray::fromBase64Encoding(
            line.first(space).toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty() || decoded.decoded.size() > 0xffff)
            return fail(QStringLiteral("line %1: the token is not valid base64").arg(lineNumber));
        bool ok = false;
        const qulonglong rank = line.sliced(space + 1).toULongLong(&ok);
        if (!ok || rank >= 0x7fffffffull)
            return fail(QStringLiteral("line %1: the rank is not a number").arg(lineNumber));
        maxRank = std::max(maxRank, quint32(rank));
        arenaSize += quint64(decoded.decoded.size());
        entries.push_back({decoded.decoded, quint32(rank)});
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
    table->m_arena.reserve(size_t(arenaSize) + 8);
    size_t next = 0;
    for (quint32 r = 0; r <= maxRank; ++r) {
        table->m_offsets[r] = quint32(table->m_arena.size());
        if (next < entries.size() && entries[next].rank == r) {
            const QByteArray &b = entries[next].bytes;
            table->m_arena.insert(table->m_arena.end(), b.begin(), b.end());
            ++next;
            if (next < entries.size() && entries[next].rank == r)
                return fail(QStringLiteral("rank %1 appears twice").arg(r));
        }
    }
    table->m_offsets[size_t(maxRank) + 1] = quint32(table->m_arena.size());

    quint64 capacity = 1024;
    while (capacity < quint64(entries.size()) * 2)
        capacity *= 2;
    table->m_slots.assign(capacity, Slot{0, NoRank, 0});
    table->m_mask = capacity - 1;
    static std::atomic<quint32> nextId{1};
    table->m_id = nextId.fetch_add(1);
    // 16 filter bits per token: a 5-6% false-positive rate in a table an eighth of the slots'.
    const quint64 filterBits = capacity * 8;
    table->m_filter.assign(filterBits / 64, ~quint64(0)); // all set while the slots fill
    table->m_filterMask = filterBits - 1;
    std::fill(std::begin(table->m_byteRanks), std::end(table->m_byteRanks), NoRank);
    table->m_pairRanks.assign(65536, NoRank);
    for (const Entry &e : entries) {
        const auto *data = reinterpret_cast<const uchar *>(e.bytes.constData());
        const qsizetype len = e.bytes.size();
        if (table->find(data, len) != NoRank)
            return fail(QStringLiteral("the token of rank %1 appears twice").arg(e.rank));
        const quint64 head = loadHead(data, len);
        const quint64 h = hash(head, data, len);
        quint64 i = h & table->m_mask;
        while (table->m_slots[i].rank != NoRank)
            i = (i + 1) & table->m_mask;
        table->m_slots[i] = Slot{head, e.rank, quint32(len) | (quint32(h >> 48) << 16)};
        if (len == 1)
            table->m_byteRanks[data[0]] = e.rank;
        else if (len == 2)
            table->m_pairRanks[(data[0] << 8) | data[1]] = e.rank;
    }
    std::fill(table->m_filter.begin(), table->m_filter.end(), 0);
    for (const Slot &slot : table->m_slots) {
        if (slot.rank == NoRank)
            continue;
        const QByteArrayView token = table->bytes(slot.rank);
        const auto *data = reinterpret_cast<const uchar *>(token.data());
        const quint64 bit =
            (hash(loadHead(data, token.size()), data, token.size()) >> 20) & table->m_filterMask;
        table->m_filter[bit >> 6] |= quint64(1) << (bit & 63);
    }
    for (int b = 0; b < 256; ++b) {
        if (table->m_byteRanks[b] == NoRank)
            return fail(
                QStringLiteral("the byte 0x%1 has no token").arg(b, 2, 16, QLatin1Char('0')));
    }
    return table;
}
