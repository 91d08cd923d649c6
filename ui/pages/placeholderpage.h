#pragma once

#include <QWidget>

// A page whose feature is planned: a calm card that says what will be here and what already
// works elsewhere, so the navigation never leads to an empty or broken screen.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPage)

public:
    PlaceholderPage(const QString &iconName, const QString &title, const QString &body,
                    QWidget *parent = nullptr);
};
