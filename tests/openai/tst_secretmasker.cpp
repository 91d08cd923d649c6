#include "common/logsanitizer.h"
#include "common/secretmasker.h"

#include <QLoggingCategory>
#include <QtTest>

namespace {

QStringList g_captured;

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_captured.append(message);
}

} // namespace

// Masking of keys, tokens and credential headers in free text, and the sanitizing log handler.
class TestSecretMasker : public QObject
{
    Q_OBJECT

private slots:
    void masks_data();
    void masks();
    void knownSecrets();
    void sanitizerMasksEveryLogLine();
};

void TestSecretMasker::masks_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("secret");

    QTest::newRow("sk key") << "key sk-abcdefghijklmnop1234 here"
                            << "sk-abcdefghijklmnop1234";
    QTest::newRow("project key") << "sk-proj-AbC_dEf-123456789xyz"
                                 << "AbC_dEf-123456789xyz";
    QTest::newRow("bearer") << "Authorization: Bearer abc.def-ghi_123"
                            << "abc.def-ghi_123";
    QTest::newRow("bearer lower case") << "bearer tok3n-value-123"
                                       << "tok3n-value-123";
    QTest::newRow("authorization header") << "authorization: Basic dXNlcjpwYXNz"
                                          << "dXNlcjpwYXNz";
    QTest::newRow("api-key header") << "api-key: 0123456789abcdef0123456789abcdef"
                                    << "0123456789abcdef";
    QTest::newRow("json field") << R"({"api_key": "azure-secret-value"})"
                                << "azure-secret-value";
    QTest::newRow("query parameter") << "https://x/y?api-key=qs-secret-123&z=1"
                                     << "qs-secret-123";
    QTest::newRow("raw header dump") << "(\"api-key\", \"hdr-secret-99\")"
                                     << "hdr-secret-99";
}

void TestSecretMasker::masks()
{
    QFETCH(QString, input);
    QFETCH(QString, secret);
    const QString masked = SecretMasker::mask(input);
    QVERIFY2(!masked.contains(secret), qPrintable(masked));
    QVERIFY2(masked.contains(SecretMasker::Replacement), qPrintable(masked));
    QVERIFY(SecretMasker::containsSecret(input));
}

void TestSecretMasker::knownSecrets()
{
    SecretMasker masker({"plainlookingsecret42"});
    QCOMPARE(masker.apply("value plainlookingsecret42 end"), QStringLiteral("value [masked] end"));
    // Ordinary text is left alone.
    const QString ordinary = QStringLiteral("The customer asked about the monkey's task list.");
    QCOMPARE(SecretMasker::mask(ordinary), ordinary);
    QVERIFY(!SecretMasker::containsSecret(QStringLiteral("skip-this sk-short")));
}

void TestSecretMasker::sanitizerMasksEveryLogLine()
{
    QtMessageHandler original = qInstallMessageHandler(capture);
    LogSanitizer::install();
    LogSanitizer::addKnownSecret("azure-0123456789abcdef");
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    qDebug() << "Authorization:"
             << "Bearer sk-livekey-0123456789abcdef";
    qWarning("api-key: %s", "azure-0123456789abcdef");
    qInfo() << "nothing secret here";
    LogSanitizer::uninstall();
    qInstallMessageHandler(original);
    QLoggingCategory::setFilterRules(QString());
    QCOMPARE(g_captured.size(), 3);
    for (const QString &line : g_captured) {
        QVERIFY2(!line.contains("0123456789abcdef"), qPrintable(line));
    }
    QCOMPARE(g_captured.at(2), QStringLiteral("nothing secret here"));
}

QTEST_GUILESS_MAIN(TestSecretMasker)
#include "tst_secretmasker.moc"
