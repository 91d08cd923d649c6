#include "simtestclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

// `voiceai-cli simulate` as a separate process: starts, answers, exits cleanly on signals.
class TestSimulateCommand : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void startsAnswersAndStopsOnSignal_data();
    void startsAnswersAndStopsOnSignal();
    void seedMakesRepliesRepeatable();
    void benchChunks();
    void badUsage_data();
    void badUsage();

private:
    // Starts the simulator and returns its base URL (empty on failure).
    QUrl start(const QStringList &arguments);
    QProcess m_process;
};

QUrl TestSimulateCommand::start(const QStringList &arguments)
{
    m_process.start(QStringLiteral(VOICEAI_CLI_PATH),
                    QStringList{QStringLiteral("simulate")} + arguments);
    if (!m_process.waitForStarted(10000))
        return {};
    // The first stdout line announces the address.
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(20000))
            return {};
    }
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    static const QRegularExpression pattern(
        QStringLiteral("^listening on (http://127\\.0\\.0\\.1:(\\d+)/v1)$"));
    const auto match = pattern.match(line);
    if (!match.hasMatch() || match.captured(2).toInt() <= 0) {
        qWarning() << "unexpected first line:" << line;
        return {};
    }
    return QUrl(match.captured(1));
}

void TestSimulateCommand::cleanup()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void TestSimulateCommand::startsAnswersAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestSimulateCommand::startsAnswersAndStopsOnSignal()
{
    QFETCH(int, signalNumber);
    const QUrl base =
        start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--instant")});
    QVERIFY(base.isValid());

    QNetworkAccessManager nam;
    NamResult result = namRequest(nam, QUrl(base.toString() + QStringLiteral("/models")));
    QCOMPARE(result.status, 200);
    QUrl control = base;
    control.setPath(QStringLiteral("/_sim/replies"));
    QCOMPARE(namRequest(nam, control, R"({"text":"From the other process."})").status, 200);
    result = namRequest(nam, QUrl(base.toString() + QStringLiteral("/chat/completions")),
                        chatBody(QStringLiteral("gpt-4-1106-preview"), false));
    QCOMPARE(result.status, 200);
    QCOMPARE(QJsonDocument::fromJson(result.body)
                 .object()
                 .value("choices")
                 .toArray()
                 .first()
                 .toObject()
                 .value("message")
                 .toObject()
                 .value("content")
                 .toString(),
             QStringLiteral("From the other process."));

    ::kill(static_cast<pid_t>(m_process.processId()), signalNumber);
    QVERIFY(m_process.waitForFinished(10000));
    QCOMPARE(m_process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process.exitCode(), 0);
    QVERIFY(m_process.readAllStandardError().contains("simulator stopped"));
}

void TestSimulateCommand::seedMakesRepliesRepeatable()
{
    QStringList replies;
    for (int run = 0; run < 2; ++run) {
        const QUrl base =
            start({QStringLiteral("--instant"), QStringLiteral("--seed"), QStringLiteral("77")});
        QVERIFY(base.isValid());
        QNetworkAccessManager nam;
        const NamResult result =
            namRequest(nam, QUrl(base.toString() + QStringLiteral("/chat/completions")),
                       chatBody(QStringLiteral("gpt-4o"), false, false,
                                QStringLiteral("What can you offer me?")));
        const QJsonObject object = QJsonDocument::fromJson(result.body).object();
        replies.append(object.value("id").toString() + QLatin1Char('|') +
                       object.value("choices")
                           .toArray()
                           .first()
                           .toObject()
                           .value("message")
                           .toObject()
                           .value("content")
                           .toString());
        m_process.terminate();
        QVERIFY(m_process.waitForFinished(10000));
    }
    QCOMPARE(replies.at(0), replies.at(1));
}

void TestSimulateCommand::benchChunks()
{
    const QUrl base = start({QStringLiteral("--bench-chunks"), QStringLiteral("2000")});
    QVERIFY(base.isValid());
    QNetworkAccessManager nam;
    const NamResult result =
        namRequest(nam, QUrl(base.toString() + QStringLiteral("/chat/completions")),
                   chatBody(QStringLiteral("gpt-4o"), true));
    QCOMPARE(result.status, 200);
    const QList<QByteArray> data = sseData(result.body);
    QCOMPARE(data.last(), QByteArray("[DONE]"));
    int content = 0;
    for (const QByteArray &event : data) {
        const QJsonObject chunk = QJsonDocument::fromJson(event).object();
        const QJsonArray choices = chunk.value("choices").toArray();
        if (!choices.isEmpty() &&
            choices.first().toObject().value("delta").toObject().contains("content") &&
            !choices.first().toObject().value("delta").toObject().contains("role")) {
            ++content;
            QCOMPARE(event.size() + 8, 171); // "data: " + json + "\n\n"
        }
    }
    QCOMPARE(content, 2000);
    m_process.terminate();
    QVERIFY(m_process.waitForFinished(10000));
    QCOMPARE(m_process.exitCode(), 0);
}

void TestSimulateCommand::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("port out of range") << QStringList{"--port", "70000"} << "--port";
    QTest::newRow("port not a number") << QStringList{"--port", "eighty"} << "--port";
    QTest::newRow("bad host") << QStringList{"--host", "not-an-address"} << "--host";
    QTest::newRow("bad bench") << QStringList{"--bench-chunks", "0"} << "--bench-chunks";
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "frobnicate";
    QTest::newRow("stray argument") << QStringList{"extra"} << "extra";
}

void TestSimulateCommand::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    m_process.start(QStringLiteral(VOICEAI_CLI_PATH),
                    QStringList{QStringLiteral("simulate")} + arguments);
    QVERIFY(m_process.waitForFinished(10000));
    QCOMPARE(m_process.exitCode(), 2);
    QVERIFY(QString::fromUtf8(m_process.readAllStandardError()).contains(message));
    QVERIFY(m_process.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestSimulateCommand)
#include "tst_simulatecommand.moc"
