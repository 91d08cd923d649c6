#include "tokens/encoding.h"
#include "tokens/tokenizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrent>
#include <QtTest>

#include <thread>

// Token ids for tricky inputs, checked against ids generated once with the npm packages
// tiktoken and gpt-tokenizer (tests/tokens/data/generate-expected.mjs).
class TestEncoding final : public QObject
{
    Q_OBJECT

private slots:
    void concurrentFirstUse();
    void initTestCase();
    void knownIds_data();
    void knownIds();
    void randomStrings_data();
    void randomStrings();
    void mixTotals_data();
    void mixTotals();
    void invalidUtf8_data();
    void invalidUtf8();
    void roundTripRandomBytes();
    void largeInput();
    void hugeSinglePiece();
    void concurrentEncoding();
    void specialTokens();
    void qstringOverloads();

private:
    QByteArray mixText() const;

    QJsonObject m_expected;
};

namespace {

const Encoding &enc(const QString &name)
{
    const Encoding *e = Tokenizer::byName(name);
    if (!e)
        qFatal("encoding %s unavailable: %s", qPrintable(name),
               qPrintable(Tokenizer::loadError(name)));
    return *e;
}

std::vector<quint32> toIds(const QJsonArray &array)
{
    std::vector<quint32> ids;
    for (const QJsonValue &v : array)
        ids.push_back(quint32(v.toInteger()));
    return ids;
}

// The exact bytes of a case (Qt's JSON reader drops a leading U+FEFF from strings).
QByteArray caseBytes(const QJsonObject &c)
{
    return QByteArray::fromBase64(c.value(QLatin1String("utf8_base64")).toString().toLatin1());
}

QString show(const std::vector<quint32> &ids)
{
    QStringList parts;
    for (quint32 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

// xorshift32, the same generator the JavaScript generator uses for the mix.
struct XorShift32
{
    quint32 state;
    quint32 next()
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
};

} // namespace

void TestEncoding::concurrentFirstUse()
{
    // Runs first, before anything has loaded: several threads race to the lazy loading.
    const QByteArray text = "Concurrent first use of the token tables, 12345 times!";
    QList<QFuture<std::vector<quint32>>> futures;
    for (int i = 0; i < 6; ++i) {
        const QString name = i % 2 ? QStringLiteral("o200k_base") : QStringLiteral("cl100k_base");
        futures << QtConcurrent::run([name, text] { return enc(name).encode(text); });
    }
    for (int i = 0; i < futures.size(); ++i)
        QCOMPARE(futures[i].result(), futures[i % 2].result());
    QCOMPARE(Tokenizer::byName(u"cl100k_base"), Tokenizer::byName(u"cl100k_base"));
}

void TestEncoding::initTestCase()
{
    QFile file(QStringLiteral(VOICEAI_TOKENS_TEST_DATA "/tokens-expected.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    m_expected = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(m_expected.value(QLatin1String("cases")).toArray().size() > 50);
}

void TestEncoding::knownIds_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<QJsonArray>("ids");
    const QJsonArray cases = m_expected.value(QLatin1String("cases")).toArray();
    for (const QJsonValue &v : cases) {
        const QJsonObject c = v.toObject();
        for (const QString &encoding :
             {QStringLiteral("cl100k_base"), QStringLiteral("o200k_base")}) {
            const QString row =
                encoding + QLatin1Char(' ') + c.value(QLatin1String("name")).toString();
            QTest::newRow(qPrintable(row))
                << encoding << caseBytes(c) << c.value(encoding).toArray();
        }
    }
}

void TestEncoding::knownIds()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, utf8);
    QFETCH(QJsonArray, ids);
    const Encoding &e = enc(encoding);
    const std::vector<quint32> expected = toIds(ids);
    const std::vector<quint32> actual = e.encode(utf8);
    QVERIFY2(actual == expected,
             qPrintable(QStringLiteral("got %1\nwant %2").arg(show(actual), show(expected))));
    QCOMPARE(e.count(utf8), qsizetype(expected.size()));
    QCOMPARE(e.decode(actual), utf8);
}

void TestEncoding::randomStrings_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::newRow("cl100k_base") << QStringLiteral("cl100k_base");
    QTest::newRow("o200k_base") << QStringLiteral("o200k_base");
}

void TestEncoding::randomStrings()
{
    // 1500 random strings over the characters the split patterns treat specially.
    QFETCH(QString, encoding);
    const Encoding &e = enc(encoding);
    const QJsonArray rows = m_expected.value(QLatin1String("fuzz")).toArray();
    QVERIFY(rows.size() >= 1000);
    int mismatches = 0;
    for (const QJsonValue &v : rows) {
        const QJsonObject row = v.toObject();
        const QByteArray utf8 = caseBytes(row);
        const std::vector<quint32> expected = toIds(row.value(encoding).toArray());
        const std::vector<quint32> actual = e.encode(utf8);
        if (actual != expected && ++mismatches <= 5)
            qWarning("%s: %s\n  got  %s\n  want %s", qPrintable(encoding),
                     utf8.toPercentEncoding().constData(), qPrintable(show(actual)),
                     qPrintable(show(expected)));
    }
    QCOMPARE(mismatches, 0);
}

