#include "secrets/baseurlpolicy.h"

#include <QTest>

using Verdict = BaseUrlPolicy::Verdict;
Q_DECLARE_METATYPE(BaseUrlPolicy::Verdict)

class TestBaseUrlPolicy : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
};

void TestBaseUrlPolicy::check_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("confirmed");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("openai https") << "https://api.openai.com/v1" << false << Verdict::Ok << "";
    QTest::newRow("azure https") << "https://x.openai.azure.com" << false << Verdict::Ok << "";
    QTest::newRow("https ip") << "https://10.0.0.5:8443/v1" << false << Verdict::Ok << "";
    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080/v1" << false << Verdict::Ok << "";
    QTest::newRow("http 127.1.2.3") << "http://127.1.2.3/v1" << false << Verdict::Ok << "";
    QTest::newRow("http localhost") << "http://localhost:11434/v1" << false << Verdict::Ok << "";
    QTest::newRow("http LOCALHOST") << "http://LOCALHOST/v1" << false << Verdict::Ok << "";
    QTest::newRow("http ::1") << "http://[::1]:8080/v1" << false << Verdict::Ok << "";
    QTest::newRow("http lan") << "http://192.168.1.20:8080/v1" << false
                              << Verdict::NeedsConfirmation << "unencrypted";
    QTest::newRow("http name") << "http://proxy.example.com/v1" << false
                               << Verdict::NeedsConfirmation << "--allow-insecure-http";
    QTest::newRow("http localhost lookalike")
        << "http://localhost.example.com/v1" << false << Verdict::NeedsConfirmation << "http";
    QTest::newRow("http lan confirmed")
        << "http://192.168.1.20:8080/v1" << true << Verdict::Ok << "";
    QTest::newRow("ftp") << "ftp://api.example.com" << false << Verdict::Invalid << "scheme";
    QTest::newRow("ftp confirmed")
        << "ftp://api.example.com" << true << Verdict::Invalid << "scheme";
    QTest::newRow("relative") << "api.openai.com/v1" << false << Verdict::Invalid << "absolute";
    QTest::newRow("empty") << "" << false << Verdict::Invalid << "absolute";
    QTest::newRow("credentials") << "https://user:sk-secret@api.example.com/v1" << false
                                 << Verdict::Invalid << "user name";
    QTest::newRow("query") << "https://api.example.com/v1?key=1" << false << Verdict::Invalid
                           << "query";
}

void TestBaseUrlPolicy::check()
{
    QFETCH(QString, url);
    QFETCH(bool, confirmed);
    QFETCH(Verdict, verdict);
    QFETCH(QString, messagePart);
    const BaseUrlPolicy::Result result = BaseUrlPolicy::check(QUrl(url), confirmed);
    QCOMPARE(result.verdict, verdict);
    if (verdict == Verdict::Ok)
        QVERIFY(result.message.isEmpty());
    else
        QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    // A password in the URL never reaches the message.
    QVERIFY(!result.message.contains(QLatin1String("sk-secret")));
}

QTEST_GUILESS_MAIN(TestBaseUrlPolicy)
#include "tst_baseurlpolicy.moc"
