#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>
#include <vector>

class RankTable;

// One byte-pair encoding (cl100k_base or o200k_base) with tiktoken's exact pre-tokenisation:
// immutable once built, so one instance serves every thread.
//
// Input is UTF-8. Bytes that are not part of a well-formed UTF-8 sequence are never dropped:
// each becomes a piece of its own (one single-byte token) and the well-formed runs between them
// are split as if they were separate texts, so decode(encode(x)) == x for any bytes.
// Special tokens such as <|endoftext|> are ordinary text unless encodeWithSpecialTokens() is used.
class Encoding final
{
public:
    // Which of tiktoken's pre-tokenisation patterns the encoding uses.
    enum class Split { Cl100k, O200k };

    struct SpecialToken
    {
        QByteArray text;
        quint32 id = 0;
    };

    // Builds an encoding from the bytes of a .tiktoken file ("base64-token rank" per line).
    // When expectedSha256 (hex) is given, the bytes must hash to it. Returns nullptr and sets
    // *error (naming the problem and the line) on any mismatch or malformed line.
    static std::unique_ptr<Encoding> fromTiktoken(const QString &name, Split split,
                                                  QByteArrayView tiktokenFile,
                                                  QByteArrayView expectedSha256Hex,
                                                  std::vector<SpecialToken> specialTokens,
                                                  QString *error);
    ~Encoding();
    Encoding(const Encoding &) = delete;
    Encoding &operator=(const Encoding &) = delete;

    QString name() const { return m_name; }
    Split split() const { return m_split; }

    std::vector<quint32> encode(QByteArrayView utf8) const;
    std::vector<quint32> encode(QStringView text) const;
    // Like encode(), but the encoding's special tokens in the text become their special ids.
    std::vector<quint32> encodeWithSpecialTokens(QByteArrayView utf8) const;

    qsizetype count(QByteArrayView utf8) const;
    qsizetype count(QStringView text) const;

    // Bytes of the tokens; ids the encoding does not know are skipped (see isValidToken()).
    QByteArray decode(const std::vector<quint32> &tokens) const;
    bool isValidToken(quint32 token) const;
    // The bytes of one token (empty for an unknown id).
    QByteArray tokenBytes(quint32 token) const;

    // Number of ordinary (mergeable) tokens.
    qsizetype mergeableTokenCount() const;
    const std::vector<SpecialToken> &specialTokens() const { return m_specialTokens; }
    std::optional<quint32> specialToken(QByteArrayView text) const;

private:
    Encoding(QString name, Split split, std::unique_ptr<RankTable> ranks,
             std::vector<SpecialToken> specialTokens);

    template<typename Sink>
    void encodeOrdinary(QByteArrayView utf8, Sink &sink) const;

    QString m_name;
    Split m_split;
    std::unique_ptr<RankTable> m_ranks;
    std::vector<SpecialToken> m_specialTokens;
};
