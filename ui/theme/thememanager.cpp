#include "thememanager.h"

#include <QApplication>
#include <QEvent>
#include <QStyle>
#include <QStyleFactory>

ThemeManager::ThemeManager(QApplication *app, UiSettings *settings, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_settings(settings)
    , m_systemDark(detectSystemDark())
{
    // Fusion draws our palettes faithfully on every platform.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    connect(m_settings, &UiSettings::themeChanged, this, &ThemeManager::apply);
    m_app->installEventFilter(this);
}

bool ThemeManager::detectSystemDark()
{
    // Qt 6.4 has no colour-scheme hint yet: read the platform's palette (before we replace it)
    // and the GTK theme name that GNOME and most desktops export.
    if (qEnvironmentVariable("GTK_THEME").contains(QLatin1String(":dark"), Qt::CaseInsensitive))
        return true;
    return systemPrefersDark(QGuiApplication::palette());
}

bool ThemeManager::systemPrefersDark(const QPalette &systemPalette)
{
    return systemPalette.color(QPalette::Window).lightness() < 128;
}

QPalette ThemeManager::lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf5, 0xf6, 0xf8));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xee, 0xf1, 0xf5));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Button, QColor(0xea, 0xec, 0xef));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8));
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x86, 0x8f));
    p.setColor(QPalette::Link, QColor(0x25, 0x63, 0xeb));
    p.setColor(QPalette::Mid, QColor(0xc8, 0xcc, 0xd2));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa5, 0xad));
    return p;
}

QPalette ThemeManager::darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1e, 0x21, 0x26));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Base, QColor(0x16, 0x18, 0x1c));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x27, 0x2e));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x90, 0x99));
    p.setColor(QPalette::Link, QColor(0x60, 0xa5, 0xfa));
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::Dark, QColor(0x10, 0x12, 0x15));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6b, 0x71, 0x7a));
    return p;
}

void ThemeManager::apply()
{
    bool dark = false;
    switch (m_settings->theme()) {
    case UiSettings::Theme::Light:
        dark = false;
        break;
    case UiSettings::Theme::Dark:
        dark = true;
        break;
    case UiSettings::Theme::System:
        dark = m_systemDark;
        break;
    }
    m_dark = dark;
    m_applying = true;
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    m_applying = false;
    emit themeApplied(dark);
}

bool ThemeManager::eventFilter(QObject *watched, QEvent *event)
{
    // The platform changed its theme: follow it when the user asked for "System".
    if (watched == m_app && event->type() == QEvent::ThemeChange && !m_applying) {
        m_systemDark = detectSystemDark();
        if (m_settings->theme() == UiSettings::Theme::System)
            apply();
    }
    return QObject::eventFilter(watched, event);
}
