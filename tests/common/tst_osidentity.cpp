// OsIdentity names the account of the effective user id, whatever the environment claims.
#include "common/osidentity.h"

#include <QTest>

#include <pwd.h>
#include <unistd.h>

class tst_OsIdentity : public QObject
{
    Q_OBJECT

private slots:
    void matchesThePasswordDatabase();
    void ignoresTheEnvironment_data();
    void ignoresTheEnvironment();
    void actorIsPrefixed();
};

void tst_OsIdentity::matchesThePasswordDatabase()
{
    const passwd *entry = getpwuid(geteuid());
    QVERIFY(entry);
    QCOMPARE(OsIdentity::userName(), QString::fromLocal8Bit(entry->pw_name));
}

void tst_OsIdentity::ignoresTheEnvironment_data()
{
    QTest::addColumn<QByteArray>("variable");
    QTest::newRow("USER") << QByteArray("USER");
    QTest::newRow("LOGNAME") << QByteArray("LOGNAME");
    QTest::newRow("USERNAME") << QByteArray("USERNAME");
}

void tst_OsIdentity::ignoresTheEnvironment()
{
    QFETCH(QByteArray, variable);
    const QString before = OsIdentity::userName();
    const QByteArray saved = qgetenv(variable.constData());
    qputenv(variable.constData(), "mallory");
    const QString after = OsIdentity::userName();
    if (saved.isNull())
        qunsetenv(variable.constData());
    else
        qputenv(variable.constData(), saved);
    QCOMPARE(after, before);
    QVERIFY(after != QLatin1String("mallory"));
}

void tst_OsIdentity::actorIsPrefixed()
{
    QCOMPARE(OsIdentity::actor(), QStringLiteral("user:") + OsIdentity::userName());
}

QTEST_GUILESS_MAIN(tst_OsIdentity)
#include "tst_osidentity.moc"
