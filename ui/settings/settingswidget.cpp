#include "settingswidget.h"

#include "appservices.h"
#include "keyspage.h"
#include "store/sqlitestore.h"
#include "uisettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    return label;
}
} // namespace

SettingsWidget::SettingsWidget(UiSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_tabs(new QTabWidget(this))
    , m_keys(new KeysPage(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    setAccessibleName(tr("Settings"));
    m_tabs->setAccessibleName(tr("Settings sections"));
    m_tabs->addTab(generalTab(), tr("General"));
    m_tabs->addTab(modelsTab(), tr("Models"));
    m_tabs->addTab(budgetTab(), tr("Budgets && limits"));
    m_tabs->addTab(alertsTab(), tr("Alerts"));
    m_tabs->addTab(m_keys, tr("Keys"));
    m_tabs->addTab(dataTab(), tr("Data"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
}

void SettingsWidget::setServices(AppServices *services)
{
    m_services = services;
    m_keys->setServices(services);
    if (m_dataStatus && services)
        m_dataStatus->setText(tr("In use: %1").arg(services->dataDir()));
}

QWidget *SettingsWidget::generalTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *name = new QLineEdit(m_settings->supervisorName(), page);
    name->setAccessibleName(tr("Supervisor name"));
    connect(name, &QLineEdit::editingFinished, this,
            [this, name] { m_settings->setSupervisorName(name->text()); });
    form->addRow(tr("Your name (in the audit trail)"), name);

    auto *theme = new QComboBox(page);
    theme->setAccessibleName(tr("Theme"));
    theme->addItem(tr("Follow the system"), int(UiSettings::Theme::System));
    theme->addItem(tr("Light"), int(UiSettings::Theme::Light));
    theme->addItem(tr("Dark"), int(UiSettings::Theme::Dark));
    theme->setCurrentIndex(theme->findData(int(m_settings->theme())));
    connect(theme, &QComboBox::currentIndexChanged, this, [this, theme] {
        m_settings->setTheme(UiSettings::Theme(theme->currentData().toInt()));
    });
    form->addRow(tr("Theme"), theme);

    auto *demo = new QSpinBox(page);
    demo->setRange(0, 200);
    demo->setValue(m_settings->demoCalls());
    demo->setAccessibleName(tr("Demo calls at start"));
    connect(demo, &QSpinBox::valueChanged, m_settings, &UiSettings::setDemoCalls);
    form->addRow(tr("Simulated calls at start (demo mode)"), demo);
    return page;
}

QWidget *SettingsWidget::modelsTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *primary = new QLineEdit(m_settings->primaryModel(), page);
    auto *fallback = new QLineEdit(m_settings->fallbackModel(), page);
    primary->setAccessibleName(tr("Primary model"));
    fallback->setAccessibleName(tr("Fallback model"));
    connect(primary, &QLineEdit::editingFinished, this,
            [this, primary] { m_settings->setPrimaryModel(primary->text()); });
    connect(fallback, &QLineEdit::editingFinished, this,
            [this, fallback] { m_settings->setFallbackModel(fallback->text()); });
    auto *temperature = new QDoubleSpinBox(page);
    temperature->setRange(0.0, 2.0);
    temperature->setSingleStep(0.1);
    temperature->setValue(m_settings->temperature());
    temperature->setAccessibleName(tr("Temperature"));
    connect(temperature, &QDoubleSpinBox::valueChanged, m_settings, &UiSettings::setTemperature);
    auto *maxTokens = new QSpinBox(page);
    maxTokens->setRange(16, 128000);
    maxTokens->setValue(m_settings->maxTokensPerTurn());
    maxTokens->setAccessibleName(tr("Maximum tokens per turn"));
    connect(maxTokens, &QSpinBox::valueChanged, m_settings, &UiSettings::setMaxTokensPerTurn);
    form->addRow(tr("Primary model"), primary);
    form->addRow(tr("Fallback model"), fallback);
    form->addRow(tr("Temperature"), temperature);
    form->addRow(tr("Max tokens per turn"), maxTokens);
    form->addRow(note(tr("Other parameters (top_p, penalties, user) come from the config file's "
                         "\"models\" object. Model changes apply to calls started after a "
                         "restart."),
                      page));
    return page;
}

QWidget *SettingsWidget::budgetTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *tokens = new QSpinBox(page);
    tokens->setRange(100, 10000000);
    tokens->setSingleStep(1000);
    tokens->setValue(m_settings->tokensPerCall());
    tokens->setAccessibleName(tr("Tokens per call"));
    connect(tokens, &QSpinBox::valueChanged, m_settings, &UiSettings::setTokensPerCall);
    auto *cost = new QDoubleSpinBox(page);
    cost->setRange(0.0, 1000.0);
    cost->setDecimals(2);
    cost->setPrefix(QStringLiteral("$"));
    cost->setSpecialValueText(tr("No cap"));
    cost->setValue(m_settings->costCapUsd());
    cost->setAccessibleName(tr("Cost cap per call"));
    connect(cost, &QDoubleSpinBox::valueChanged, m_settings, &UiSettings::setCostCapUsd);
    auto *concurrent = new QSpinBox(page);
    concurrent->setRange(1, 256);
    concurrent->setValue(m_settings->maxConcurrent());
    concurrent->setAccessibleName(tr("Concurrent requests"));
    connect(concurrent, &QSpinBox::valueChanged, m_settings, &UiSettings::setMaxConcurrent);
    auto *rpm = new QSpinBox(page);
    rpm->setRange(0, 100000);
    rpm->setSpecialValueText(tr("No limit"));
    rpm->setValue(m_settings->requestsPerMinute());
    rpm->setAccessibleName(tr("Requests per minute"));
    connect(rpm, &QSpinBox::valueChanged, m_settings, &UiSettings::setRequestsPerMinute);
    form->addRow(tr("Tokens per call"), tokens);
    form->addRow(tr("Cost cap per call"), cost);
    form->addRow(tr("Concurrent requests"), concurrent);
    form->addRow(tr("Requests per minute"), rpm);
    form->addRow(
        note(tr("Budgets apply to calls started from now on; limits after a restart."), page));
    return page;
}

QWidget *SettingsWidget::alertsTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *threshold = new QSpinBox(page);
    threshold->setRange(1, 100);
    threshold->setValue(m_settings->alertThreshold());
    threshold->setAccessibleName(tr("Alert threshold"));
    connect(threshold, &QSpinBox::valueChanged, m_settings, &UiSettings::setAlertThreshold);
    auto *desktop = new QCheckBox(tr("Desktop notification"), page);
    desktop->setChecked(m_settings->alertDesktop());
    connect(desktop, &QCheckBox::toggled, m_settings, &UiSettings::setAlertDesktop);
    auto *sound = new QCheckBox(tr("Sound"), page);
    sound->setChecked(m_settings->alertSound());
    connect(sound, &QCheckBox::toggled, m_settings, &UiSettings::setAlertSound);
    form->addRow(tr("Alert when a call's risk reaches"), threshold);
    form->addRow(QString(), desktop);
    form->addRow(QString(), sound);
    form->addRow(note(tr("Risk is 0–100: a request for a human or a compliance flag alone is about "
                         "40; negative sentiment, looping, silence, budget, fallback and slow "
                         "turns add to it. Alerts always appear in the Alerts panel."),
                      page));
    return page;
}

