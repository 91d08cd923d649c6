// Runs against the real OS keychain (gnome-keyring in the D-Bus session that
// scripts/with-test-services.sh starts).
#include "secrets/keyaccesslog.h"
#include "secrets/keychaincredentialprovider.h"
#include "secrets/keystore.h"
#include "secrets/secretoperation.h"
#include "secrets/secretvault.h"
#include "tempdatadir.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>

class TestKeychainStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writeReadReplaceDelete_data();
    void writeReadReplaceDelete();
    void severalNamesAreIndependent();
    void addUseRemoveThroughKeyStore();
    void metadataFileNeverHoldsTheKey();
    void rotationKeepsOldKeyUntilRetired();
    void providerCachesAndLogsEveryRead();
    void providerPrefersKeychainOverEnvironment();
    void providerFallsBackToEnvironmentWithoutActiveKey();

private:
    static KeychainStatus run(SecretOperation *operation, QByteArray *secret = nullptr);
    bool fileTreeContains(const QByteArray &needle) const;

    std::unique_ptr<TempDataDir> m_dirs;
    std::unique_ptr<SecretVault> m_vault;
    QString m_service;
};

KeychainStatus TestKeychainStore::run(SecretOperation *operation, QByteArray *secret)
{
    std::unique_ptr<SecretOperation> owned(operation);
    const KeychainStatus status = operation->wait();
    if (secret)
        *secret = operation->secret();
    return status;
}

bool TestKeychainStore::fileTreeContains(const QByteArray &needle) const
{
    QDirIterator it(m_dirs->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

void TestKeychainStore::init()
{
    m_dirs = std::make_unique<TempDataDir>();
    // A service per test keeps runs from seeing each other's entries.
    m_service = QStringLiteral("voiceai-supervisor-test-") +
                QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_vault = std::make_unique<SecretVault>(m_service);
    qunsetenv("OPENAI_API_KEY");
}

void TestKeychainStore::cleanup()
{
    for (const char *name : {"production", "testing", "azure", "old", "new", "alpha"})
        run(m_vault->remove(QString::fromLatin1(name)));
    m_vault.reset();
    m_dirs.reset();
    qunsetenv("OPENAI_API_KEY");
}

void TestKeychainStore::writeReadReplaceDelete_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::newRow("openai") << QByteArray("sk-proj-first-0123456789abcdef")
                            << QByteArray("sk-proj-second-fedcba9876543210");
    QTest::newRow("azure hex") << QByteArray("0123456789abcdef0123456789abcdef")
                               << QByteArray("fedcba9876543210fedcba9876543210");
    QTest::newRow("long") << QByteArray(300, 'k') << QByteArray(500, 'z');
}

void TestKeychainStore::writeReadReplaceDelete()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    const QString name = QStringLiteral("production");

    const KeychainStatus written = run(m_vault->write(name, first));
    QVERIFY2(written.ok(), qPrintable(written.detail));
    QByteArray read;
    QVERIFY(run(m_vault->read(name), &read).ok());
    QCOMPARE(read, first);

    QVERIFY(run(m_vault->write(name, second)).ok());
    QVERIFY(run(m_vault->read(name), &read).ok());
    QCOMPARE(read, second);

    QVERIFY(run(m_vault->remove(name)).ok());
    const KeychainStatus gone = run(m_vault->read(name), &read);
    QCOMPARE(gone.code, KeychainStatus::Code::NotFound);
    QVERIFY(read.isEmpty());
}

void TestKeychainStore::severalNamesAreIndependent()
{
    QVERIFY(run(m_vault->write(QStringLiteral("production"), "sk-prod-1111")).ok());
    QVERIFY(run(m_vault->write(QStringLiteral("testing"), "sk-test-2222")).ok());
    QVERIFY(run(m_vault->write(QStringLiteral("azure"), "azure-3333")).ok());
    QVERIFY(run(m_vault->remove(QStringLiteral("testing"))).ok());

    QByteArray read;
    QVERIFY(run(m_vault->read(QStringLiteral("production")), &read).ok());
    QCOMPARE(read, QByteArray("sk-prod-1111"));
    QVERIFY(run(m_vault->read(QStringLiteral("azure")), &read).ok());
    QCOMPARE(read, QByteArray("azure-3333"));
    QCOMPARE(run(m_vault->read(QStringLiteral("testing"))).code, KeychainStatus::Code::NotFound);
}

