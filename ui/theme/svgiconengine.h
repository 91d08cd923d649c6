#pragma once

#include <QByteArray>
#include <QIconEngine>

// Renders one SVG at whatever size and device pixel ratio is asked, so icons stay sharp on
// high-DPI screens; `currentColor` in the SVG is replaced by the colour given.
class SvgIconEngine final : public QIconEngine
{
public:
    SvgIconEngine(const QByteArray &svg, const QColor &color, const QColor &disabledColor);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override { return QStringLiteral("voiceai-svg"); }

private:
    QByteArray m_svg;
    QByteArray m_disabledSvg;
};