QWidget *SettingsWidget::dataTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *dir = new QLineEdit(m_settings->dataDir(), page);
    dir->setPlaceholderText(tr("The platform's application data folder"));
    dir->setAccessibleName(tr("Data folder"));
    connect(dir, &QLineEdit::editingFinished, this,
            [this, dir] { m_settings->setDataDir(dir->text()); });
    auto *browse = new QPushButton(tr("Choose…"), page);
    browse->setAccessibleName(tr("Choose the data folder"));
    connect(browse, &QPushButton::clicked, this, [this, dir] {
        const QString chosen =
            QFileDialog::getExistingDirectory(this, tr("Data folder"), dir->text());
        if (!chosen.isEmpty()) {
            dir->setText(chosen);
            m_settings->setDataDir(chosen);
        }
    });
    auto *row = new QHBoxLayout;
    row->addWidget(dir, 1);
    row->addWidget(browse);
    auto *retention = new QSpinBox(page);
    retention->setRange(0, 3650);
    retention->setSuffix(tr(" days"));
    retention->setSpecialValueText(tr("Keep forever"));
    retention->setValue(m_settings->retentionDays());
    retention->setAccessibleName(tr("Retention"));
    connect(retention, &QSpinBox::valueChanged, m_settings, &UiSettings::setRetentionDays);
    auto *apply = new QPushButton(tr("Delete older transcripts now"), page);
    apply->setAccessibleName(tr("Apply retention now"));
    connect(apply, &QPushButton::clicked, this, &SettingsWidget::applyRetentionNow);
    m_dataStatus = new QLabel(page);
    m_dataStatus->setWordWrap(true);
    form->addRow(tr("Data folder"), row);
    form->addRow(tr("Keep transcripts"), retention);
    form->addRow(QString(), apply);
    form->addRow(m_dataStatus);
    form->addRow(note(tr("A new data folder is used after a restart (VOICEAI_DATA_DIR overrides "
                         "it). Retention also runs at every start."),
                      page));
    return page;
}

void SettingsWidget::applyRetentionNow()
{
    SqliteStore *store = m_services ? m_services->store() : nullptr;
    const int days = m_settings->retentionDays();
    if (!store || days <= 0) {
        m_dataStatus->setText(days <= 0 ? tr("Retention is off: transcripts are kept.")
                                        : tr("The call store is not available."));
        return;
    }
    const int deleted = store->deleteCallsOlderThan(days);
    m_dataStatus->setText(
        deleted < 0 ? store->lastError()
                    : tr("Deleted %n call(s) older than the retention period.", nullptr, deleted));
}