QByteArray TestEncoding::mixText() const
{
    const QJsonObject mix = m_expected.value(QLatin1String("mix")).toObject();
    QList<QByteArray> usable;
    for (const QJsonValue &v : m_expected.value(QLatin1String("cases")).toArray()) {
        const QJsonObject c = v.toObject();
        if (!c.contains(QLatin1String("cl100k_base_note")) &&
            !c.contains(QLatin1String("o200k_base_note")))
            usable << caseBytes(c);
    }
    const QList<QByteArray> separators = {" ", "\n", "\n\n", "  ", "\t", ". ", ", "};
    XorShift32 rng{quint32(mix.value(QLatin1String("seed")).toInteger())};
    QByteArray text;
    const int pieces = mix.value(QLatin1String("pieces")).toInt();
    for (int i = 0; i < pieces; ++i) {
        text += usable.at(rng.next() % usable.size());
        text += separators.at(rng.next() % separators.size());
    }
    return text;
}

void TestEncoding::mixTotals_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::newRow("cl100k_base") << QStringLiteral("cl100k_base");
    QTest::newRow("o200k_base") << QStringLiteral("o200k_base");
}

void TestEncoding::mixTotals()
{
    QFETCH(QString, encoding);
    const QJsonObject mix = m_expected.value(QLatin1String("mix")).toObject();
    const QByteArray text = mixText();
    QCOMPARE(text.size(), mix.value(QLatin1String("bytes")).toInteger());
    QCOMPARE(enc(encoding).count(text), mix.value(encoding).toInteger());
}

void TestEncoding::invalidUtf8_data()
{
    // Each row: the input as runs separated by invalid bytes; the documented rule is that the
    // valid runs are encoded on their own and each invalid byte is its single-byte token.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("validRuns");
    QTest::addColumn<QByteArray>("invalidBytes");
    QTest::newRow("lone ff") << QByteArray("\xff") << QList<QByteArray>{"", ""}
                             << QByteArray("\xff");
    QTest::newRow("inside a word") << QByteArray("abc\xff"
                                                 "def")
                                   << QList<QByteArray>{"abc", "def"} << QByteArray("\xff");
    QTest::newRow("truncated 2-byte")
        << QByteArray("x \xc3") << QList<QByteArray>{"x ", ""} << QByteArray("\xc3");
    QTest::newRow("truncated 3-byte")
        << QByteArray("\xe2\x82 euro") << QList<QByteArray>{"", "", " euro"}
        << QByteArray("\xe2\x82");
    QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf"
                                                  "b")
                                    << QList<QByteArray>{"a", "", "b"} << QByteArray("\xc0\xaf");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80!") << QList<QByteArray>{"", "", "", "!"}
                               << QByteArray("\xed\xa0\x80");
    QTest::newRow("above U+10FFFF")
        << QByteArray("\xf4\x90\x80\x80") << QList<QByteArray>{"", "", "", "", ""}
        << QByteArray("\xf4\x90\x80\x80");
    QTest::newRow("continuation bytes between spaces")
        << QByteArray("a  \x80\x80  b") << QList<QByteArray>{"a  ", "", "  b"}
        << QByteArray("\x80\x80");
    QTest::newRow("before newline spaces")
        << QByteArray("x\n \xfe\n") << QList<QByteArray>{"x\n ", "\n"} << QByteArray("\xfe");
}

void TestEncoding::invalidUtf8()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, validRuns);
    QFETCH(QByteArray, invalidBytes);
    QCOMPARE(validRuns.size(), invalidBytes.size() + 1);
    for (const QString &name : {QStringLiteral("cl100k_base"), QStringLiteral("o200k_base")}) {
        const Encoding &e = enc(name);
        std::vector<quint32> expected;
        for (qsizetype i = 0; i < validRuns.size(); ++i) {
            const std::vector<quint32> run = e.encode(validRuns.at(i));
            expected.insert(expected.end(), run.begin(), run.end());
            if (i < invalidBytes.size()) {
                const std::vector<quint32> single = e.encode(invalidBytes.mid(i, 1));
                QCOMPARE(single.size(), size_t(1));
                QCOMPARE(e.tokenBytes(single.front()), invalidBytes.mid(i, 1));
                expected.push_back(single.front());
            }
        }
        const std::vector<quint32> actual = e.encode(input);
        QVERIFY2(actual == expected, qPrintable(name + QLatin1Char(' ') + show(actual)));
        QCOMPARE(e.decode(actual), input);
        QCOMPARE(e.count(input), qsizetype(expected.size()));
    }
}

