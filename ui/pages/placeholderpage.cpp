#include "placeholderpage.h"

#include "theme/icons.h"

#include <QLabel>
#include <QVBoxLayout>

PlaceholderPage::PlaceholderPage(const QString &iconName, const QString &title, const QString &body,
                                 QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(title);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::icon(iconName, palette()).pixmap(QSize(56, 56)));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    auto *heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);
    layout->addWidget(heading);
    auto *text = new QLabel(body, this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(560);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}
