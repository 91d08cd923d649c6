#pragma once

#include "store/callevent.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QTimer>

// A call's transcript as a list model: one row per utterance or system event. Rows are appended
// with beginInsertRows/endInsertRows; streamed agent text is buffered and applied to the last row
// in place at most every `batchMs`, so a fast stream costs a few repaints per second.
class TranscriptModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptModel)

public:
    enum class Kind { Customer, Agent, Supervisor, Whisper, System };
    Q_ENUM(Kind)
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind as int
        ActorRole,
        TimeRole,      // QDateTime
        LatencyRole,   // qint64 ms, -1 unknown
        TtftRole,      // qint64 ms, -1 unknown
        TokensRole,    // int, -1 unknown
        StreamingRole, // bool: the agent is still speaking this row
        HeaderRole,    // QString: "Agent · 10:02:13 · 320 ms first token · ..."
        SeqRole,
    };

    struct Item
    {
        Kind kind = Kind::System;
        QString actor;
        QString text;
        QDateTime time;
        qint64 latencyMs = -1;
        qint64 ttftMs = -1;
        int tokens = -1;
        bool streaming = false;
        qint64 seq = 0;
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    // Replaces everything with the rows of these events.
    void setEvents(const QList<CallEvent> &events);
    void appendEvent(const CallEvent &event);
    // Streamed agent text: buffered, then appended to the streaming agent row.
    void appendDelta(const QString &text);
    // Applies buffered deltas now (the timer does this on its own).
    void flushDeltas();
    void clear();
    void setBatchMs(int ms) { m_flushTimer.setInterval(ms); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    const Item &item(int row) const { return m_items.at(row); }
    // Directly appends prepared rows (benchmarks and replay of very long calls).
    void appendItems(const QList<Item> &items);

    // Human-readable line for system events ("Supervisor sam took over").
    static QString describe(const CallEvent &event);

private:
    bool toItem(const CallEvent &event, Item *item) const;
    void append(const Item &item);
    int streamingRow() const;

    QList<Item> m_items;
    QString m_pendingDelta;
    QTimer m_flushTimer;
};
