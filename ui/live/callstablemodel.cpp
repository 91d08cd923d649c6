#include "callstablemodel.h"

#include "calls/callmanager.h"
#include "calls/callsession.h"

#include <QColor>
#include <QLocale>

namespace {
QString formatDuration(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms / 1000);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString stateText(CallState state, SupervisionMode mode)
{
    switch (state) {
    case CallState::Dialing:
        return CallsTableModel::tr("Dialing");
    case CallState::Ended:
        return CallsTableModel::tr("Ended");
    case CallState::Active:
        break;
    }
    switch (mode) {
    case SupervisionMode::TakenOver:
        return CallsTableModel::tr("Taken over");
    case SupervisionMode::Whispering:
        return CallsTableModel::tr("Active (whispered)");
    case SupervisionMode::HandedBack:
        return CallsTableModel::tr("Active (handed back)");
    case SupervisionMode::Listening:
    case SupervisionMode::None:
        break;
    }
    return CallsTableModel::tr("Active");
}
} // namespace

CallsTableModel::CallsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_timer.setInterval(250);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CallsTableModel::flush);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        for (const Row &row : std::as_const(m_rows))
            if (row.state != CallState::Ended)
                m_dirty.insert(row.id);
        if (!m_dirty.isEmpty() && !m_timer.isActive())
            m_timer.start();
    });
    m_clock.start();
}

CallsTableModel::~CallsTableModel() = default;

void CallsTableModel::setCallManager(CallManager *manager)
{
    m_manager = manager;
    if (!manager)
        return;
    connect(manager, &CallManager::callStarted, this, &CallsTableModel::addSession);
    connect(manager, &CallManager::callEnded, this,
            [this](CallSession *session) { markDirty(session->id()); });
    for (CallSession *session : manager->sessions())
        addSession(session);
}

void CallsTableModel::setRiskThresholds(const RiskThresholds &thresholds)
{
    m_assessor = RiskAssessor(thresholds);
    for (const Row &row : std::as_const(m_rows))
        m_dirty.insert(row.id);
    m_timer.start();
}

void CallsTableModel::addSession(CallSession *session)
{
    if (!session || rowOf(session->id()) >= 0)
        return;
    Row row;
    row.session = session;
    row.id = session->id();
    row.context = session->context();
    refresh(row, QDateTime::currentDateTimeUtc());
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows << row;
    endInsertRows();

    const QString id = row.id;
    auto dirty = [this, id] { markDirty(id); };
    connect(session, &CallSession::eventAppended, this, dirty);
    connect(session, &CallSession::statsChanged, this, dirty);
    connect(session, &CallSession::stateChanged, this, dirty);
    connect(session, &CallSession::supervisionChanged, this, dirty);
    connect(session, &QObject::destroyed, this, [this, id] { removeSession(id); });
}

void CallsTableModel::removeSession(const QString &id)
{
    const int at = rowOf(id);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
    m_dirty.remove(id);
}

void CallsTableModel::markDirty(const QString &id)
{
    m_dirty.insert(id);
    if (!m_timer.isActive())
        m_timer.start();
}

void CallsTableModel::refresh(Row &row, const QDateTime &now)
{
    CallSession *s = row.session;
    if (!s)
        return;
    row.state = s->state();
    row.supervision = s->supervision();
    row.supervisor = s->supervisor();
    row.listening = s->isListening();
    row.stats = s->stats();
    if (row.state != CallState::Ended && row.stats.startedAt.isValid())
        row.stats.durationMs = row.stats.startedAt.msecsTo(now);
    row.risk = m_assessor.assess(s->events(), row.stats, now);
}

void CallsTableModel::flush()
{
    if (m_dirty.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int first = INT_MAX;
    int last = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (!m_dirty.contains(row.id))
            continue;
        const int before = row.risk.score;
        refresh(row, now);
        first = std::min(first, i);
        last = std::max(last, i);
        if (before != row.risk.score && row.session)
            emit riskChanged(row.session, before, row.risk.score);
    }
    m_dirty.clear();
    if (last >= 0) {
        ++m_flushes;
        // One signal for the span of changed rows: views repaint once per flush.
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
}

int CallsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

CallSession *CallsTableModel::session(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).session.data() : nullptr;
}

