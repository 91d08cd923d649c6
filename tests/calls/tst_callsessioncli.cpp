// `voiceai-cli call`: a whole call through the command line (in-process simulator, real client),
// its JSON output, and clear errors for bad input.

#include "tempdatadir.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestCallSessionCli : public QObject
{
    Q_OBJECT

private slots:
    void runs_data();
    void runs();
};

void TestCallSessionCli::runs_data()
{
    const QString scripted = QStringLiteral(VOICEAI_SCENARIO_DIR "/scripted-address-change.json");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("badJson");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in stdout for exit 0, else in stderr
    QTest::newRow("json") << QStringList{QStringLiteral("--scenario"), scripted,
                                         QStringLiteral("--json")}
                          << QByteArray() << 0 << "\"endReason\":\"agent-closed\"";
    QTest::newRow("text") << QStringList{QStringLiteral("--scenario"), scripted} << QByteArray()
                          << 0 << "ended: agent-closed";
    QTest::newRow("prompt version")
        << QStringList{QStringLiteral("--scenario"), scripted, QStringLiteral("--prompt-version"),
                       QStringLiteral("1")}
        << QByteArray() << 0 << "prompt voiceai-agent v1";
    QTest::newRow("bad field") << QStringList{QStringLiteral("--scenario")}
                               << QByteArray(R"({"name": "x", "context": {"purpose": "p"},
                                      "customer": {"persona": {"goal": "g", "mood": 3}}})")
                               << 2 << "scenario.customer.persona.mood: expected a string";
    QTest::newRow("no scenario") << QStringList{} << QByteArray() << 2
                                 << "--scenario FILE is required";
    QTest::newRow("bad version") << QStringList{QStringLiteral("--scenario"), scripted,
                                                QStringLiteral("--prompt-version"),
                                                QStringLiteral("zero")}
                                 << QByteArray() << 2 << "--prompt-version needs a number";
    QTest::newRow("unknown version")
        << QStringList{QStringLiteral("--scenario"), scripted, QStringLiteral("--prompt-version"),
                       QStringLiteral("7")}
        << QByteArray() << 1 << "no version 7";
}

void TestCallSessionCli::runs()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, badJson);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    TempDataDir dir;
    if (!badJson.isEmpty()) {
        const QString path = dir.path() + QStringLiteral("/bad.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(badJson);
        file.close();
        arguments.append(path);
    }
    QProcess cli;
    cli.setProcessEnvironment(dir.processEnvironment());
    cli.start(QStringLiteral(VOICEAI_CLI_PATH),
              QStringList{QStringLiteral("call"), QStringLiteral("--data-dir"), dir.dataDir()} +
                  arguments);
    QVERIFY(cli.waitForFinished(60000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() == exitCode, qPrintable(out + err));
    QVERIFY2((exitCode == 0 ? out : err).contains(expected), qPrintable(out + err));
    if (QTest::currentDataTag() == QLatin1String("json")) {
        const QJsonObject result = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(result.value(QStringLiteral("promptVersion")).toInt(), 1);
        QVERIFY(result.value(QStringLiteral("turns")).toInt() >= 2);
        QVERIFY(result.value(QStringLiteral("promptTokens")).toInt() > 0);
        QVERIFY(!result.value(QStringLiteral("events")).toArray().isEmpty());
        QVERIFY(!result.value(QStringLiteral("usage"))
                     .toObject()
                     .value(QStringLiteral("byFeatureAndModel"))
                     .toArray()
                     .isEmpty());
        // The transcript shows what the customer really said (placeholders are only for the wire).
        QVERIFY(out.contains(QLatin1String("lena.fischer@example.org")));
    }
}

QTEST_GUILESS_MAIN(TestCallSessionCli)
#include "tst_callsessioncli.moc"
