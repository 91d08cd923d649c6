#include "mainwindow.h"

#include "appservices.h"
#include "calls/callmanager.h"
#include "calls/callsession.h"
#include "chat/demochatpanel.h"
#include "history/historypage.h"
#include "live/riskalerter.h"
#include "live/wallboardpage.h"
#include "monitor/callmonitorpage.h"
#include "navigationrail.h"
#include "pages/placeholderpage.h"
#include "secrets/keystore.h"
#include "settings/settingsdialog.h"
#include "settings/settingswidget.h"
#include "store/sqlitestore.h"
#include "theme/icons.h"
#include "theme/thememanager.h"
#include "uisettings.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

MainWindow::MainWindow(UiSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_rail(new NavigationRail(this))
    , m_stack(new QStackedWidget(this))
    , m_wallboard(new WallboardPage(settings, this))
    , m_history(new HistoryPage(this))
    , m_settingsPage(new SettingsWidget(settings, this))
    , m_monitor(new CallMonitorPage(settings, this))
    , m_chat(new DemoChatPanel(this))
    , m_connection(new QLabel(this))
    , m_keySource(new QLabel(this))
    , m_callCount(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("VoiceAI Supervisor"));
    setWindowIcon(Icons::icon(QStringLiteral("app"), palette()));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    m_stack->setAccessibleName(tr("Pages"));
    m_stack->addWidget(m_wallboard);
    m_stack->addWidget(m_history);
    m_stack->addWidget(new PlaceholderPage(
        QStringLiteral("prompts"), tr("Prompts"),
        tr("The prompt editor will live here: versions of the agent's system prompt side by "
           "side, test runs against saved scenarios and A/B tests. Today the stored prompt "
           "versions are used by every call, and \"Make regression test\" in History already "
           "saves scenarios for those test runs."),
        this));
    m_stack->addWidget(new PlaceholderPage(
        QStringLiteral("costs"), tr("Costs"),
        tr("The cost dashboard will live here: spend per day, campaign and model from the usage "
           "records. Today each call's live cost against its budget is shown on the wallboard "
           "and in the call monitor."),
        this));
    m_stack->addWidget(m_settingsPage);
    m_stack->addWidget(m_monitor);

    buildRail();
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_rail);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_connection->setAccessibleName(tr("Connection"));
    m_keySource->setAccessibleName(tr("Key source"));
    m_callCount->setAccessibleName(tr("Live calls"));
    m_connection->setText(tr("Starting…"));
    statusBar()->addWidget(m_connection);
    statusBar()->addWidget(m_keySource);
    statusBar()->addPermanentWidget(m_callCount);

    m_alerter = new RiskAlerter(settings, m_wallboard->model(), this);
    connect(m_alerter, &RiskAlerter::alertRaised, this, &MainWindow::addAlert);
    buildDocks();
    buildActions();

    connect(m_wallboard, &WallboardPage::openCallRequested, this, &MainWindow::openCall);
    connect(m_history, &HistoryPage::openCallRequested, this, &MainWindow::openPastCall);
    connect(m_monitor, &CallMonitorPage::backRequested, this,
            [this](bool fromHistory) { showPage(fromHistory ? History : LiveCalls); });
    connect(m_wallboard, &WallboardPage::countsChanged, this, &MainWindow::updateStatus);

    resize(1320, 820);
    restoreGeometry(settings->windowGeometry());
    restoreState(settings->windowState());
    const int page = settings->currentPage();
    showPage(page >= LiveCalls && page <= Settings ? page : LiveCalls);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildRail()
{
    m_rail->addDestination(QStringLiteral("live-calls"), tr("Live calls"),
                           tr("The wallboard of calls in progress (Ctrl+1)"));
    m_rail->addDestination(QStringLiteral("history"), tr("History"),
                           tr("Search and open past calls (Ctrl+2)"));
    m_rail->addDestination(QStringLiteral("prompts"), tr("Prompts"),
                           tr("The agent's prompts (Ctrl+3)"));
    m_rail->addDestination(QStringLiteral("costs"), tr("Costs"), tr("Spend and usage (Ctrl+4)"));
    m_rail->addDestination(QStringLiteral("settings"), tr("Settings"),
                           tr("Models, budgets, keys and data (Ctrl+5)"));
    connect(m_rail, &NavigationRail::currentChanged, this, &MainWindow::showPage);
}

void MainWindow::buildDocks()
{
    m_chatDock = new QDockWidget(tr("Demo chat"), this);
    m_chatDock->setObjectName(QStringLiteral("demoChatDock"));
    m_chatDock->setAccessibleName(tr("Demo chat"));
    m_chatDock->setWidget(m_chat);
    addDockWidget(Qt::RightDockWidgetArea, m_chatDock);

    m_alerts = new QListWidget(this);
    m_alerts->setAccessibleName(tr("Alerts"));
    m_alerts->setWordWrap(true);
    m_alertsDock = new QDockWidget(tr("Alerts"), this);
    m_alertsDock->setObjectName(QStringLiteral("alertsDock"));
    m_alertsDock->setWidget(m_alerts);
    addDockWidget(Qt::RightDockWidgetArea, m_alertsDock);
    splitDockWidget(m_chatDock, m_alertsDock, Qt::Vertical);
    connect(m_alerts, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (m_services && m_services->calls())
            if (CallSession *session = m_services->calls()->session(id))
                openCall(session);
    });
}

