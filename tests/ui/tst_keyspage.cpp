#include "secrets/keystore.h"
#include "settings/keyspage.h"
#include "uitestenv.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

// The keys page against the real OS keychain (the test command provides an unlocked
// gnome-keyring): a key in OPENAI_API_KEY is offered for import and lands in the list, and the
// secret appears nowhere on the page.
class TestKeysPage final : public QObject
{
    Q_OBJECT

private slots:
    void importsEnvironmentKey();
};

void TestKeysPage::importsEnvironmentKey()
{
    const QByteArray canary =
        "sk-test-canary-" + QByteArray::number(QCoreApplication::applicationPid());
    qputenv("OPENAI_API_KEY", canary);
    UiTestEnv env(SimTiming{0, 0.0}, 0, true);
    QVERIFY(env.start());
    KeysPage page;
    page.setServices(env.services());
    page.show();
    QPushButton *import = nullptr;
    for (QPushButton *b : page.findChildren<QPushButton *>())
        if (b->text().contains(QLatin1String("OPENAI_API_KEY")))
            import = b;
    QVERIFY(import);
    QVERIFY(import->isVisible());
    import->click();
    QTRY_VERIFY_WITH_TIMEOUT(!page.statusLabel()->text().contains(QStringLiteral("…")), 15000);
    if (page.keyList()->topLevelItemCount() == 0)
        QSKIP(
            qPrintable(QStringLiteral("keychain not usable here: ") + page.statusLabel()->text()));
    QCOMPARE(page.keyList()->topLevelItem(0)->text(0), QStringLiteral("imported"));
    QVERIFY(!import->isVisible());
    for (QLabel *label : page.findChildren<QLabel *>())
        QVERIFY(!label->text().contains(QString::fromLatin1(canary)));
    // Clean up the keychain entry.
    SecretOperation *op = env.services()->keyStore()->remove(QStringLiteral("imported"));
    QVERIFY(op);
    qunsetenv("OPENAI_API_KEY");
}

QTEST_MAIN(TestKeysPage)
#include "tst_keyspage.moc"
