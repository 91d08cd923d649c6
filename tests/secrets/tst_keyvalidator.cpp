#include "loopbackhttpserver.h"
#include "secrets/keyaccesslog.h"
#include "secrets/keyvalidator.h"
#include "tempdatadir.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

Q_DECLARE_METATYPE(KeyValidation::Status)

class TestKeyValidator : public QObject
{
    Q_OBJECT

private slots:
    void verdictFromServer_data();
    void verdictFromServer();
    void closedPortIsNoNetwork();
    void newerValidationDropsTheOlder();
};

namespace {

const QByteArray Key = "sk-validate-0123456789abcdefghij";

ClientSettings settingsFor(const QUrl &baseUrl)
{
    ClientSettings settings;
    settings.baseUrl = baseUrl;
    return settings;
}

KeyValidation waitFor(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(20000))
        return {};
    return spy.first().first().value<KeyValidation>();
}

} // namespace

void TestKeyValidator::verdictFromServer_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<KeyValidation::Status>("expected");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("200 valid")
        << 200
        << QByteArray(R"({"object":"list","data":[{"id":"gpt-4o","object":"model"},)"
                      R"({"id":"gpt-3.5-turbo","object":"model"}]})")
        << KeyValidation::Status::Valid << "2 models";
    QTest::newRow("401 invalid")
        << 401
        << QByteArray(
               R"({"error":{"message":"Incorrect API key provided: sk-validate-0123456789abcdefghij.","type":"invalid_request_error","code":"invalid_api_key"}})")
        << KeyValidation::Status::InvalidKey << "Incorrect API key";
    QTest::newRow("403 other")
        << 403
        << QByteArray(R"({"error":{"message":"Country not supported","type":"permission_error"}})")
        << KeyValidation::Status::Error << "403";
}

void TestKeyValidator::verdictFromServer()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(KeyValidation::Status, expected);
    QFETCH(QString, messagePart);

    TempDataDir dirs;
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    // Hang instead of closing: the response is complete (Content-Length, Connection: close) and
    // the client closes; a server-side close inside the read handler is avoided.
    server.setDefaultResponse(
        LoopbackHttpServer::json(status, body).then(LoopbackHttpServer::Ending::Hang));
    KeyAccessLog log(dirs.dataDir());
    KeyValidator validator(&log);
    QSignalSpy spy(&validator, &KeyValidator::finished);
    validator.validate(settingsFor(server.baseUrl()), Key, QStringLiteral("production"));
    QVERIFY(validator.isRunning()); // asynchronous: nothing blocked
    const KeyValidation validation = waitFor(spy);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(validation.status, expected);
    QVERIFY2(validation.message.contains(messagePart), qPrintable(validation.message));
    QVERIFY(!validation.message.contains(QString::fromLatin1(Key)));
    QCOMPARE(validation.httpStatus, status);

    // One GET /models carrying the key; the read is in the access log, the key is not.
    QVERIFY(!server.requests().isEmpty());
    const LoopbackHttpServer::Request &request = server.requests().first();
    QCOMPARE(request.method, QByteArray("GET"));
    QVERIFY(request.target.endsWith("/models"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer ") + Key);
    const QList<KeyAccessEntry> entries = log.entries();
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.first().feature, QStringLiteral("key-validation"));
    QCOMPARE(entries.first().keyName, QStringLiteral("production"));
    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(Key));
}

void TestKeyValidator::closedPortIsNoNetwork()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there any more: connection refused

    KeyValidator validator;
    QSignalSpy spy(&validator, &KeyValidator::finished);
    validator.validate(settingsFor(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port))), Key);
    const KeyValidation validation = waitFor(spy);
    QCOMPARE(validation.status, KeyValidation::Status::NoNetwork);
    QCOMPARE(validation.statusName(), QStringLiteral("no network"));
    QVERIFY(!validation.message.isEmpty());
}

void TestKeyValidator::newerValidationDropsTheOlder()
{
    LoopbackHttpServer slow;
    QVERIFY(slow.listen());
    LoopbackHttpServer fast;
    QVERIFY(fast.listen());
    fast.setDefaultResponse(LoopbackHttpServer::json(200, R"({"object":"list","data":[]})")
                                .then(LoopbackHttpServer::Ending::Hang));

    KeyValidator validator;
    QSignalSpy spy(&validator, &KeyValidator::finished);
    LoopbackHttpServer::Response hanging;
    hanging.ending = LoopbackHttpServer::Ending::Hang;
    slow.setDefaultResponse(hanging);
    validator.validate(settingsFor(slow.baseUrl()), "sk-old-key-000000000000");
    validator.validate(settingsFor(fast.baseUrl()), Key);
    const KeyValidation validation = waitFor(spy);
    QCOMPARE(validation.status, KeyValidation::Status::Valid);
    QTest::qWait(50); // give a stray result of the first request a chance to show up
    QCOMPARE(spy.count(), 1);
}

QTEST_GUILESS_MAIN(TestKeyValidator)
#include "tst_keyvalidator.moc"
