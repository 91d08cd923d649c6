#pragma once

#include <QWidget>

class AppServices;
class KeysPage;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class UiSettings;

// The settings, grouped in tabs: general (supervisor name, theme, demo floor), models and their
// parameters, budgets and limits, alerts, keys (keychain), and the data folder and retention.
// Changes are saved as they are made; those that need a restart say so.
class SettingsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsWidget)

public:
    explicit SettingsWidget(UiSettings *settings, QWidget *parent = nullptr);

    void setServices(AppServices *services);
    QTabWidget *tabs() const { return m_tabs; }
    KeysPage *keysPage() const { return m_keys; }

private:
    QWidget *generalTab();
    QWidget *modelsTab();
    QWidget *budgetTab();
    QWidget *alertsTab();
    QWidget *dataTab();
    void applyRetentionNow();

    UiSettings *m_settings;
    AppServices *m_services = nullptr;
    QTabWidget *m_tabs;
    KeysPage *m_keys;
    QLabel *m_dataStatus = nullptr;
};