int CallsTableModel::rowOf(const QString &callId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == callId)
            return i;
    return -1;
}

RiskAssessment CallsTableModel::risk(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).risk : RiskAssessment{};
}

int CallsTableModel::liveCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &r) { return r.state != CallState::Ended; }));
}

QVariant CallsTableModel::display(const Row &row, int column) const
{
    const CallStats &st = row.stats;
    const QLocale locale;
    switch (column) {
    case Customer:
        return row.context.customerName.isEmpty() ? row.context.customerId
                                                  : row.context.customerName;
    case Campaign:
        return row.context.campaign;
    case Purpose:
        return row.context.purpose;
    case State:
        return stateText(row.state, row.supervision);
    case Duration:
        return formatDuration(st.durationMs);
    case Turns:
        return st.turns;
    case Model:
        return st.usingFallback ? tr("%1 (fallback)").arg(st.modelInUse) : st.modelInUse;
    case Budget: {
        QString text = st.tokenCap > 0
                           ? tr("%1 / %2 tok")
                                 .arg(locale.toString(st.totalTokens), locale.toString(st.tokenCap))
                           : tr("%1 tok").arg(locale.toString(st.totalTokens));
        text += QStringLiteral(" · $%1").arg(st.costUsd, 0, 'f', 3);
        if (st.costCap > 0)
            text += QStringLiteral(" / $%1").arg(st.costCap, 0, 'f', 2);
        return text;
    }
    case Latency:
        if (st.turns == 0)
            return QString();
        return st.lastTtftMs >= 0 ? tr("%1 ms (first %2)").arg(st.lastLatencyMs).arg(st.lastTtftMs)
                                  : tr("%1 ms").arg(st.lastLatencyMs);
    case Risk:
        return row.risk.flags.isEmpty() ? QString::number(row.risk.score)
                                        : QStringLiteral("%1 · %2")
                                              .arg(row.risk.score)
                                              .arg(row.risk.flags.first().code());
    case Supervisor: {
        if (row.supervisor.isEmpty())
            return row.listening ? tr("(listening)") : QString();
        return row.listening && row.supervision != SupervisionMode::Listening
                   ? tr("%1 (listening)").arg(row.supervisor)
                   : row.supervisor;
    }
    }
    return {};
}

QVariant CallsTableModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case Duration:
        return row.stats.durationMs;
    case Turns:
        return row.stats.turns;
    case Budget:
        return row.stats.tokenCap > 0 ? double(row.stats.totalTokens) / row.stats.tokenCap
                                      : double(row.stats.totalTokens);
    case Latency:
        return row.stats.lastLatencyMs;
    case Risk:
        return row.risk.score;
    default:
        return display(row, column);
    }
}

QVariant CallsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Risk)
            return row.risk.flags.isEmpty() ? tr("No risk flags.") : row.risk.summary();
        if (index.column() == Purpose)
            return row.context.purpose;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Turns || index.column() == Duration || index.column() == Risk)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        if (index.column() == Risk && row.risk.score >= 50)
            return QColor(220, 38, 38, 90);
        if (index.column() == Risk && row.risk.score >= 25)
            return QColor(245, 158, 11, 80);
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == Risk)
            return tr("Risk %1: %2").arg(row.risk.score).arg(row.risk.summary());
        return display(row, index.column());
    case SessionRole:
        return QVariant::fromValue(row.session.data());
    case CallIdRole:
        return row.id;
    case RiskScoreRole:
        return row.risk.score;
    case RiskReasonsRole:
        return row.risk.summary();
    case SortRole:
        return sortValue(row, index.column());
    case EndedRole:
        return row.state == CallState::Ended;
    }
    return {};
}

QVariant CallsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Customer:
        return tr("Customer");
    case Campaign:
        return tr("Campaign");
    case Purpose:
        return tr("Purpose");
    case State:
        return tr("State");
    case Duration:
        return tr("Duration");
    case Turns:
        return tr("Turns");
    case Model:
        return tr("Model");
    case Budget:
        return tr("Tokens / cost");
    case Latency:
        return tr("Last turn");
    case Risk:
        return tr("Risk");
    case Supervisor:
        return tr("Supervisor");
    }
    return {};
}
