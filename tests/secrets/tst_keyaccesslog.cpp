#include "secrets/keyaccesslog.h"
#include "tempdatadir.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

class TestKeyAccessLog : public QObject
{
    Q_OBJECT

private slots:
    void appendsAndReadsBack();
    void fileIsOwnerOnlyJsonLines();
    void rotationBoundsTheSize();
    void tornLineIsSkipped();
    void limitKeepsNewest();
};

namespace {

KeyAccessEntry entry(int i, const QString &feature = QStringLiteral("call"))
{
    return {QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC).addSecs(i), feature,
            QStringLiteral("production"), QStringLiteral("keychain:production")};
}

} // namespace

void TestKeyAccessLog::appendsAndReadsBack()
{
    TempDataDir dirs;
    KeyAccessLog log(dirs.dataDir());
    QSignalSpy appended(&log, &KeyAccessLog::appended);
    QVERIFY(log.append(entry(0, QStringLiteral("call"))));
    QVERIFY(log.append(entry(1, QStringLiteral("summary"))));
    QCOMPARE(appended.count(), 2);
    const QList<KeyAccessEntry> entries = log.entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).feature, QStringLiteral("call"));
    QCOMPARE(entries.at(1).feature, QStringLiteral("summary"));
    QCOMPARE(entries.at(1).keyName, QStringLiteral("production"));
    QCOMPARE(entries.at(1).source, QStringLiteral("keychain:production"));
    QCOMPARE(entries.at(1).time, entry(1).time);
}

void TestKeyAccessLog::fileIsOwnerOnlyJsonLines()
{
    TempDataDir dirs;
    KeyAccessLog log(dirs.dataDir() + QStringLiteral("/fresh"));
    QVERIFY(log.append(entry(0)));
    const QFileInfo info(log.filePath());
    QVERIFY(info.exists());
    QCOMPARE(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                   QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QCOMPARE(text.count('\n'), 1);
    QVERIFY(text.startsWith('{'));
}

void TestKeyAccessLog::rotationBoundsTheSize()
{
    TempDataDir dirs;
    const qint64 maxBytes = 4096;
    KeyAccessLog log(dirs.dataDir(), maxBytes);
    for (int i = 0; i < 200; ++i)
        QVERIFY(log.append(entry(i)));
    QVERIFY(QFileInfo(log.filePath()).size() <= maxBytes);
    QVERIFY(QFileInfo::exists(log.rotatedFilePath()));
    QVERIFY(QFileInfo(log.rotatedFilePath()).size() <= maxBytes);
    const QList<KeyAccessEntry> entries = log.entries();
    QVERIFY(entries.size() < 200);
    QVERIFY(!entries.isEmpty());
    // The newest entry survives rotation and order is kept across the two files.
    QCOMPARE(entries.last().time, entry(199).time);
    for (qsizetype i = 1; i < entries.size(); ++i)
        QVERIFY(entries.at(i - 1).time < entries.at(i).time);
}

void TestKeyAccessLog::tornLineIsSkipped()
{
    TempDataDir dirs;
    KeyAccessLog log(dirs.dataDir());
    QVERIFY(log.append(entry(0)));
    {
        QFile file(log.filePath());
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"time\":\"2026-11-");
    }
    QCOMPARE(log.entries().size(), 1);
}

void TestKeyAccessLog::limitKeepsNewest()
{
    TempDataDir dirs;
    KeyAccessLog log(dirs.dataDir());
    for (int i = 0; i < 10; ++i)
        QVERIFY(log.append(entry(i)));
    const QList<KeyAccessEntry> last3 = log.entries(3);
    QCOMPARE(last3.size(), 3);
    QCOMPARE(last3.first().time, entry(7).time);
}

QTEST_GUILESS_MAIN(TestKeyAccessLog)
#include "tst_keyaccesslog.moc"
