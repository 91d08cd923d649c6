#include "riskalerter.h"

#include "calls/callsession.h"
#include "callstablemodel.h"
#include "uisettings.h"

#include <QApplication>
#include <QSystemTrayIcon>

RiskAlerter::RiskAlerter(UiSettings *settings, CallsTableModel *model, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_model(model)
{
    connect(model, &CallsTableModel::riskChanged, this, &RiskAlerter::onRiskChanged);
}

void RiskAlerter::onRiskChanged(CallSession *session, int oldScore, int newScore)
{
    Q_UNUSED(oldScore)
    const int threshold = m_settings->alertThreshold();
    const QString id = session->id();
    if (newScore < threshold) {
        m_alerted.remove(id);
        return;
    }
    if (m_alerted.contains(id) || session->state() == CallState::Ended)
        return;
    m_alerted.insert(id);
    ++m_count;

    const RiskAssessment risk = m_model->risk(m_model->rowOf(id));
    const QString customer = session->context().customerName;
    QString text = tr("High risk (%1) on the call with %2 — press Ctrl+J to jump in.")
                       .arg(newScore)
                       .arg(customer.isEmpty() ? id : customer);
    if (!risk.flags.isEmpty())
        text += QLatin1Char(' ') + risk.flags.first().reason;
    emit alertRaised(text, session);

    if (m_settings->alertDesktop() && QSystemTrayIcon::isSystemTrayAvailable() &&
        QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->show();
        }
        m_tray->showMessage(tr("VoiceAI Supervisor"), text, QSystemTrayIcon::Warning, 8000);
    }
    if (m_settings->alertSound())
        QApplication::beep();
}
