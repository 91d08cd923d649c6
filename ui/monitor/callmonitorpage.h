#pragma once

#include "store/callevent.h"
#include "store/callrecord.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class AppServices;
#include "calls/callsession.h"
class ContextCard;
class CostMeter;
class InterventionBar;
class LatencyStrip;
class QLabel;
class QListView;
class QPushButton;
class TranscriptDelegate;
class TranscriptModel;
class UiSettings;

// One call up close: the live transcript (streamed as it arrives), the context card, the budget
// meter, the latency strip and the intervention bar. Shows a live CallSession, or a past call
// from the store read-only.
class CallMonitorPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallMonitorPage)

public:
    explicit CallMonitorPage(UiSettings *settings, QWidget *parent = nullptr);

    void setServices(AppServices *services);
    void showSession(CallSession *session);
    void showRecord(const CallRecord &record, const QList<CallEvent> &events);

    CallSession *session() const { return m_session; }
    bool isReadOnly() const { return m_readOnly; }
    TranscriptModel *transcript() const { return m_model; }
    QListView *transcriptView() const { return m_view; }
    InterventionBar *interventions() const { return m_bar; }
    CostMeter *costMeter() const { return m_cost; }
    LatencyStrip *latency() const { return m_latency; }
    ContextCard *contextCard() const { return m_context; }

signals:
    void backRequested(bool fromHistory);

private:
    void onEvent(const CallEvent &event);
    void onDelta(const QString &text);
    void refreshHeader();
    void refreshStats();
    void scrollToEndIfFollowing();
    void setLatencyFrom(const QList<CallEvent> &events);

    UiSettings *m_settings;
    AppServices *m_services = nullptr;
    QPointer<CallSession> m_session;
    bool m_readOnly = false;
    CallRecord m_record;
    TranscriptModel *m_model;
    TranscriptDelegate *m_delegate;
    QListView *m_view;
    QPushButton *m_back;
    QLabel *m_title;
    QLabel *m_state;
    ContextCard *m_context;
    CostMeter *m_cost;
    LatencyStrip *m_latency;
    InterventionBar *m_bar;
    QLabel *m_hint;
    QTimer m_statsTimer; // coalesces statsChanged bursts
    bool m_follow = true;
};
