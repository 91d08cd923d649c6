#include "transcriptmodel.h"

#include "store/eventkinds.h"

namespace {
QString supervisorName(const QString &actor)
{
    return actor.startsWith(QLatin1String("supervisor:")) ? actor.mid(11) : actor;
}

qint64 number(const QJsonObject &payload, const char *key)
{
    const QJsonValue v = payload.value(QLatin1String(key));
    return v.isDouble() ? qint64(v.toDouble()) : -1;
}
} // namespace

TranscriptModel::TranscriptModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_flushTimer.setInterval(50);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &TranscriptModel::flushDeltas);
}

QString TranscriptModel::describe(const CallEvent &event)
{
    const QJsonObject &p = event.payload;
    const QString who = supervisorName(event.actor);
    const QString &k = event.kind;
    if (k == EventKind::CallStarted)
        return tr("Call started");
    if (k == EventKind::CallState) {
        const QString from = p.value(QLatin1String("from")).toString();
        const QString to = p.value(QLatin1String("to")).toString();
        return from.isEmpty() ? tr("Call %1").arg(to) : tr("Call %1 → %2").arg(from, to);
    }
    if (k == EventKind::SupervisorListen)
        return p.value(QLatin1String("on")).toBool() ? tr("%1 is listening").arg(who)
                                                     : tr("%1 stopped listening").arg(who);
    if (k == EventKind::SupervisorTakeover)
        return p.value(QLatin1String("cancelledStream")).toBool()
                   ? tr("%1 took over the call; the agent's reply in progress was cancelled")
                         .arg(who)
                   : tr("%1 took over the call").arg(who);
    if (k == EventKind::SupervisorHandback)
        return tr("%1 handed the call back to the agent").arg(who);
    if (k == EventKind::BudgetWarning)
        return tr("Budget warning: %1")
            .arg(p.value(QLatin1String("message"))
                     .toString(p.value(QLatin1String("reason")).toString()));
    if (k == EventKind::ModelFallback)
        return tr("Fallback: %1 → %2 (%3)")
            .arg(p.value(QLatin1String("from")).toString(), p.value(QLatin1String("to")).toString(),
                 p.value(QLatin1String("reason")).toString());
    if (k == EventKind::ComplianceFlag)
        return tr("Compliance: %1")
            .arg(p.value(QLatin1String("detail"))
                     .toString(p.value(QLatin1String("code")).toString()));
    if (k == EventKind::RiskFlag)
        return tr("Risk: %1")
            .arg(p.value(QLatin1String("detail"))
                     .toString(p.value(QLatin1String("code")).toString()));
    if (k == EventKind::HumanRequested)
        return tr("The customer asked for a human");
    if (k == EventKind::OptOutRecorded)
        return tr("Opt-out recorded: the customer will not be called again");
    if (k == EventKind::SummaryUpdated)
        return tr("Summary of earlier turns updated");
    if (k == EventKind::CallEnded)
        return tr("Call ended: %1").arg(p.value(QLatin1String("reason")).toString());
    if (k == EventKind::CallInterrupted)
        return tr("Call interrupted (the application stopped during the call)");
    if (k == EventKind::Error)
        return tr("Error: %1").arg(p.value(QLatin1String("message")).toString());
    return k;
}

bool TranscriptModel::toItem(const CallEvent &event, Item *item) const
{
    const QString &k = event.kind;
    item->time = event.time;
    item->actor = event.actor;
    item->seq = event.seq;
    const QString text = event.payload.value(QLatin1String("text")).toString();
    if (k == EventKind::AgentDelta)
        return false; // live text arrives through appendDelta(); the finished turn replaces it
    if (k == EventKind::CustomerUtterance) {
        item->kind = Kind::Customer;
        item->text = text;
    } else if (k == EventKind::AgentTurn) {
        item->kind = Kind::Agent;
        item->text = text;
        item->latencyMs = number(event.payload, "latencyMs");
        item->ttftMs = number(event.payload, "ttftMs");
        item->tokens = int(number(event.payload, "completionTokens"));
    } else if (k == EventKind::SupervisorWhisper) {
        item->kind = Kind::Whisper;
        item->text = text;
    } else if (k == EventKind::SupervisorTurn) {
        item->kind = Kind::Supervisor;
        item->text = text;
    } else if (k == EventKind::SupervisorSay) {
        item->kind = Kind::System;
        item->text = tr("%1 asked the agent to say: \"%2\"").arg(supervisorName(event.actor), text);
    } else {
        item->kind = Kind::System;
        item->text = describe(event);
    }
    return true;
}

int TranscriptModel::streamingRow() const
{
    // The streaming row is the newest agent row still marked streaming; system rows may follow it.
    for (qsizetype i = m_items.size() - 1; i >= 0 && i >= m_items.size() - 4; --i)
        if (m_items.at(i).streaming)
            return int(i);
    return -1;
}

