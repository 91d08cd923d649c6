#pragma once

#include <QDialog>

class AppServices;
class SettingsWidget;
class UiSettings;

// The settings in a dialog (Preferences, Ctrl+,): the same SettingsWidget as the Settings page.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(UiSettings *settings, AppServices *services, QWidget *parent = nullptr);
    SettingsWidget *widget() const { return m_widget; }

private:
    SettingsWidget *m_widget;
};
