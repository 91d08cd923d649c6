#pragma once

#include <QHash>
#include <QStyledItemDelegate>

// Draws a transcript row: a coloured bar and header per speaker (customer, agent, supervisor),
// whispers in a dashed italic box marked "not heard by the customer", system events as small
// centred lines. Heights are computed from the text with the view's width and cached per row.
class TranscriptDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptDelegate)

public:
    explicit TranscriptDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Layout
    {
        QRect bubble;
        QRect header;
        QRect body;
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    int bodyHeight(const QFont &font, int width, const QString &text, int flags, int row) const;

    // Wrapped-text heights by row, checked against width and text, so scrolling a long call
    // never lays out the same text twice.
    struct CachedHeight
    {
        int width = 0;
        size_t textHash = 0;
        int height = 0;
    };
    mutable QHash<int, CachedHeight> m_heights;
};