void TranscriptModel::setEvents(const QList<CallEvent> &events)
{
    beginResetModel();
    m_items.clear();
    m_pendingDelta.clear();
    m_items.reserve(events.size());
    // Stored agent.delta batches after the last finished turn are a reply still being spoken
    // (or, for an interrupted call, the words the agent got out before it stopped).
    QString streamed;
    QDateTime streamStart;
    for (const CallEvent &event : events) {
        if (event.kind == EventKind::AgentDelta) {
            if (streamed.isEmpty())
                streamStart = event.time;
            streamed += event.payload.value(QLatin1String("text")).toString();
            continue;
        }
        if (event.kind == EventKind::AgentTurn || event.kind == EventKind::SupervisorTakeover)
            streamed.clear();
        Item item;
        if (toItem(event, &item))
            m_items << item;
    }
    if (!streamed.isEmpty()) {
        Item item;
        item.kind = Kind::Agent;
        item.actor = QStringLiteral("agent");
        item.text = streamed;
        item.time = streamStart;
        item.streaming = true;
        m_items << item;
    }
    endResetModel();
}

void TranscriptModel::append(const Item &item)
{
    const int at = int(m_items.size());
    beginInsertRows({}, at, at);
    m_items << item;
    endInsertRows();
}

void TranscriptModel::appendItems(const QList<Item> &items)
{
    if (items.isEmpty())
        return;
    const int at = int(m_items.size());
    beginInsertRows({}, at, at + int(items.size()) - 1);
    m_items << items;
    endInsertRows();
}

void TranscriptModel::appendEvent(const CallEvent &event)
{
    Item item;
    if (!toItem(event, &item))
        return;
    if (item.kind == Kind::Agent) {
        m_pendingDelta.clear();
        m_flushTimer.stop();
        const int row = streamingRow();
        if (row >= 0) {
            // The finished turn replaces the streamed text: same row, final text and figures.
            m_items[row] = item;
            const QModelIndex at = index(row);
            emit dataChanged(at, at);
            return;
        }
    } else if (item.kind == Kind::System && event.kind == EventKind::SupervisorTakeover) {
        // A cancelled stream leaves no half-spoken agent row behind.
        const int row = streamingRow();
        if (row >= 0) {
            m_pendingDelta.clear();
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        }
    }
    append(item);
}

void TranscriptModel::appendDelta(const QString &text)
{
    if (text.isEmpty())
        return;
    m_pendingDelta += text;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TranscriptModel::flushDeltas()
{
    if (m_pendingDelta.isEmpty())
        return;
    const int row = streamingRow();
    if (row >= 0) {
        m_items[row].text += m_pendingDelta;
        const QModelIndex at = index(row);
        emit dataChanged(at, at);
    } else {
        Item item;
        item.kind = Kind::Agent;
        item.actor = QStringLiteral("agent");
        item.text = m_pendingDelta;
        item.time = QDateTime::currentDateTimeUtc();
        item.streaming = true;
        append(item);
    }
    m_pendingDelta.clear();
}

void TranscriptModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_pendingDelta.clear();
    endResetModel();
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item &it = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return it.text;
    case Qt::AccessibleTextRole:
        return data(index, HeaderRole).toString() + QStringLiteral(": ") + it.text;
    case KindRole:
        return int(it.kind);
    case ActorRole:
        return it.actor;
    case TimeRole:
        return it.time;
    case LatencyRole:
        return it.latencyMs;
    case TtftRole:
        return it.ttftMs;
    case TokensRole:
        return it.tokens;
    case StreamingRole:
        return it.streaming;
    case SeqRole:
        return it.seq;
    case HeaderRole: {
        const QString time = it.time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        switch (it.kind) {
        case Kind::Customer:
            return tr("Customer · %1").arg(time);
        case Kind::Agent: {
            QString header = tr("Agent · %1").arg(time);
            if (it.streaming)
                return header + tr(" · speaking…");
            if (it.ttftMs >= 0)
                header += tr(" · first token %1 ms").arg(it.ttftMs);
            if (it.latencyMs > 0)
                header += tr(" · %1 ms").arg(it.latencyMs);
            if (it.tokens >= 0)
                header += tr(" · %n token(s)", nullptr, it.tokens);
            return header;
        }
        case Kind::Supervisor:
            return tr("Supervisor %1 (to the customer) · %2").arg(supervisorName(it.actor), time);
        case Kind::Whisper:
            return tr("Whisper from %1 · not heard by the customer · %2")
                .arg(supervisorName(it.actor), time);
        case Kind::System:
            return time;
        }
        return {};
    }
    }
    return {};
}
