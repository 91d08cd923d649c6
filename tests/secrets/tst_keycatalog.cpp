#include "secrets/keycatalog.h"
#include "tempdatadir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

class TestKeyCatalog : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void missingFileIsEmpty();
    void damagedFileNamesTheProblem_data();
    void damagedFileNamesTheProblem();
    void keyNames_data();
    void keyNames();
    void ageAndRetirement();
};

void TestKeyCatalog::roundTrip()
{
    TempDataDir dirs;
    const QString path = QDir(dirs.configDir()).filePath(KeyCatalog::fileName());
    KeyCatalog catalog;
    KeyMetadata meta;
    meta.name = QStringLiteral("azure-east");
    meta.baseUrl = QUrl(QStringLiteral("https://east.openai.azure.com"));
    meta.organization = QStringLiteral("org-1");
    meta.project = QStringLiteral("proj-2");
    meta.azure = true;
    meta.azureApiVersion = QStringLiteral("2024-10-21");
    meta.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    meta.retireAt = QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
    catalog.upsert(meta);
    QVERIFY(catalog.setActive(meta.name));
    QString error;
    QVERIFY2(catalog.save(path, &error), qPrintable(error));
    QCOMPARE(QFileInfo(path).permissions() & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::Permissions());

    KeyCatalog loaded;
    QVERIFY2(loaded.load(path, &error), qPrintable(error));
    QCOMPARE(loaded.activeName(), meta.name);
    const KeyMetadata back = *loaded.key(meta.name);
    QCOMPARE(back.baseUrl, meta.baseUrl);
    QCOMPARE(back.organization, meta.organization);
    QCOMPARE(back.project, meta.project);
    QVERIFY(back.azure);
    QCOMPARE(back.azureApiVersion, meta.azureApiVersion);
    QCOMPARE(back.createdAt, meta.createdAt);
    QCOMPARE(back.retireAt, meta.retireAt);

    QVERIFY(loaded.remove(meta.name));
    QVERIFY(loaded.activeName().isEmpty());
    QVERIFY(!loaded.remove(meta.name));
}

void TestKeyCatalog::missingFileIsEmpty()
{
    TempDataDir dirs;
    KeyCatalog catalog;
    QString error;
    QVERIFY(catalog.load(dirs.configDir() + QStringLiteral("/nothing.json"), &error));
    QVERIFY(catalog.keys().isEmpty());
    QVERIFY(!catalog.setActive(QStringLiteral("ghost")));
}

void TestKeyCatalog::damagedFileNamesTheProblem_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{ nope") << QStringLiteral("not a JSON object");
    QTest::newRow("bad name") << QByteArray(R"({"keys":[{"name":"a b"}]})")
                              << QStringLiteral("'name'");
    QTest::newRow("bad time") << QByteArray(R"({"keys":[{"name":"a","createdAt":"yesterday"}]})")
                              << QStringLiteral("'createdAt'");
    QTest::newRow("unknown active")
        << QByteArray(R"({"active":"b","keys":[{"name":"a"}]})") << QStringLiteral("'b'");
}

void TestKeyCatalog::damagedFileNamesTheProblem()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    TempDataDir dirs;
    const QString path = dirs.configDir() + QStringLiteral("/keys.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    KeyCatalog catalog;
    QString error;
    QVERIFY(!catalog.load(path, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(catalog.keys().isEmpty());
}

void TestKeyCatalog::keyNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("production") << true;
    QTest::newRow("dots dashes") << QStringLiteral("azure-east.2026_01") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("my key") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("leading dash") << QStringLiteral("-x") << false;
    QTest::newRow("too long") << QString(65, QLatin1Char('a')) << false;
}

void TestKeyCatalog::keyNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(KeyMetadata::isValidName(name), valid);
}

void TestKeyCatalog::ageAndRetirement()
{
    const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    KeyMetadata meta;
    meta.name = QStringLiteral("k");
    QCOMPARE(meta.ageDays(now), 0);
    meta.createdAt = now.addDays(-91);
    QCOMPARE(meta.ageDays(now), 91);
    QVERIFY(!meta.isRetired(now));
    meta.retireAt = now.addSecs(-1);
    QVERIFY(meta.isRetired(now));
    meta.retireAt = now.addSecs(60);
    QVERIFY(!meta.isRetired(now));
}

QTEST_GUILESS_MAIN(TestKeyCatalog)
#include "tst_keycatalog.moc"
