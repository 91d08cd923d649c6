#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>

class CallSession;
class CallsTableModel;
class QSystemTrayIcon;
class UiSettings;

// Raises an alert when a call's risk crosses the configured threshold: a desktop notification
// (system tray) when the desktop offers one, always an in-app alert, and a sound if enabled.
// A call alerts once per crossing; it can alert again after it falls back below the threshold.
class RiskAlerter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskAlerter)

public:
    RiskAlerter(UiSettings *settings, CallsTableModel *model, QObject *parent = nullptr);

    int alertCount() const { return m_count; }

signals:
    void alertRaised(const QString &text, CallSession *session);

private:
    void onRiskChanged(CallSession *session, int oldScore, int newScore);

    UiSettings *m_settings;
    CallsTableModel *m_model;
    QSystemTrayIcon *m_tray = nullptr;
    QSet<QString> m_alerted;
    int m_count = 0;
};
