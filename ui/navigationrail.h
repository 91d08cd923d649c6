#pragma once

#include <QList>
#include <QWidget>

class QButtonGroup;
class QToolButton;
class QVBoxLayout;

// The vertical navigation rail on the left of the main window: one checkable button per page,
// icon above a short label, keyboard reachable (Ctrl+1..9 are set by the window).
class NavigationRail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationRail)

public:
    explicit NavigationRail(QWidget *parent = nullptr);

    // Adds a destination; returns its index.
    int addDestination(const QString &iconName, const QString &label, const QString &toolTip);
    void setCurrentIndex(int index);
    int currentIndex() const;
    int count() const { return int(m_buttons.size()); }
    QToolButton *button(int index) const { return m_buttons.value(index); }
    // Re-draws the icons in the current palette's colours.
    void refreshIcons();

signals:
    void currentChanged(int index);

private:
    QVBoxLayout *m_layout;
    QButtonGroup *m_group;
    QList<QToolButton *> m_buttons;
    QList<QString> m_iconNames;
};
