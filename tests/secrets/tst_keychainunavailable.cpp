// The failure path: no D-Bus session, no Secret Service, a locked keyring. Each
// case runs this executable again as a child process ("probe mode") with a broken
// environment, because a process connects to the session bus only once.
#include "secrets/keyaccesslog.h"
#include "secrets/keychaincredentialprovider.h"
#include "secrets/keystore.h"
#include "secrets/secretoperation.h"
#include "secrets/secretvault.h"
#include "tempdatadir.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

namespace {

constexpr char ProbeVariable[] = "VOICEAI_KEYCHAIN_PROBE";
const QByteArray Canary = "sk-canary-unavailable-7f3a9c1e5b2d4a6f";

// Child: tries to store a key and reports what happened as one JSON line.
int runProbe()
{
    const QString configDir = qEnvironmentVariable("VOICEAI_CONFIG_DIR");
    const QString dataDir = qEnvironmentVariable("VOICEAI_DATA_DIR");
    SecretVault vault(QStringLiteral("voiceai-supervisor-probe"));
    KeyStore store(configDir, &vault);
    KeyMetadata meta;
    meta.name = QStringLiteral("production");
    std::unique_ptr<SecretOperation> add(store.add(meta, Canary));
    const KeychainStatus status = add->wait();

    // A key that is listed but cannot be read: the provider falls back to the environment.
    KeyAccessLog log(dataDir);
    KeychainCredentialProvider provider(&store, &log);
    const Credential credential = provider.credential(QStringLiteral("call"));

    const QJsonObject report{{QStringLiteral("code"), status.codeName()},
                             {QStringLiteral("message"), status.message},
                             {QStringLiteral("detail"), status.detail},
                             {QStringLiteral("keys"), int(store.keys().size())},
                             {QStringLiteral("source"), credential.source}};
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private slots:
    void typedErrorAndNoPlainText_data();
    void typedErrorAndNoPlainText();
    void statusClassification_data();
    void statusClassification();
};

void TestKeychainUnavailable::typedErrorAndNoPlainText_data()
{
    QTest::addColumn<QStringList>("wrapper"); // command prefix, e.g. dbus-run-session --
    QTest::addColumn<QString>("busAddress");  // "" = unset
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("advice");

    QTest::newRow("bus socket missing")
        << QStringList() << QStringLiteral("unix:path=/nonexistent/voiceai/bus")
        << QStringLiteral("no-session-bus") << QStringLiteral("dbus-run-session");
    QTest::newRow("no bus at all") << QStringList() << QString() << QStringLiteral("no-session-bus")
                                   << QStringLiteral("OPENAI_API_KEY");
    if (!QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty()) {
        // A fresh session bus where the secrets provider cannot start (its service
        // files are hidden) and one where gnome-keyring runs but was never unlocked.
        QTest::newRow("no secret service")
            << QStringList{QStringLiteral("dbus-run-session"),
                           QStringLiteral("--config-file=") +
                               QFINDTESTDATA("nosecrets-session.conf"),
                           QStringLiteral("--")}
            << QStringLiteral("inherit") << QStringLiteral("no-secret-service")
            << QStringLiteral("gnome-keyring");
        QTest::newRow("locked keyring")
            << QStringList{QStringLiteral("dbus-run-session"), QStringLiteral("--"),
                           QStringLiteral("sh"), QStringLiteral("-c"),
                           QStringLiteral("gnome-keyring-daemon --start --components=secrets "
                                          ">/dev/null 2>&1; exec \"$0\"")}
            << QStringLiteral("inherit") << QStringLiteral("locked") << QStringLiteral("nlock");
    }
}

void TestKeychainUnavailable::typedErrorAndNoPlainText()
{
    QFETCH(QStringList, wrapper);
    QFETCH(QString, busAddress);
    QFETCH(QString, code);
    QFETCH(QString, advice);

    TempDataDir dirs;
    QProcessEnvironment env = dirs.processEnvironment();
    env.insert(QString::fromLatin1(ProbeVariable), QStringLiteral("1"));
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-env-fallback-1234"));
    env.insert(QStringLiteral("HOME"), dirs.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), dirs.path() + QStringLiteral("/xdg-data"));
    // A keyring daemon of its own: not the one of the test session.
    const QString runtimeDir = dirs.path() + QStringLiteral("/run");
    QVERIFY(QDir().mkpath(runtimeDir));
    QFile::setPermissions(runtimeDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    if (busAddress.isEmpty())
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    else if (busAddress != QLatin1String("inherit"))
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);

    QProcess child;
    child.setProcessEnvironment(env);
    QStringList command = wrapper;
    command.append(QCoreApplication::applicationFilePath());
    child.start(command.takeFirst(), command);
    QVERIFY(child.waitForFinished(60000));
    const QByteArray out = child.readAllStandardOutput();
    const QByteArray err = child.readAllStandardError();
    QCOMPARE(child.exitCode(), 0);

    const QByteArray line = out.trimmed().split('\n').last();
    const QJsonObject report = QJsonDocument::fromJson(line).object();
    QVERIFY2(!report.isEmpty(), out.constData());
    QCOMPARE(report.value(QStringLiteral("code")).toString(), code);
    const QString message = report.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(advice), qPrintable(message));
    // Nothing was stored: no metadata, and the key is in no file and no output.
    QCOMPARE(report.value(QStringLiteral("keys")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("source")).toString(), QStringLiteral("environment"));
    QVERIFY(!out.contains(Canary));
    QVERIFY(!err.contains(Canary));
    QDirIterator it(dirs.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(Canary), qPrintable(file.fileName()));
    }
}

void TestKeychainUnavailable::statusClassification_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    // The texts QtKeychain 0.13 reports on Linux, all as OtherError (7).
    QTest::newRow("autolaunch") << 7 << "Cannot autolaunch D-Bus without X11 $DISPLAY"
                                << "no-session-bus";
    QTest::newRow("socket") << 7 << "Could not connect: No such file or directory"
                            << "no-session-bus";
    QTest::newRow("no provider")
        << 7 << "The name org.freedesktop.secrets was not provided by any .service files"
        << "no-secret-service";
    QTest::newRow("locked")
        << 7 << "Object does not exist at path “/org/freedesktop/secrets/collection/login”"
        << "locked";
    QTest::newRow("denied by user") << 3 << ""
                                    << "access-denied";
    QTest::newRow("no backend") << 5 << ""
                                << "no-secret-service";
    QTest::newRow("not found") << 1 << "Entry not found"
                               << "not-found";
    QTest::newRow("other") << 7 << "Something odd"
                           << "other";
}

void TestKeychainUnavailable::statusClassification()
{
    QFETCH(int, error);
    QFETCH(QString, text);
    QFETCH(QString, code);
    const KeychainStatus status = KeychainStatus::fromBackend(error, text);
    QCOMPARE(status.codeName(), code);
    QVERIFY(!status.message.isEmpty());
    QCOMPARE(status.detail, text);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(ProbeVariable))
        return runProbe();
    TestKeychainUnavailable test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainunavailable.moc"
