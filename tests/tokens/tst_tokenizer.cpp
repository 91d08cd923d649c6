#include "tokens/encoding.h"
#include "tokens/tokenizer.h"

#include <QThreadPool>
#include <QtTest>

// The model table, encoding lookup and the checks made when rank data is loaded.
class TestTokenizer final : public QObject
{
    Q_OBJECT

private slots:
    void preloadInBackground();
    void modelInfo_data();
    void modelInfo();
    void byName();
    void knownModelsUseKnownEncodings();
    void rejectsWrongHash();
    void rejectsMalformedRankFile_data();
    void rejectsMalformedRankFile();
    void buildsFromValidRankFile();
};

void TestTokenizer::preloadInBackground()
{
    // Runs first: the background load and a foreground first use meet at the same once-flag.
    Tokenizer::preloadInBackground();
    const Encoding *o200k = Tokenizer::byName(u"o200k_base");
    QVERIFY(o200k);
    QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
    QCOMPARE(Tokenizer::byName(u"o200k_base"), o200k);
    QVERIFY(Tokenizer::byName(u"cl100k_base"));
}

void TestTokenizer::modelInfo_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<int>("contextWindow");
    QTest::addColumn<bool>("known");
    QTest::newRow("gpt-4") << "gpt-4"
                           << "cl100k_base" << 8192 << true;
    QTest::newRow("gpt-4-0613") << "gpt-4-0613"
                                << "cl100k_base" << 8192 << true;
    QTest::newRow("gpt-4-1106-preview") << "gpt-4-1106-preview"
                                        << "cl100k_base" << 128000 << true;
    QTest::newRow("gpt-4-turbo-2024-04-09") << "gpt-4-turbo-2024-04-09"
                                            << "cl100k_base" << 128000 << true;
    QTest::newRow("gpt-3.5-turbo") << "gpt-3.5-turbo"
                                   << "cl100k_base" << 16385 << true;
    QTest::newRow("gpt-3.5-turbo-0125") << "gpt-3.5-turbo-0125"
                                        << "cl100k_base" << 16385 << true;
    QTest::newRow("gpt-4o") << "gpt-4o"
                            << "o200k_base" << 128000 << true;
    QTest::newRow("gpt-4o-2024-08-06") << "gpt-4o-2024-08-06"
                                       << "o200k_base" << 128000 << true;
    QTest::newRow("gpt-4o-mini-2024-07-18") << "gpt-4o-mini-2024-07-18"
                                            << "o200k_base" << 128000 << true;
    QTest::newRow("gpt-4.1-mini") << "gpt-4.1-mini"
                                  << "o200k_base" << 1047576 << true;
    QTest::newRow("o1") << "o1-2024-12-17"
                        << "o200k_base" << 200000 << true;
    QTest::newRow("o3-mini") << "o3-mini"
                             << "o200k_base" << 200000 << true;
    QTest::newRow("o4-mini") << "o4-mini-2025-04-16"
                             << "o200k_base" << 200000 << true;
    QTest::newRow("gpt-5") << "gpt-5-2025-08-07"
                           << "o200k_base" << 400000 << true;
    QTest::newRow("upper case") << "GPT-4"
                                << "cl100k_base" << 8192 << true;
    QTest::newRow("fine-tuned") << "ft:gpt-4o-mini-2024-07-18:acme::abc123"
                                << "o200k_base" << 128000 << true;
    QTest::newRow("fine-tuned 3.5") << "ft:gpt-3.5-turbo-0125:acme::x"
                                    << "cl100k_base" << 16385 << true;
    QTest::newRow("unknown") << "my-azure-deployment"
                             << "o200k_base" << 0 << false;
    QTest::newRow("gpt-4 lookalike") << "gpt-4z"
                                     << "o200k_base" << 0 << false;
    QTest::newRow("empty") << ""
                           << "o200k_base" << 0 << false;
}

void TestTokenizer::modelInfo()
{
    QFETCH(QString, model);
    QFETCH(QString, encoding);
    QFETCH(int, contextWindow);
    QFETCH(bool, known);
    const ModelTokenInfo info = Tokenizer::modelInfo(model);
    QCOMPARE(info.model, model);
    QCOMPARE(info.encoding, encoding);
    QCOMPARE(info.contextWindow, contextWindow);
    QCOMPARE(info.known, known);
    QCOMPARE(Tokenizer::forModel(model).name(), encoding);
}

