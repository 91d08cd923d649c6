#include "tokens/encoding.h"

#include "tokens/bytepairmerger.h"
#include "tokens/pretokenizer.h"
#include "tokens/ranktable.h"

#include <QCryptographicHash>

namespace {

struct CountSink
{
    qsizetype count = 0;
    void operator()(quint32) { ++count; }
};

struct VectorSink
{
    std::vector<quint32> &tokens;
    void operator()(quint32 token) { tokens.push_back(token); }
};

} // namespace

Encoding::Encoding(QString name, Split split, std::unique_ptr<RankTable> ranks,
                   std::vector<SpecialToken> specialTokens)
    : m_name(std::move(name))
    , m_split(split)
    , m_ranks(std::move(ranks))
    , m_specialTokens(std::move(specialTokens))
{}

Encoding::~Encoding() = default;

std::unique_ptr<Encoding> Encoding::fromTiktoken(const QString &name, Split split,
                                                 QByteArrayView tiktokenFile,
                                                 QByteArrayView expectedSha256Hex,
                                                 std::vector<SpecialToken> specialTokens,
                                                 QString *error)
{
    if (!expectedSha256Hex.isEmpty()) {
        const QByteArray actual =
            QCryptographicHash::hash(tiktokenFile, QCryptographicHash::Sha256).toHex();
        if (actual.compare(expectedSha256Hex, Qt::CaseInsensitive) != 0) {
            if (error)
                *error = QStringLiteral("%1: the rank data has sha256 %2, expected %3")
                             .arg(name, QString::fromLatin1(actual),
                                  QString::fromLatin1(expectedSha256Hex));
            return nullptr;
        }
    }
    QString parseError;
    auto ranks = RankTable::parse(tiktokenFile, &parseError);
    if (!ranks) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(name, parseError);
        return nullptr;
    }
    for (const SpecialToken &s : specialTokens) {
        if (s.text.isEmpty() || ranks->contains(s.id)) {
            if (error)
                *error = QStringLiteral("%1: special token %2 collides with the ranks")
                             .arg(name, QString::fromUtf8(s.text));
            return nullptr;
        }
    }
    return std::unique_ptr<Encoding>(
        new Encoding(name, split, std::move(ranks), std::move(specialTokens)));
}

template<typename Sink>
void Encoding::encodeOrdinary(QByteArrayView utf8, Sink &sink) const
{
    const BytePairMerger merger(*m_ranks);
    const auto *data = reinterpret_cast<const uchar *>(utf8.data());
    const Pretokenizer splitter(utf8.data(), utf8.size());
    const qsizetype size = utf8.size();
    // Pieces are found a few ahead of the one being encoded and their rank-table slots
    // prefetched, so the table's cache misses overlap instead of queueing one by one.
    constexpr int Ahead = 8;
    struct Pending
    {
        qsizetype pos;
        qsizetype len;
        RankTable::Probe probe;
    };
    Pending ring[Ahead];
    int head = 0;
    int filled = 0;
    qsizetype pos = 0;
    auto flushOne = [&] {
        const Pending &p = ring[head];
        if (p.len == 1)
            sink(m_ranks->byteRank(data[p.pos]));
        else
            merger.encode(data + p.pos, p.len, p.probe, sink);
        head = (head + 1) % Ahead;
        --filled;
    };
    auto push = [&](qsizetype end) {
        Pending &p = ring[(head + filled) % Ahead];
        p.pos = pos;
        p.len = end - pos;
        if (p.len > 1) {
            p.probe = RankTable::probe(data + pos, p.len);
            m_ranks->prefetch(p.probe);
        }
        ++filled;
        pos = end;
        if (filled == Ahead)
            flushOne();
    };
    // Two loops rather than a branch per piece: this is the hot path.
    if (m_split == Split::Cl100k) {
        while (pos < size)
            push(splitter.nextCl100k(pos));
    } else {
        while (pos < size)
            push(splitter.nextO200k(pos));
    }
    while (filled > 0)
        flushOne();
}

std::vector<quint32> Encoding::encode(QByteArrayView utf8) const
{
    std::vector<quint32> tokens;
    tokens.reserve(size_t(utf8.size() / 4 + 4));
    VectorSink sink{tokens};
    encodeOrdinary(utf8, sink);
    return tokens;
}

std::vector<quint32> Encoding::encode(QStringView text) const
{
    return encode(QByteArrayView(text.toUtf8()));
}

std::vector<quint32> Encoding::encodeWithSpecialTokens(QByteArrayView utf8) const
{
    std::vector<quint32> tokens;
    VectorSink sink{tokens};
    qsizetype pos = 0;
    while (pos < utf8.size()) {
        qsizetype best = -1;
        const SpecialToken *found = nullptr;
        for (const SpecialToken &s : m_specialTokens) {
            const qsizetype at = utf8.indexOf(QByteArrayView(s.text), pos);
            if (at >= 0 &&
                (best < 0 || at < best || (at == best && s.text.size() > found->text.size()))) {
                best = at;
                found = &s;
            }
        }
        const qsizetype end = best < 0 ? utf8.size() : best;
        encodeOrdinary(utf8.sliced(pos, end - pos), sink);
        if (!found)
            break;
        tokens.push_back(found->id);
        pos = best + found->text.size();
    }
    return tokens;
}

qsizetype Encoding::count(QByteArrayView utf8) const
{
    CountSink sink;
    encodeOrdinary(utf8, sink);
    return sink.count;
}

qsizetype Encoding::count(QStringView text) const
{
    return count(QByteArrayView(text.toUtf8()));
}

QByteArray Encoding::decode(const std::vector<quint32> &tokens) const
{
    QByteArray out;
    out.reserve(qsizetype(tokens.size()) * 4);
    for (const quint32 t : tokens) {
        if (m_ranks->contains(t)) {
            out.append(m_ranks->bytes(t));
            continue;
        }
        for (const SpecialToken &s : m_specialTokens) {
            if (s.id == t) {
                out.append(s.text);
                break;
            }
        }
    }
    return out;
}

bool Encoding::isValidToken(quint32 token) const
{
    if (m_ranks->contains(token))
        return true;
    for (const SpecialToken &s : m_specialTokens) {
        if (s.id == token)
            return true;
    }
    return false;
}

QByteArray Encoding::tokenBytes(quint32 token) const
{
    return decode(std::vector<quint32>{token});
}

qsizetype Encoding::mergeableTokenCount() const
{
    return m_ranks->size();
}

std::optional<quint32> Encoding::specialToken(QByteArrayView text) const
{
    for (const SpecialToken &s : m_specialTokens) {
        if (QByteArrayView(s.text) == text)
            return s.id;
    }
    return std::nullopt;
}
