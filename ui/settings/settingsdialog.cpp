#include "settingsdialog.h"

#include "settingswidget.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(UiSettings *settings, AppServices *services, QWidget *parent)
    : QDialog(parent)
    , m_widget(new SettingsWidget(settings, this))
{
    setWindowTitle(tr("Preferences"));
    m_widget->setServices(services);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    layout->addWidget(buttons);
    resize(720, 560);
}
