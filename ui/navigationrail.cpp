#include "navigationrail.h"

#include "theme/icons.h"

#include <QButtonGroup>
#include <QToolButton>
#include <QVBoxLayout>

NavigationRail::NavigationRail(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_group(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("navigationRail"));
    setAccessibleName(tr("Navigation"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_layout->setContentsMargins(6, 10, 6, 10);
    m_layout->setSpacing(4);
    m_layout->addStretch(1);
    m_group->setExclusive(true);
    connect(m_group, &QButtonGroup::idClicked, this, &NavigationRail::currentChanged);
}

int NavigationRail::addDestination(const QString &iconName, const QString &label,
                                   const QString &toolTip)
{
    auto *button = new QToolButton(this);
    button->setText(label);
    button->setToolTip(toolTip);
    button->setAccessibleName(label);
    button->setAccessibleDescription(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    button->setIconSize(QSize(26, 26));
    button->setMinimumWidth(84);
    button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    button->setIcon(Icons::icon(iconName, palette()));
    const int index = int(m_buttons.size());
    m_group->addButton(button, index);
    m_layout->insertWidget(index, button);
    m_buttons << button;
    m_iconNames << iconName;
    if (index == 0)
        button->setChecked(true);
    return index;
}

void NavigationRail::setCurrentIndex(int index)
{
    if (QToolButton *button = m_buttons.value(index))
        button->setChecked(true);
}

int NavigationRail::currentIndex() const
{
    return m_group->checkedId();
}

void NavigationRail::refreshIcons()
{
    for (qsizetype i = 0; i < m_buttons.size(); ++i)
        m_buttons.at(i)->setIcon(Icons::icon(m_iconNames.at(i), palette()));
}
