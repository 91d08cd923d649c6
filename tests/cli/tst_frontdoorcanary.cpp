// The log sanitizer is installed by main() of both executables: a data folder whose name looks
// like an API key is logged masked, with every log category switched on.
#include "tempdatadir.h"

#include <QDir>
#include <QProcess>
#include <QTest>

namespace {

const QString Canary = QStringLiteral("sk-proj-frontdoorcanary0123456789ABCDEF");

} // namespace

class TestFrontDoorCanary : public QObject
{
    Q_OBJECT

private slots:
    void logLinesAreMasked_data();
    void logLinesAreMasked();
};

void TestFrontDoorCanary::logLinesAreMasked_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");

    // Neither `calls list` nor the GUI installs the sanitizer itself: only main() does.
    QTest::newRow("voiceai-cli") << QStringLiteral(VOICEAI_CLI_PATH)
                                 << QStringList{QStringLiteral("calls"), QStringLiteral("list"),
                                                QStringLiteral("--data-dir")};
    QTest::newRow("voiceai-supervisor")
        << QStringLiteral(VOICEAI_GUI_PATH)
        << QStringList{QStringLiteral("--startup-probe"), QStringLiteral("--demo"),
                       QStringLiteral("--data-dir")};
}

void TestFrontDoorCanary::logLinesAreMasked()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);

    TempDataDir dirs;
    const QString dataDir = dirs.path() + QLatin1Char('/') + Canary;
    QVERIFY(QDir().mkpath(dataDir));
    QProcessEnvironment env = dirs.processEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("OPENAI_API_KEY"));
    // A first, quiet start creates the store that `calls list` reads.
    QProcess setup;
    setup.setProcessEnvironment(env);
    setup.start(QStringLiteral(VOICEAI_GUI_PATH),
                {QStringLiteral("--startup-probe"), QStringLiteral("--demo"),
                 QStringLiteral("--data-dir"), dataDir});
    QVERIFY(setup.waitForFinished(60000));
    QCOMPARE(setup.exitCode(), 0);

    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments << dataDir);
    QVERIFY(process.waitForFinished(60000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, output.right(2000).constData());
    // The store names its database file at start: that line carries the folder, masked.
    QVERIFY2(output.contains("voiceai.store"), output.constData());
    QVERIFY2(output.contains("sk-[masked]"), output.constData());
    QVERIFY2(!output.contains(Canary.toUtf8()), output.constData());
}

QTEST_GUILESS_MAIN(TestFrontDoorCanary)
#include "tst_frontdoorcanary.moc"
