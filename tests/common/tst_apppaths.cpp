#include "common/apppaths.h"
#include "tempdatadir.h"

#include <QFileInfo>
#include <QTest>

class TestAppPaths : public QObject
{
    Q_OBJECT

private slots:
    void explicitFolderWins();
    void environmentOverridesPlatformDefault();
    void privateDirIsOwnerOnly();
};

void TestAppPaths::explicitFolderWins()
{
    qputenv("VOICEAI_DATA_DIR", "/tmp/from-env");
    QCOMPARE(AppPaths::dataDir(QStringLiteral("/tmp/explicit/")), QStringLiteral("/tmp/explicit"));
    qunsetenv("VOICEAI_DATA_DIR");
}

void TestAppPaths::environmentOverridesPlatformDefault()
{
    TempDataDir dirs;
    dirs.exportToEnvironment();
    QCOMPARE(AppPaths::dataDir(), dirs.dataDir());
    QCOMPARE(AppPaths::configFile(), dirs.configDir() + QStringLiteral("/config.json"));
    qunsetenv("VOICEAI_DATA_DIR");
    qunsetenv("VOICEAI_CONFIG_DIR");
    qunsetenv("VOICEAI_CACHE_DIR");
    QVERIFY(AppPaths::dataDir() != dirs.dataDir());
}

void TestAppPaths::privateDirIsOwnerOnly()
{
    TempDataDir dirs;
    const QString path = dirs.path() + QStringLiteral("/a/b");
    QVERIFY(AppPaths::ensurePrivateDir(path));
    const QFileInfo info(path);
    QVERIFY(info.isDir());
    QCOMPARE(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
}

QTEST_GUILESS_MAIN(TestAppPaths)
#include "tst_apppaths.moc"
