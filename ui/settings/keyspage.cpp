#include "keyspage.h"

#include "appservices.h"
#include "baseurlgate.h"
#include "openai/clientsettings.h"
#include "secrets/keyaccesslog.h"
#include "secrets/keystore.h"
#include "secrets/keyvalidation.h"
#include "secrets/keyvalidator.h"
#include "secrets/secretoperation.h"
#include "theme/icons.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

KeysPage::KeysPage(QWidget *parent)
    : QWidget(parent)
    , m_keys(new QTreeWidget(this))
    , m_add(new QPushButton(tr("Add…"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_use(new QPushButton(tr("Use"), this))
    , m_validate(new QPushButton(tr("Validate"), this))
    , m_import(new QPushButton(tr("Import OPENAI_API_KEY"), this))
    , m_status(new QLabel(this))
    , m_log(new QListWidget(this))
{
    setAccessibleName(tr("API keys"));
    m_keys->setHeaderLabels({tr("Name"), tr("Active"), tr("Age"), tr("Base URL"), tr("Retires")});
    m_keys->setRootIsDecorated(false);
    m_keys->setAccessibleName(tr("Stored keys"));
    m_keys->header()->setStretchLastSection(true);
    m_add->setIcon(Icons::icon(QStringLiteral("key"), palette()));
    for (QPushButton *b : {m_add, m_remove, m_use, m_validate})
        b->setAccessibleName(QString(b->text()).remove(QStringLiteral("…")) + tr(" key"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Key status"));
    m_log->setAccessibleName(tr("Key access log"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_use);
    buttons->addWidget(m_validate);
    buttons->addStretch(1);
    buttons->addWidget(m_import);
    m_import->setAccessibleName(tr("Import the key from the environment"));
    m_import->setToolTip(tr("Store the key from the OPENAI_API_KEY variable in the keychain"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Keys live in the operating system's keychain; this list "
                                    "holds only their names and settings."),
                                 this));
    layout->addWidget(m_keys, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("Key access log (newest first):"), this));
    layout->addWidget(m_log, 1);

    connect(m_add, &QPushButton::clicked, this, &KeysPage::addKey);
    connect(m_remove, &QPushButton::clicked, this, &KeysPage::removeKey);
    connect(m_use, &QPushButton::clicked, this, &KeysPage::useKey);
    connect(m_validate, &QPushButton::clicked, this, &KeysPage::validateKey);
    connect(m_import, &QPushButton::clicked, this, &KeysPage::importEnvironmentKey);
}

KeysPage::~KeysPage() = default;

void KeysPage::setServices(AppServices *services)
{
    m_services = services;
    KeyStore *store = services ? services->keyStore() : nullptr;
    if (store)
        connect(store, &KeyStore::keysChanged, this, &KeysPage::reload);
    if (services && services->keyAccessLog()) {
        m_validator = new KeyValidator(services->keyAccessLog(), this);
        connect(m_validator, &KeyValidator::finished, this, &KeysPage::showValidation);
    }
    reload();
}

QString KeysPage::selectedName() const
{
    const QTreeWidgetItem *item = m_keys->currentItem();
    return item ? item->text(0) : QString();
}

void KeysPage::reload()
{
    KeyStore *store = m_services ? m_services->keyStore() : nullptr;
    for (QPushButton *b : {m_add, m_remove, m_use, m_validate})
        b->setEnabled(store != nullptr);
    m_keys->clear();
    m_log->clear();
    // First run: a key in the environment and none in the keychain is offered for import.
    m_import->setVisible(store && store->keys().isEmpty() &&
                         !qEnvironmentVariableIsEmpty("OPENAI_API_KEY"));
    if (!store) {
        m_status->setText(tr("The keychain is not in use (the key comes from OPENAI_API_KEY or "
                             "the app runs the demo)."));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // security.keyMaxAgeDays of config.json (0 = never flag).
    const int maxAgeDays = m_services ? m_services->security().keyMaxAgeDays : RotationWarningDays;
    for (const KeyMetadata &key : store->keys()) {
        auto *item = new QTreeWidgetItem(m_keys);
        item->setText(0, key.name);
        item->setText(1, key.name == store->activeName() ? tr("active") : QString());
        item->setText(2, maxAgeDays > 0 && key.ageDays(now) > maxAgeDays
                             ? tr("%n day(s) — rotate it", nullptr, int(key.ageDays(now)))
                             : tr("%n day(s)", nullptr, int(key.ageDays(now))));
        item->setText(3, key.baseUrl.isEmpty() ? tr("default") : key.baseUrl.toString());
        item->setText(4, key.retireAt.isValid() ? key.retireAt.toLocalTime().toString(Qt::ISODate)
                                                : QString());
    }
    if (KeyAccessLog *log = m_services->keyAccessLog()) {
        const QList<KeyAccessEntry> entries = log->entries(50);
        for (auto it = entries.crbegin(); it != entries.crend(); ++it)
            m_log->addItem(QStringLiteral("%1  %2  %3  %4")
                               .arg(it->time.toLocalTime().toString(Qt::ISODate), it->feature,
                                    it->keyName.isEmpty() ? QStringLiteral("-") : it->keyName,
                                    it->source));
    }
}

void KeysPage::addKey()
{
    KeyStore *store = m_services ? m_services->keyStore() : nullptr;
    if (!store)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add an API key"));
    auto *name = new QLineEdit(&dialog);
    auto *secret = new QLineEdit(&dialog);
    auto *baseUrl = new QLineEdit(&dialog);
    secret->setEchoMode(QLineEdit::Password);
    name->setPlaceholderText(tr("production"));
    baseUrl->setPlaceholderText(QStringLiteral("https://api.openai.com/v1"));
    name->setAccessibleName(tr("Key name"));
    secret->setAccessibleName(tr("Key"));
    baseUrl->setAccessibleName(tr("Base URL"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Name"), name);
    form->addRow(tr("Key"), secret);
    form->addRow(tr("Base URL"), baseUrl);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    KeyMetadata meta;
    meta.name = name->text().trimmed();
    // Plain http to another computer needs an explicit yes; invalid URLs are refused.
    if (!BaseUrlGate::ask(this, baseUrl->text(), &meta.baseUrl)) {
        m_status->setText(tr("The key was not stored: its base URL was not accepted."));
        return;
    }
    meta.createdAt = QDateTime::currentDateTimeUtc();
    if (!KeyMetadata::isValidName(meta.name)) {
        m_status->setText(tr("\"%1\" is not a valid key name: use letters, digits, '-', '_' or "
                             "'.'.")
                              .arg(meta.name));
        return;
    }
    const QByteArray key = secret->text().trimmed().toUtf8();
    secret->clear();
    if (key.isEmpty()) {
        m_status->setText(tr("The key is empty; nothing was stored."));
        return;
    }
    m_status->setText(tr("Storing %1 in the keychain…").arg(meta.name));
    SecretOperation *op = store->add(meta, key);
    connect(op, &SecretOperation::finished, this, [this, op, meta, key](const KeychainStatus &st) {
        op->deleteLater();
        if (!st.ok()) {
            m_status->setText(st.message);
            return;
        }
        m_status->setText(tr("Stored %1. Validating…").arg(meta.name));
        if (m_validator) {
            ClientSettings settings = ClientSettings::fromEnvironment();
            if (!meta.baseUrl.isEmpty())
                settings.baseUrl = meta.baseUrl;
            m_validator->validate(settings, key, meta.name);
        }
        reload();
    });
}

void KeysPage::removeKey()
{
    KeyStore *store = m_services ? m_services->keyStore() : nullptr;
    const QString name = selectedName();
    if (!store || name.isEmpty())
        return;
    SecretOperation *op = store->remove(name);
    connect(op, &SecretOperation::finished, this, [this, op, name](const KeychainStatus &st) {
        op->deleteLater();
        m_status->setText(st.ok() ? tr("Removed %1.").arg(name) : st.message);
        reload();
    });
}

void KeysPage::useKey()
{
    KeyStore *store = m_services ? m_services->keyStore() : nullptr;
    const QString name = selectedName();
    if (!store || name.isEmpty())
        return;
    QString error;
    if (store->setActive(name, &error))
        m_status->setText(tr("%1 is now the active key; restart to leave demo mode if it is "
                             "running.")
                              .arg(name));
    else
        m_status->setText(error);
    reload();
}

void KeysPage::validateKey()
{
    KeyStore *store = m_services ? m_services->keyStore() : nullptr;
    const QString name = selectedName();
    if (!store || name.isEmpty() || !m_validator)
        return;
    m_status->setText(tr("Reading %1 from the keychain…").arg(name));
    SecretOperation *op = store->readSecret(name);
    connect(op, &SecretOperation::finished, this,
            [this, op, name, store](const KeychainStatus &st) {
                op->deleteLater();
                if (!st.ok()) {
                    m_status->setText(st.message);
                    return;
                }
                ClientSettings settings = ClientSettings::fromEnvironment();
                if (auto meta = store->key(name); meta && !meta->baseUrl.isEmpty())
                    settings.baseUrl = meta->baseUrl;
                m_status->setText(tr("Validating %1…").arg(name));
                m_validator->validate(settings, op->secret(), name);
            });
}

void KeysPage::showValidation(const KeyValidation &validation)
{
    m_status->setText(
        validation.isValid()
            ? tr("Valid: the key can list %n model(s).", nullptr, int(validation.models.size()))
            : tr("%1: %2").arg(validation.statusName(), validation.message));
    reload();
}

void KeysPage::importEnvironmentKey()
{
    KeyStore *store = m_services ? m_services->keyStore() : nullptr;
    const QByteArray key = qgetenv("OPENAI_API_KEY").trimmed();
    if (!store || key.isEmpty())
        return;
    KeyMetadata meta;
    meta.name = QStringLiteral("imported");
    meta.createdAt = QDateTime::currentDateTimeUtc();
    const ClientSettings env = ClientSettings::fromEnvironment();
    if (env.baseUrl != ClientSettings().baseUrl)
        meta.baseUrl = env.baseUrl;
    meta.organization = env.organization;
    meta.project = env.project;
    m_status->setText(tr("Importing the key from OPENAI_API_KEY into the keychain…"));
    SecretOperation *op = store->add(meta, key);
    connect(op, &SecretOperation::finished, this, [this, op](const KeychainStatus &st) {
        op->deleteLater();
        m_status->setText(st.ok() ? tr("Imported as \"imported\"; it is used from the next start.")
                                  : st.message);
        reload();
    });
}
