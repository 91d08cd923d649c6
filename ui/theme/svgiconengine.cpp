#include "svgiconengine.h"

#include <QColor>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace {
QByteArray recolor(const QByteArray &svg, const QColor &color)
{
    QByteArray out = svg;
    return out.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
}
} // namespace

SvgIconEngine::SvgIconEngine(const QByteArray &svg, const QColor &color,
                             const QColor &disabledColor)
    : m_svg(recolor(svg, color))
    , m_disabledSvg(recolor(svg, disabledColor))
{}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                          QIcon::State state)
{
    Q_UNUSED(state)
    QSvgRenderer renderer(mode == QIcon::Disabled ? m_disabledSvg : m_svg);
    renderer.render(painter, rect);
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    return pixmap;
}

QIconEngine *SvgIconEngine::clone() const
{
    auto *copy = new SvgIconEngine(QByteArray(), QColor(), QColor());
    copy->m_svg = m_svg;
    copy->m_disabledSvg = m_disabledSvg;
    return copy;
}