void TestTokenizer::byName()
{
    const Encoding *cl = Tokenizer::byName(u"cl100k_base");
    QVERIFY(cl);
    QCOMPARE(cl->name(), QStringLiteral("cl100k_base"));
    QCOMPARE(cl->mergeableTokenCount(), qsizetype(100256));
    const Encoding *o = Tokenizer::byName(u"o200k_base");
    QVERIFY(o);
    QCOMPARE(o->mergeableTokenCount(), qsizetype(199998));
    QVERIFY(Tokenizer::loadError(u"o200k_base").isEmpty());
    QCOMPARE(Tokenizer::byName(u"p50k_base"), nullptr);
    QVERIFY(Tokenizer::loadError(u"p50k_base").contains(QLatin1String("unknown")));
    QCOMPARE(Tokenizer::encodingNames(),
             QStringList({QStringLiteral("cl100k_base"), QStringLiteral("o200k_base")}));
}

void TestTokenizer::knownModelsUseKnownEncodings()
{
    const QList<ModelTokenInfo> models = Tokenizer::knownModels();
    QVERIFY(models.size() > 20);
    for (const ModelTokenInfo &m : models) {
        QVERIFY2(Tokenizer::encodingNames().contains(m.encoding), qPrintable(m.model));
        QVERIFY2(m.contextWindow > 0, qPrintable(m.model));
    }
}

void TestTokenizer::rejectsWrongHash()
{
    QString error;
    const QByteArray file = "IQ== 0\n";
    auto e = Encoding::fromTiktoken(
        QStringLiteral("test"), Encoding::Split::Cl100k, file,
        "0000000000000000000000000000000000000000000000000000000000000000", {}, &error);
    QVERIFY(!e);
    QVERIFY2(error.contains(QLatin1String("sha256")), qPrintable(error));
    QVERIFY(error.contains(QLatin1String("test")));
}

void TestTokenizer::rejectsMalformedRankFile_data()
{
    QByteArray all;
    for (int b = 0; b < 256; ++b)
        all += QByteArray(1, char(b)).toBase64() + ' ' + QByteArray::number(b) + '\n';
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("no rank") << QByteArray("IQ==\n") << "line 1";
    QTest::newRow("bad base64") << QByteArray(all + "!!!! 300\n") << "line 257";
    QTest::newRow("bad rank") << QByteArray(all + "YWI= x\n") << "rank";
    QTest::newRow("duplicate token") << QByteArray(all + "IQ== 300\n") << "twice";
    QTest::newRow("duplicate rank") << QByteArray(all + "YWI= 5\n") << "twice";
    QTest::newRow("missing bytes") << QByteArray("IQ== 0\nIg== 1\n") << "byte";
    QTest::newRow("empty") << QByteArray() << "no tokens";
}

void TestTokenizer::rejectsMalformedRankFile()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, errorPart);
    QString error;
    auto e = Encoding::fromTiktoken(QStringLiteral("test"), Encoding::Split::O200k, file, {}, {},
                                    &error);
    QVERIFY(!e);
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void TestTokenizer::buildsFromValidRankFile()
{
    // A miniature encoding: the 256 bytes plus "ab" and "abc".
    QByteArray file;
    for (int b = 0; b < 256; ++b)
        file += QByteArray(1, char(b)).toBase64() + ' ' + QByteArray::number(b) + '\n';
    file += QByteArray("ab").toBase64() + " 256\n" + QByteArray("abc").toBase64() + " 257\n";
    QString error;
    auto e = Encoding::fromTiktoken(QStringLiteral("mini"), Encoding::Split::Cl100k, file, {},
                                    {{"<|end|>", 300}}, &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->encode("abcab xab"), (std::vector<quint32>{257, 256, ' ', 'x', 256}));
    QCOMPARE(e->encodeWithSpecialTokens("ab<|end|>"), (std::vector<quint32>{256, 300}));
    QCOMPARE(e->decode({257, 300}), QByteArray("abc<|end|>"));
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
