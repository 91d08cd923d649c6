#pragma once

#include "uisettings.h"

#include <QObject>
#include <QPalette>

class QApplication;

// Applies a light or dark palette: the one the user chose, or, for "System", the one that
// matches the platform's own palette, and follows the platform when it changes.
class ThemeManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThemeManager)

public:
    ThemeManager(QApplication *app, UiSettings *settings, QObject *parent = nullptr);

    void apply();
    bool isDark() const { return m_dark; }

    static QPalette lightPalette();
    static QPalette darkPalette();
    // True when the platform's default palette has a dark window background.
    static bool systemPrefersDark(const QPalette &systemPalette);
    static bool detectSystemDark();

signals:
    void themeApplied(bool dark);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QApplication *m_app;
    UiSettings *m_settings;
    bool m_systemDark = false;
    bool m_dark = false;
    bool m_applying = false;
};
