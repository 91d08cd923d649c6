#pragma once

#include <QWidget>

class AppServices;
class CallSession;
class CallsTableModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class RiskSortProxy;
class UiSettings;

// The live calls wallboard: every call in progress, riskiest first, with filters, a summary line,
// "jump to the riskiest call" and, in demo mode, a button that starts another simulated call.
class WallboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallboardPage)

public:
    explicit WallboardPage(UiSettings *settings, QWidget *parent = nullptr);

    void setServices(AppServices *services);

    CallsTableModel *model() const { return m_model; }
    RiskSortProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    // The live call with the highest risk score (ties: the longest), or null.
    CallSession *riskiestSession() const;
    int liveCount() const;
    int highRiskCount() const;

signals:
    void openCallRequested(CallSession *session);
    void countsChanged();

private:
    void updateSummary();
    void openIndex(const QModelIndex &proxyIndex);

    UiSettings *m_settings;
    AppServices *m_services = nullptr;
    CallsTableModel *m_model;
    RiskSortProxy *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QCheckBox *m_showEnded;
    QPushButton *m_jump;
    QPushButton *m_newDemo;
    QLabel *m_summary;
    QLabel *m_emptyHint;
};
