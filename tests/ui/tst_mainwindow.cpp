#include "chat/demochatpanel.h"
#include "mainwindow.h"
#include "navigationrail.h"
#include "uitestenv.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

// The main window: the rail and its pages, keyboard navigation, remembered geometry, the status
// bar's connection state, and the demo chat streaming a reply from the in-process simulator.
class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void opensWithRail();
    void shortcutsSwitchPages_data();
    void shortcutsSwitchPages();
    void remembersGeometryAndPage();
    void statusBarShowsDemoBackend();
    void demoChatShowsStreamedReply();
    void controlsHaveAccessibleNames();
    void germanTranslationIsEmbedded();
};

void TestMainWindow::opensWithRail()
{
    UiTestEnv env;
    MainWindow window(env.settings());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.rail()->count(), 5);
    const QStringList labels = {QStringLiteral("Live calls"), QStringLiteral("History"),
                                QStringLiteral("Prompts"), QStringLiteral("Costs"),
                                QStringLiteral("Settings")};
    for (int i = 0; i < labels.size(); ++i) {
        QCOMPARE(window.rail()->button(i)->text(), labels.at(i));
        QVERIFY(!window.rail()->button(i)->icon().isNull());
    }
    QCOMPARE(window.currentPage(), int(MainWindow::LiveCalls));
    QTest::mouseClick(window.rail()->button(MainWindow::History), Qt::LeftButton);
    QCOMPARE(window.currentPage(), int(MainWindow::History));
    QTest::mouseClick(window.rail()->button(MainWindow::Costs), Qt::LeftButton);
    QCOMPARE(window.currentPage(), int(MainWindow::Costs));
    // Placeholder pages say what will come rather than showing nothing.
    QVERIFY(!window.pages()->currentWidget()->findChildren<QLabel *>().isEmpty());
}

void TestMainWindow::shortcutsSwitchPages_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("page");
    QTest::newRow("ctrl+1") << int(Qt::Key_1) << int(MainWindow::LiveCalls);
    QTest::newRow("ctrl+2") << int(Qt::Key_2) << int(MainWindow::History);
    QTest::newRow("ctrl+3") << int(Qt::Key_3) << int(MainWindow::Prompts);
    QTest::newRow("ctrl+4") << int(Qt::Key_4) << int(MainWindow::Costs);
    QTest::newRow("ctrl+5") << int(Qt::Key_5) << int(MainWindow::Settings);
}

void TestMainWindow::shortcutsSwitchPages()
{
    QFETCH(int, key);
    QFETCH(int, page);
    UiTestEnv env;
    MainWindow window(env.settings());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    if (page == MainWindow::LiveCalls)
        window.showPage(MainWindow::Costs);
    QTest::keyClick(&window, Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(window.currentPage(), page);
    QCOMPARE(window.rail()->currentIndex(), page);
}

void TestMainWindow::remembersGeometryAndPage()
{
    UiTestEnv env;
    {
        MainWindow window(env.settings());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1333, 777);
        window.showPage(MainWindow::History);
        window.close();
    }
    QCOMPARE(env.settings()->status(), QSettings::NoError);
    UiSettings reread(env.settings()->fileName());
    QVERIFY(!reread.windowGeometry().isEmpty());
    MainWindow again(&reread);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1333, 777));
    QCOMPARE(again.currentPage(), int(MainWindow::History));
}

void TestMainWindow::statusBarShowsDemoBackend()
{
    UiTestEnv env;
    MainWindow window(env.settings());
    window.show();
    QVERIFY(env.start());
    window.setServices(env.services());
    QVERIFY(env.services()->isDemo());
    QVERIFY2(window.connectionLabel()->text().contains(QLatin1String("Demo simulator (127.0.0.1:")),
             qPrintable(window.connectionLabel()->text()));
    window.setServices(nullptr);
}

void TestMainWindow::demoChatShowsStreamedReply()
{
    // A paced simulator, so the reply arrives in several pieces.
    UiTestEnv env(SimTiming{5, 400.0});
    MainWindow window(env.settings());
    window.show();
    QVERIFY(env.start());
    window.setServices(env.services());
    DemoChatPanel *chat = window.demoChat();
    QSignalSpy finished(chat, &DemoChatPanel::replyFinished);
    QSignalSpy changes(chat->transcript(), &QPlainTextEdit::textChanged);

    QTest::keyClicks(chat->input(), QStringLiteral("What can you do for a supervisor?"));
    QTest::keyClick(chat->input(), Qt::Key_Return);
    QVERIFY(chat->isBusy());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!chat->lastReply().isEmpty());
    QVERIFY(chat->transcript()->toPlainText().contains(chat->lastReply()));
    // The user's line, the reply header and then the streamed pieces: more than one update
    // for the reply itself means it was shown while it arrived.
    QVERIFY2(changes.count() >= 4, qPrintable(QString::number(changes.count())));
    window.setServices(nullptr);
}

void TestMainWindow::controlsHaveAccessibleNames()
{
    UiTestEnv env;
    MainWindow window(env.settings());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(&window) || button->text().isEmpty())
            continue;
        // Buttons name themselves by their text; icon-only ones must have an accessible name.
        QVERIFY(!button->text().isEmpty() || !button->accessibleName().isEmpty());
    }
    for (QLineEdit *edit : window.findChildren<QLineEdit *>()) {
        if (edit->isVisibleTo(&window) && !edit->parent()->inherits("QAbstractSpinBox") &&
            !edit->parent()->inherits("QComboBox"))
            QVERIFY2(!edit->accessibleName().isEmpty(), qPrintable(edit->placeholderText()));
    }
}

void TestMainWindow::germanTranslationIsEmbedded()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/voiceai_de.qm")));
    QCoreApplication::installTranslator(&german);
    UiTestEnv env;
    {
        MainWindow window(env.settings());
        QCOMPARE(window.rail()->button(MainWindow::LiveCalls)->text(),
                 QStringLiteral("Live-Anrufe"));
        QCOMPARE(window.rail()->button(MainWindow::Settings)->text(),
                 QStringLiteral("Einstellungen"));
    }
    QCoreApplication::removeTranslator(&german);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