void TestKeychainStore::addUseRemoveThroughKeyStore()
{
    KeyStore store(m_dirs->configDir(), m_vault.get());
    QSignalSpy changed(&store, &KeyStore::keysChanged);

    KeyMetadata production;
    production.name = QStringLiteral("production");
    production.organization = QStringLiteral("org-123");
    QVERIFY(run(store.add(production, "sk-prod-aaaa")).ok());
    QCOMPARE(store.activeName(), QStringLiteral("production")); // the first key becomes active

    KeyMetadata azure;
    azure.name = QStringLiteral("azure");
    azure.baseUrl = QUrl(QStringLiteral("https://example.openai.azure.com"));
    azure.azure = true;
    azure.azureApiVersion = QStringLiteral("2024-10-21");
    QVERIFY(run(store.add(azure, "azure-bbbb")).ok());
    QCOMPARE(store.activeName(), QStringLiteral("production"));
    QVERIFY(changed.count() >= 2);

    QString error;
    QVERIFY(store.setActive(QStringLiteral("azure"), &error));
    QVERIFY(!store.setActive(QStringLiteral("missing"), &error));
    QVERIFY(error.contains(QLatin1String("missing")));

    // A second store over the same folder sees the same keys and active key.
    KeyStore reopened(m_dirs->configDir(), m_vault.get());
    QCOMPARE(reopened.keys().size(), 2);
    QCOMPARE(reopened.activeName(), QStringLiteral("azure"));
    QVERIFY(reopened.activeKey()->azure);
    QCOMPARE(reopened.activeKey()->azureApiVersion, QStringLiteral("2024-10-21"));
    QVERIFY(reopened.activeKey()->createdAt.isValid());

    QVERIFY(run(store.remove(QStringLiteral("azure"))).ok());
    QVERIFY(store.activeName().isEmpty());
    QCOMPARE(store.keys().size(), 1);
    QCOMPARE(run(m_vault->read(QStringLiteral("azure"))).code, KeychainStatus::Code::NotFound);
    QCOMPARE(run(store.remove(QStringLiteral("azure"))).code, KeychainStatus::Code::NotFound);
}

