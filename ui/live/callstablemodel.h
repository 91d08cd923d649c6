#pragma once

#include "calls/callcontext.h"
#include "calls/callstate.h"
#include "calls/callstats.h"
#include "calls/riskassessor.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>
#include <QTimer>

class CallManager;
#include "calls/callsession.h"

// The wallboard's rows: one per call of a CallManager, fed by its sessions' signals. Changes are
// coalesced: a signal only marks the row dirty and a timer refreshes dirty rows at most every
// `refreshMs`, so a hundred streaming calls cost a few dataChanged() per second, not thousands.
class CallsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallsTableModel)

public:
    enum Column {
        Customer,
        Campaign,
        Purpose,
        State,
        Duration,
        Turns,
        Model,
        Budget,
        Latency,
        Risk,
        Supervisor,
        ColumnCount
    };
    enum Role {
        SessionRole = Qt::UserRole + 1, // CallSession *
        CallIdRole,
        RiskScoreRole,   // int 0..100
        RiskReasonsRole, // QString, one reason per line
        SortRole,        // a sortable value for the column
        EndedRole,       // bool
    };

    explicit CallsTableModel(QObject *parent = nullptr);
    ~CallsTableModel() override;

    void setCallManager(CallManager *manager);
    void setRiskThresholds(const RiskThresholds &thresholds);
    // Adds a session not (yet) known through a manager; used by tests and the manager hook.
    void addSession(CallSession *session);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    CallSession *session(int row) const;
    int rowOf(const QString &callId) const;
    RiskAssessment risk(int row) const;
    // Refreshes every dirty row now (the timer does this on its own).
    void flush();
    int refreshMs() const { return m_timer.interval(); }
    void setRefreshMs(int ms) { m_timer.setInterval(ms); }
    int liveCount() const;
    // How many dataChanged() rounds flush() has emitted (for the benchmark).
    quint64 flushCount() const { return m_flushes; }

signals:
    // A call's risk score changed (after a flush): for alerts.
    void riskChanged(CallSession *session, int oldScore, int newScore);

private:
    struct Row
    {
        QPointer<CallSession> session;
        QString id;
        CallContext context;
        CallState state = CallState::Dialing;
        SupervisionMode supervision = SupervisionMode::None;
        QString supervisor;
        CallStats stats;
        RiskAssessment risk;
        bool listening = false;
    };

    void markDirty(const QString &id);
    void refresh(Row &row, const QDateTime &now);
    void removeSession(const QString &id);
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;

    QList<Row> m_rows;
    QSet<QString> m_dirty;
    QTimer m_timer;
    QTimer m_clock; // durations and silence grow without any event
    RiskAssessor m_assessor;
    QPointer<CallManager> m_manager;
    quint64 m_flushes = 0;
};
