#include "tempdatadir.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

// `voiceai-cli tokens ...` end to end: the real executable, files and standard input.
class TestTokensCommand final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void count_data();
    void count();
    void badUsage_data();
    void badUsage();
    void invalidUtf8File();
    void models();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result run(const QStringList &arguments, const QByteArray &input = {});
    QString writeFile(const QString &name, const QByteArray &content);

    std::unique_ptr<TempDataDir> m_dir;
};

void TestTokensCommand::init()
{
    m_dir = std::make_unique<TempDataDir>();
    QVERIFY(m_dir->isValid());
}

void TestTokensCommand::cleanup()
{
    m_dir.reset();
}

TestTokensCommand::Result TestTokensCommand::run(const QStringList &arguments,
                                                 const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(m_dir->processEnvironment());
    process.start(QStringLiteral(VOICEAI_CLI_PATH),
                  QStringList{QStringLiteral("tokens")} + arguments);
    Result result;
    if (!process.waitForStarted())
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString TestTokensCommand::writeFile(const QString &name, const QByteArray &content)
{
    QFile file(m_dir->path() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return file.fileName();
}

void TestTokensCommand::count_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("fromStdin");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("cl100k file") << QStringList{"count", "--encoding", "cl100k_base"} << false
                                 << QByteArray("2\n");
    QTest::newRow("cl100k ids") << QStringList{"count", "--encoding", "cl100k_base", "--ids"}
                                << false << QByteArray("2\n15339 1917\n");
    QTest::newRow("gpt-4 model ids") << QStringList{"count", "--model", "gpt-4", "--ids"} << false
                                     << QByteArray("2\n15339 1917\n");
    QTest::newRow("gpt-4o stdin ids") << QStringList{"count", "--model", "gpt-4o", "--ids", "-"}
                                      << true << QByteArray("2\n24912 2375\n");
    QTest::newRow("default model stdin")
        << QStringList{"count", "--ids"} << true << QByteArray("2\n24912 2375\n");
}

void TestTokensCommand::count()
{
    QFETCH(QStringList, options);
    QFETCH(bool, fromStdin);
    QFETCH(QByteArray, expected);
    QByteArray input;
    if (fromStdin) {
        input = "hello world";
    } else {
        const QString path = writeFile(QStringLiteral("text.txt"), "hello world");
        QVERIFY(!path.isEmpty());
        options << path;
    }
    const Result r = run(options, input);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, expected);
}

void TestTokensCommand::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown encoding")
        << QStringList{"count", "--encoding", "p50k_base", "-"} << "unknown encoding \"p50k_base\"";
    QTest::newRow("both options") << QStringList{"count",      "--model",    "gpt-4",
                                                 "--encoding", "o200k_base", "-"}
                                  << "either --model or --encoding";
    QTest::newRow("missing file") << QStringList{"count", "/nonexistent/input.txt"}
                                  << "cannot read /nonexistent/input.txt";
    QTest::newRow("two files") << QStringList{"count", "a", "b"} << "at most one file";
    QTest::newRow("no sub-command") << QStringList{} << "missing sub-command";
    QTest::newRow("unknown sub-command") << QStringList{"size"} << "unknown sub-command";
}

void TestTokensCommand::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestTokensCommand::invalidUtf8File()
{
    const QString path = writeFile(QStringLiteral("bad.bin"), QByteArray("ok \xff\xfe end\n"));
    const Result r = run({QStringLiteral("count"), QStringLiteral("--encoding"),
                          QStringLiteral("o200k_base"), QStringLiteral("--ids"), path});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.split('\n');
    QVERIFY(lines.size() >= 2);
    QCOMPARE(lines.at(1).split(' ').size(), lines.at(0).toInt());
    QVERIFY(lines.at(0).toInt() >= 5);
}

void TestTokensCommand::models()
{
    const Result r = run({QStringLiteral("models")});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.contains(
        QRegularExpression(QStringLiteral("gpt-4-1106-preview\\s+cl100k_base\\s+128000"))));
    QVERIFY(
        out.contains(QRegularExpression(QStringLiteral("gpt-3.5-turbo\\s+cl100k_base\\s+16385"))));
    QVERIFY(out.contains(QRegularExpression(QStringLiteral("gpt-4o\\s+o200k_base\\s+128000"))));
}

QTEST_GUILESS_MAIN(TestTokensCommand)
#include "tst_tokenscommand.moc"