void TestKeychainStore::metadataFileNeverHoldsTheKey()
{
    const QByteArray secret = "sk-canary-metadata-5d41402abc4b2a76";
    KeyStore store(m_dirs->configDir(), m_vault.get());
    KeyMetadata meta;
    meta.name = QStringLiteral("alpha");
    meta.baseUrl = QUrl(QStringLiteral("https://api.example.com/v1"));
    meta.project = QStringLiteral("proj_1");
    QVERIFY(run(store.add(meta, secret)).ok());

    QFile file(store.metadataPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("\"alpha\""));
    QVERIFY(text.contains("proj_1"));
    QVERIFY(!text.contains(secret));
    QCOMPARE(QFileInfo(store.metadataPath()).permissions() &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                  QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(!fileTreeContains(secret));
}

void TestKeychainStore::rotationKeepsOldKeyUntilRetired()
{
    KeyStore store(m_dirs->configDir(), m_vault.get());
    KeyMetadata old;
    old.name = QStringLiteral("old");
    old.createdAt = QDateTime::currentDateTimeUtc().addDays(-120);
    QVERIFY(run(store.add(old, "sk-old-1")).ok());
    KeyMetadata fresh;
    fresh.name = QStringLiteral("new");
    QVERIFY(run(store.add(fresh, "sk-new-2")).ok());

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(store.keysOlderThan(90, now), QStringList{QStringLiteral("old")});
    QString error;
    QVERIFY(store.setActive(QStringLiteral("new"), &error));
    QVERIFY(store.setRetireAt(QStringLiteral("old"), now.addDays(7), &error));
    QVERIFY(store.retiredKeys(now).isEmpty());
    QCOMPARE(store.retiredKeys(now.addDays(8)), QStringList{QStringLiteral("old")});

    // The active key is never pruned, even past its retire time.
    QVERIFY(store.setRetireAt(QStringLiteral("new"), now.addDays(1), &error));
    QCOMPARE(store.retiredKeys(now.addDays(8)), QStringList{QStringLiteral("old")});

    QByteArray read;
    QVERIFY(run(store.readSecret(QStringLiteral("old")), &read).ok());
    QCOMPARE(read, QByteArray("sk-old-1"));

    // Once its time has passed, pruning deletes the old key and only that one.
    QVERIFY(store.setRetireAt(QStringLiteral("old"), now.addSecs(-1), &error));
    QSignalSpy pruned(&store, &KeyStore::keyPruned);
    QVERIFY(run(store.pruneRetired(QDateTime::currentDateTimeUtc())).ok());
    QCOMPARE(pruned.count(), 1);
    QCOMPARE(pruned.first().first().toString(), QStringLiteral("old"));
    QCOMPARE(run(m_vault->read(QStringLiteral("old"))).code, KeychainStatus::Code::NotFound);
    QVERIFY(run(m_vault->read(QStringLiteral("new")), &read).ok());
    QCOMPARE(store.keys().size(), 1);
    QCOMPARE(store.activeName(), QStringLiteral("new"));
}

void TestKeychainStore::providerCachesAndLogsEveryRead()
{
    const QByteArray secret = "sk-provider-cache-0123456789";
    KeyStore store(m_dirs->configDir(), m_vault.get());
    KeyAccessLog log(m_dirs->dataDir());
    KeyMetadata meta;
    meta.name = QStringLiteral("production");
    QVERIFY(run(store.add(meta, secret)).ok());

    KeychainCredentialProvider provider(&store, &log);
    QVERIFY(run(provider.load()).ok());
    // Once loaded the key comes from memory: removing it from the keychain behind
    // the store's back does not change what the provider hands out.
    QVERIFY(run(m_vault->remove(QStringLiteral("production"))).ok());
    for (const char *feature : {"call", "summary", "chat-cli"}) {
        const Credential credential = provider.credential(QString::fromLatin1(feature));
        QCOMPARE(credential.apiKey, secret);
        QCOMPARE(credential.source, QStringLiteral("keychain:production"));
    }

    const QList<KeyAccessEntry> entries = log.entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).feature, QStringLiteral("call"));
    QCOMPARE(entries.at(2).feature, QStringLiteral("chat-cli"));
    QCOMPARE(entries.at(1).keyName, QStringLiteral("production"));
    QCOMPARE(entries.at(1).source, QStringLiteral("keychain:production"));
    QVERIFY(!fileTreeContains(secret));
}

void TestKeychainStore::providerPrefersKeychainOverEnvironment()
{
    qputenv("OPENAI_API_KEY", "sk-from-environment-999");
    KeyStore store(m_dirs->configDir(), m_vault.get());
    KeyMetadata meta;
    meta.name = QStringLiteral("testing");
    QVERIFY(run(store.add(meta, "sk-from-keychain-111")).ok());

    KeychainCredentialProvider provider(&store, nullptr);
    // No load(): the first credential() reads the keychain synchronously.
    const Credential credential = provider.credential(QStringLiteral("call"));
    QCOMPARE(credential.apiKey, QByteArray("sk-from-keychain-111"));
    QCOMPARE(provider.source(), QStringLiteral("keychain:testing"));

    // Switching the active key to none moves to the environment at once.
    QString error;
    QVERIFY(store.setActive(QString(), &error));
    QCOMPARE(provider.credential(QStringLiteral("call")).source, QStringLiteral("environment"));
}

void TestKeychainStore::providerFallsBackToEnvironmentWithoutActiveKey()
{
    KeyStore store(m_dirs->configDir(), m_vault.get());
    KeyAccessLog log(m_dirs->dataDir());
    KeychainCredentialProvider provider(&store, &log);
    QCOMPARE(provider.credential(QStringLiteral("call")).source, QStringLiteral("none"));
    qputenv("OPENAI_API_KEY", "sk-env-only-777");
    const Credential credential = provider.credential(QStringLiteral("summary"));
    QCOMPARE(credential.source, QStringLiteral("environment"));
    QCOMPARE(credential.apiKey, QByteArray("sk-env-only-777"));
    const QList<KeyAccessEntry> entries = log.entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).source, QStringLiteral("environment"));
    QVERIFY(entries.at(1).keyName.isEmpty());
    QVERIFY(!fileTreeContains("sk-env-only-777"));
}

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychainstore.moc"