void MainWindow::buildActions()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names = {tr("&Live calls"), tr("&History"), tr("&Prompts"), tr("&Costs"),
                               tr("&Settings")};
    for (int i = 0; i < names.size(); ++i) {
        QAction *action = view->addAction(names.at(i));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { showPage(i); });
    }
    view->addSeparator();
    view->addAction(m_chatDock->toggleViewAction());
    m_chatDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    view->addAction(m_alertsDock->toggleViewAction());

    QMenu *calls = menuBar()->addMenu(tr("&Calls"));
    QAction *jump = calls->addAction(Icons::icon(QStringLiteral("jump-risk"), palette()),
                                     tr("&Jump to the riskiest call"));
    jump->setObjectName(QStringLiteral("jumpToRiskiest"));
    jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(jump, &QAction::triggered, this, &MainWindow::jumpToRiskiestCall);
    QAction *demo = calls->addAction(tr("Start a &demo call"));
    demo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(demo, &QAction::triggered, this, [this] {
        if (m_services && m_services->isDemo())
            m_services->startDemoCalls(1);
    });

    QMenu *app = menuBar()->addMenu(tr("&Application"));
    QAction *prefs = app->addAction(tr("&Preferences…"));
    prefs->setShortcut(QKeySequence::Preferences);
    if (prefs->shortcut().isEmpty())
        prefs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(prefs, &QAction::triggered, this, &MainWindow::showPreferences);
    QAction *quit = app->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::setServices(AppServices *services)
{
    m_services = services;
    if (services) {
        // Security alerts go to the Alerts dock and, briefly, the status bar; nothing blocks.
        // Connected first: the pages below may already wait for the keychain.
        connect(services, &AppServices::alertRaised, this, [this](const QString &text) {
            addAlert(text, nullptr);
            statusBar()->showMessage(text, 15000);
        });
    }
    m_chat->setServices(services);
    m_wallboard->setServices(services);
    m_history->setServices(services);
    m_monitor->setServices(services);
    m_settingsPage->setServices(services);
    if (services) {
        connect(services, &AppServices::backendChanged, this, &MainWindow::updateStatus);
        for (const QString &warning : services->warnings())
            addAlert(warning, nullptr);
        if (services->keyStore() && services->keyStore()->keys().isEmpty() &&
            !qEnvironmentVariableIsEmpty("OPENAI_API_KEY"))
            addAlert(tr("OPENAI_API_KEY is set but the keychain holds no key: Settings › Keys › "
                        "Import stores it safely."),
                     nullptr);
    }
    updateStatus();
}

void MainWindow::setThemeManager(ThemeManager *theme)
{
    connect(theme, &ThemeManager::themeApplied, this, [this] { m_rail->refreshIcons(); });
}

void MainWindow::updateStatus()
{
    if (!m_services) {
        m_connection->setText(tr("Starting…"));
        return;
    }
    m_connection->setText(tr("Backend: %1").arg(m_services->backendDescription()));
    m_keySource->setText(tr("Key: %1").arg(m_services->keySource()));
    m_callCount->setText(tr("%n live call(s)", nullptr, m_wallboard->liveCount()) +
                         (m_wallboard->highRiskCount() > 0
                              ? tr(" · %n high risk", nullptr, m_wallboard->highRiskCount())
                              : QString()));
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

void MainWindow::showPage(int page)
{
    if (page < 0 || page > Monitor)
        return;
    m_stack->setCurrentIndex(page);
    if (page != Monitor) {
        m_rail->setCurrentIndex(page);
        m_settings->setCurrentPage(page);
    }
}

void MainWindow::openCall(CallSession *session)
{
    if (!session)
        return;
    m_monitor->showSession(session);
    m_rail->setCurrentIndex(LiveCalls);
    showPage(Monitor);
}

void MainWindow::openPastCall(const QString &callId)
{
    if (!m_services || !m_services->store())
        return;
    // A call still running opens live; anything else read-only from the store.
    if (m_services->calls())
        if (CallSession *live = m_services->calls()->session(callId);
            live && live->state() != CallState::Ended) {
            openCall(live);
            return;
        }
    const std::optional<CallRecord> record = m_services->store()->call(callId);
    if (!record)
        return;
    m_monitor->showRecord(*record, m_services->store()->events(callId));
    m_rail->setCurrentIndex(History);
    showPage(Monitor);
}

void MainWindow::jumpToRiskiestCall()
{
    if (CallSession *session = m_wallboard->riskiestSession())
        openCall(session);
    else
        statusBar()->showMessage(tr("No live call to jump to."), 3000);
}

void MainWindow::showPreferences()
{
    SettingsDialog dialog(m_settings, m_services, this);
    dialog.exec();
}

void MainWindow::addAlert(const QString &text, CallSession *session)
{
    auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), text));
    if (session)
        item->setData(Qt::UserRole, session->id());
    m_alerts->insertItem(0, item);
    while (m_alerts->count() > 200)
        delete m_alerts->takeItem(m_alerts->count() - 1);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_rail->refreshIcons();
        setWindowIcon(Icons::icon(QStringLiteral("app"), palette()));
    }
    QMainWindow::changeEvent(event);
}
