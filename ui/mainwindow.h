#pragma once

#include <QMainWindow>
#include <QPointer>

class AppServices;
class CallMonitorPage;
class CallSession;
class DemoChatPanel;
class HistoryPage;
class NavigationRail;
class QDockWidget;
class QLabel;
class QListWidget;
class QStackedWidget;
class RiskAlerter;
class SettingsWidget;
class ThemeManager;
class UiSettings;
class WallboardPage;

// The supervisor's main window: a navigation rail over the pages (live calls, history, prompts,
// costs, settings), the call monitor, dockable panels (demo chat, alerts) and a status bar that
// says which backend and which key are in use. Geometry and dock layout are remembered.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Page { LiveCalls, History, Prompts, Costs, Settings, Monitor };

    explicit MainWindow(UiSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects the window to the core once it has started (right after show()).
    void setServices(AppServices *services);
    void setThemeManager(ThemeManager *theme);

    NavigationRail *rail() const { return m_rail; }
    QStackedWidget *pages() const { return m_stack; }
    WallboardPage *wallboard() const { return m_wallboard; }
    HistoryPage *history() const { return m_history; }
    CallMonitorPage *monitor() const { return m_monitor; }
    DemoChatPanel *demoChat() const { return m_chat; }
    RiskAlerter *alerter() const { return m_alerter; }
    QLabel *connectionLabel() const { return m_connection; }
    // The Alerts dock's list, newest first.
    QListWidget *alertsList() const { return m_alerts; }
    int currentPage() const;

public slots:
    void showPage(int page);
    void openCall(CallSession *session);
    void openPastCall(const QString &callId);
    void jumpToRiskiestCall();
    void showPreferences();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildRail();
    void buildDocks();
    void buildActions();
    void updateStatus();
    void addAlert(const QString &text, CallSession *session);

    UiSettings *m_settings;
    AppServices *m_services = nullptr;
    NavigationRail *m_rail;
    QStackedWidget *m_stack;
    WallboardPage *m_wallboard;
    HistoryPage *m_history;
    SettingsWidget *m_settingsPage;
    CallMonitorPage *m_monitor;
    DemoChatPanel *m_chat;
    QDockWidget *m_chatDock = nullptr;
    QDockWidget *m_alertsDock = nullptr;
    QListWidget *m_alerts = nullptr;
    RiskAlerter *m_alerter = nullptr;
    QLabel *m_connection;
    QLabel *m_keySource;
    QLabel *m_callCount;
};