void TestEncoding::roundTripRandomBytes()
{
    XorShift32 rng{12345};
    for (const QString &name : {QStringLiteral("cl100k_base"), QStringLiteral("o200k_base")}) {
        const Encoding &e = enc(name);
        for (int round = 0; round < 200; ++round) {
            QByteArray bytes(int(rng.next() % 300), Qt::Uninitialized);
            for (char &c : bytes) {
                // Mostly ASCII with some high bytes, so both valid and broken sequences occur.
                const quint32 r = rng.next();
                c = char(r % 4 == 0 ? 0x80 + (r >> 8) % 128 : (r >> 8) % 128);
            }
            QCOMPARE(e.decode(e.encode(bytes)), bytes);
        }
        const QByteArray mix = mixText();
        QCOMPARE(e.decode(e.encode(mix)), mix);
    }
}

void TestEncoding::largeInput()
{
    // 10 MB of text made of a chunk whose pieces cannot join across copies: it starts with a
    // letter and ends with ".\n", so the count must be exactly copies x count(chunk).
    const QByteArray chunk =
        "Lorem ipsum dolor sit amet, naïve café 東京 2024: don't panic!!  Ünïcödé\n\tindent "
        "👍🏽 end.\n";
    const int copies = int((10 * 1024 * 1024) / chunk.size()) + 1;
    const QByteArray big = chunk.repeated(copies);
    QVERIFY(big.size() >= 10 * 1024 * 1024);
    for (const QString &name : {QStringLiteral("cl100k_base"), QStringLiteral("o200k_base")}) {
        const Encoding &e = enc(name);
        const qsizetype perChunk = e.count(chunk);
        QVERIFY(perChunk > 10);
        QCOMPARE(e.count(big), perChunk * copies);
        const std::vector<quint32> ids = e.encode(big);
        QCOMPARE(qsizetype(ids.size()), perChunk * copies);
        QVERIFY(e.decode(ids) == big);
    }
}

void TestEncoding::hugeSinglePiece()
{
    // One 2 MB "word" is one piece: the merge must not be quadratic, and must agree with the
    // small-piece path on the pieces both can handle (the 300-letter rows above).
    for (const QString &name : {QStringLiteral("cl100k_base"), QStringLiteral("o200k_base")}) {
        const Encoding &e = enc(name);
        const QByteArray word = QByteArray("xq").repeated(1024 * 1024);
        const std::vector<quint32> ids = e.encode(word);
        QVERIFY(ids.size() > 1000);
        QCOMPARE(e.decode(ids), word);
        const QByteArray digits = QByteArray("=-").repeated(1024 * 1024);
        QCOMPARE(e.decode(e.encode(digits)), digits);
    }
}

void TestEncoding::concurrentEncoding()
{
    const QByteArray text = mixText();
    for (const QString &name : {QStringLiteral("cl100k_base"), QStringLiteral("o200k_base")}) {
        const Encoding &e = enc(name);
        const std::vector<quint32> reference = e.encode(text);
        std::vector<std::vector<quint32>> results(4);
        std::vector<std::thread> threads;
        for (size_t t = 0; t < results.size(); ++t)
            threads.emplace_back([&e, &text, &results, t] { results[t] = e.encode(text); });
        for (std::thread &t : threads)
            t.join();
        for (const auto &r : results)
            QVERIFY(r == reference);
    }
}

void TestEncoding::specialTokens()
{
    const Encoding &cl = enc(QStringLiteral("cl100k_base"));
    const QByteArray text = "a<|endoftext|>b<|fim_prefix|>";
    const std::vector<quint32> ordinary = cl.encode(text);
    QVERIFY(std::find(ordinary.begin(), ordinary.end(), 100257u) == ordinary.end());
    const std::vector<quint32> special = cl.encodeWithSpecialTokens(text);
    QVERIFY(std::find(special.begin(), special.end(), 100257u) != special.end());
    QVERIFY(std::find(special.begin(), special.end(), 100258u) != special.end());
    QCOMPARE(cl.decode(special), text);
    QCOMPARE(cl.specialToken("<|endofprompt|>"), std::optional<quint32>(100276));
    const Encoding &o = enc(QStringLiteral("o200k_base"));
    QCOMPARE(o.encodeWithSpecialTokens("<|endoftext|>"), std::vector<quint32>{199999});
    QVERIFY(!o.isValidToken(250000));
    QCOMPARE(o.decode({250000}), QByteArray());
}

void TestEncoding::qstringOverloads()
{
    const Encoding &o = enc(QStringLiteral("o200k_base"));
    const QString text = QStringLiteral("Grüße aus Köln 👋");
    QCOMPARE(o.count(QStringView(text)), o.count(QByteArrayView(text.toUtf8())));
    QCOMPARE(o.encode(QStringView(text)), o.encode(QByteArrayView(text.toUtf8())));
    QCOMPARE(o.count(QByteArrayView()), qsizetype(0));
}

QTEST_GUILESS_MAIN(TestEncoding)
#include "tst_encoding.moc"
