#include "transcriptdelegate.h"

#include "transcriptmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {
constexpr int kMargin = 6;
constexpr int kPad = 8;
constexpr int kBar = 4;

using Kind = TranscriptModel::Kind;

QColor accent(Kind kind)
{
    switch (kind) {
    case Kind::Customer:
        return QColor(0x0e, 0xa5, 0xe9);
    case Kind::Agent:
        return QColor(0x8b, 0x5c, 0xf6);
    case Kind::Supervisor:
        return QColor(0x16, 0xa3, 0x4a);
    case Kind::Whisper:
        return QColor(0xd9, 0x77, 0x06);
    case Kind::System:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QFont headerFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.85);
    f.setBold(true);
    return f;
}

QFont bodyFont(const QFont &base, Kind kind)
{
    QFont f = base;
    if (kind == Kind::Whisper)
        f.setItalic(true);
    if (kind == Kind::System)
        f.setPointSizeF(base.pointSizeF() * 0.85);
    return f;
}
} // namespace

TranscriptDelegate::TranscriptDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

int TranscriptDelegate::bodyHeight(const QFont &font, int width, const QString &text, int flags,
                                   int row) const
{
    const size_t hash = qHash(text) ^ size_t(flags) ^ (size_t(font.pointSizeF() * 8) << 20);
    auto it = m_heights.find(row);
    if (it != m_heights.end() && it->width == width && it->textHash == hash)
        return it->height;
    const int height =
        QFontMetrics(font).boundingRect(QRect(0, 0, width, 100000), flags, text).height();
    m_heights.insert(row, CachedHeight{width, hash, height});
    return height;
}

TranscriptDelegate::Layout TranscriptDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                         const QModelIndex &index) const
{
    const auto kind = Kind(index.data(TranscriptModel::KindRole).toInt());
    const QString text = index.data(Qt::DisplayRole).toString();
    const int width = std::max(120, option.rect.width());
    Layout l;
    if (kind == Kind::System) {
        const QFontMetrics fm(bodyFont(option.font, kind));
        const QRect textRect = fm.boundingRect(
            QRect(0, 0, width - 4 * kMargin, 100000), Qt::AlignHCenter | Qt::TextWordWrap,
            index.data(TranscriptModel::HeaderRole).toString() + QStringLiteral("  ") + text);
        l.body = QRect(option.rect.left() + 2 * kMargin, option.rect.top() + kMargin / 2,
                       width - 4 * kMargin, textRect.height());
        l.bubble = l.body.adjusted(0, -kMargin / 2, 0, kMargin / 2);
        return l;
    }
    // Customer rows sit to the left, the agent and supervisor to the right, like a chat.
    const int bubbleWidth = int(width * 0.78);
    const int left = kind == Kind::Customer ? option.rect.left() + kMargin
                                            : option.rect.left() + width - bubbleWidth - kMargin;
    const QFontMetrics hm(headerFont(option.font));
    const int innerWidth = bubbleWidth - 2 * kPad - kBar;
    const int height =
        bodyHeight(bodyFont(option.font, kind), innerWidth,
                   text.isEmpty() ? QStringLiteral(" ") : text, Qt::TextWordWrap, index.row());
    const int top = option.rect.top() + kMargin;
    l.header = QRect(left + kBar + kPad, top + kPad / 2, innerWidth, hm.height());
    l.body = QRect(left + kBar + kPad, l.header.bottom() + 3, innerWidth, height);
    l.bubble = QRect(left, top, bubbleWidth, l.body.bottom() - top + kPad);
    return l;
}

QSize TranscriptDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    opt.rect.moveTopLeft(QPoint(0, 0));
    const Layout l = layoutFor(opt, index);
    return QSize(option.rect.width(), l.bubble.height() + kMargin);
}

void TranscriptDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const auto kind = Kind(index.data(TranscriptModel::KindRole).toInt());
    const Layout l = layoutFor(option, index);
    const QPalette &pal = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);

    if (kind == Kind::System) {
        painter->setFont(bodyFont(option.font, kind));
        painter->setPen(pal.color(QPalette::Disabled, QPalette::Text).isValid()
                            ? pal.color(QPalette::PlaceholderText)
                            : pal.color(QPalette::Text));
        painter->drawText(l.body, Qt::AlignHCenter | Qt::TextWordWrap,
                          index.data(TranscriptModel::HeaderRole).toString() +
                              QStringLiteral("  ") + index.data().toString());
        painter->restore();
        return;
    }

    const QColor color = accent(kind);
    QColor fill = pal.color(QPalette::Base);
    QColor tint = color;
    tint.setAlpha(kind == Kind::Whisper ? 40 : 22);
    QPainterPath path;
    path.addRoundedRect(l.bubble, 8, 8);
    painter->fillPath(path, fill);
    painter->fillPath(path, tint);
    if (kind == Kind::Whisper) {
        QPen dashed(color, 1.5, Qt::DashLine);
        painter->setPen(dashed);
        painter->drawPath(path);
    } else if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 1.5));
        painter->drawPath(path);
    }
    painter->fillRect(QRect(l.bubble.left(), l.bubble.top() + 6, kBar, l.bubble.height() - 12),
                      color);

    painter->setFont(headerFont(option.font));
    painter->setPen(color.darker(pal.color(QPalette::Base).lightness() > 128 ? 130 : 70));
    painter->drawText(l.header, Qt::AlignLeft | Qt::AlignVCenter,
                      index.data(TranscriptModel::HeaderRole).toString());
    painter->setFont(bodyFont(option.font, kind));
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(l.body, Qt::TextWordWrap, index.data().toString());
    painter->restore();
}
