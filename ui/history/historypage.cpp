#include "historypage.h"

#include "appservices.h"
#include "calls/callcontext.h"
#include "calls/callmanager.h"
#include "calls/callsession.h"
#include "calls/redactor.h"
#include "calls/scenario.h"
#include "common/apppaths.h"
#include "store/eventkinds.h"
#include "store/sqlitestore.h"
#include "store/transcriptexporter.h"
#include "theme/icons.h"
#include "uisettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

HistoryPage::HistoryPage(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_useDates(new QCheckBox(tr("Between"), this))
    , m_from(new QDateEdit(QDate::currentDate().addDays(-30), this))
    , m_to(new QDateEdit(QDate::currentDate(), this))
    , m_campaign(new QComboBox(this))
    , m_outcome(new QComboBox(this))
    , m_promptVersion(new QSpinBox(this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_export(new QPushButton(tr("Export…"), this))
    , m_regression(new QPushButton(tr("Make regression test…"), this))
    , m_unmasked(new QCheckBox(tr("Export without masking personal data (audited)"), this))
    , m_status(new QLabel(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_view(new QTableView(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("historyPage"));
    setAccessibleName(tr("History"));
    m_search->setPlaceholderText(tr("Search the transcripts (full text)"));
    m_search->setAccessibleName(tr("Search transcripts"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::icon(QStringLiteral("search"), palette()),
                        QLineEdit::LeadingPosition);
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    m_campaign->setEditable(true);
    m_campaign->setAccessibleName(tr("Campaign"));
    m_campaign->lineEdit()->setPlaceholderText(tr("Any campaign"));
    m_outcome->setEditable(true);
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->lineEdit()->setPlaceholderText(tr("Any outcome"));
    m_promptVersion->setRange(0, 9999);
    m_promptVersion->setSpecialValueText(tr("Any"));
    m_promptVersion->setAccessibleName(tr("Prompt version"));
    m_open->setIcon(Icons::icon(QStringLiteral("history"), palette()));
    m_export->setIcon(Icons::icon(QStringLiteral("export"), palette()));
    m_regression->setIcon(Icons::icon(QStringLiteral("regression"), palette()));
    m_open->setAccessibleName(tr("Open the call"));
    m_export->setAccessibleName(tr("Export the call"));
    m_regression->setAccessibleName(tr("Make a regression test from the call"));
    m_regression->setToolTip(tr("Save the customer's lines as a scenario for prompt tests"));
    m_status->setAccessibleName(tr("History status"));

    m_model->setHorizontalHeaderLabels({tr("Started"), tr("Customer"), tr("Campaign"),
                                        tr("Purpose"), tr("Outcome"), tr("Turns"), tr("Cost"),
                                        tr("Prompt")});
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("historyTable"));
    m_view->setAccessibleName(tr("Past calls"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(Started, 150);
    m_view->setColumnWidth(Customer, 140);
    m_view->setColumnWidth(Purpose, 260);
    m_view->setColumnWidth(Outcome, 170);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_useDates);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(m_campaign, 1);
    filters->addWidget(m_outcome, 1);
    filters->addWidget(new QLabel(tr("Prompt v"), this));
    filters->addWidget(m_promptVersion);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_open);
    actions->addWidget(m_export);
    actions->addWidget(m_unmasked);
    actions->addStretch(1);
    actions->addWidget(m_regression);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    layout->addWidget(m_status);

    // Searching as you type, debounced so each keystroke does not hit the database.
    QTimer *debounce = m_debounce;
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(debounce, &QTimer::timeout, this, &HistoryPage::refresh);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &HistoryPage::refresh);
    connect(m_useDates, &QCheckBox::toggled, this, &HistoryPage::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryPage::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryPage::refresh);
    connect(m_campaign, &QComboBox::currentTextChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_outcome, &QComboBox::currentTextChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_promptVersion, &QSpinBox::valueChanged, this, &HistoryPage::refresh);
    connect(m_open, &QPushButton::clicked, this, &HistoryPage::openSelected);
    connect(m_view, &QTableView::activated, this, &HistoryPage::openSelected);
    connect(m_export, &QPushButton::clicked, this, &HistoryPage::exportSelected);
    connect(m_regression, &QPushButton::clicked, this, &HistoryPage::regressionFromSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPage::updateButtons);
    updateButtons();
}

void HistoryPage::setServices(AppServices *services)
{
    m_services = services;
    if (services && services->calls()) {
        // Finished calls show up without a manual refresh.
        connect(services->calls(), &CallManager::callEnded, m_debounce,
                qOverload<>(&QTimer::start));
        connect(services->calls(), &CallManager::callStarted, m_debounce,
                qOverload<>(&QTimer::start));
    }
    refresh();
}

CallFilter HistoryPage::currentFilter() const
{
    CallFilter filter;
    filter.text = m_search->text().trimmed();
    if (m_useDates->isChecked()) {
        filter.from = m_from->date().startOfDay();
        filter.to = m_to->date().addDays(1).startOfDay();
    }
    filter.campaign = m_campaign->currentText().trimmed();
    filter.endReason = m_outcome->currentText().trimmed();
    filter.promptVersion = m_promptVersion->value();
    filter.limit = 1000;
    return filter;
}

void HistoryPage::refresh()
{
    SqliteStore *store = m_services ? m_services->store() : nullptr;
    if (!store) {
        m_status->setText(tr("The call store is not available."));
        return;
    }
    const QString selected = selectedCallId();
    const QList<CallRecord> calls = store->listCalls(currentFilter());
    m_model->removeRows(0, m_model->rowCount());
    QStringList campaigns;
    QStringList outcomes;
    for (const CallRecord &call : calls) {
        QList<QStandardItem *> row;
        auto *started = new QStandardItem(
            call.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        started->setData(call.id, Qt::UserRole);
        row << started << new QStandardItem(call.customerName) << new QStandardItem(call.campaign)
            << new QStandardItem(call.purpose)
            << new QStandardItem(call.state == QLatin1String("ended") ? call.endReason
                                                                      : call.state);
        auto *turns = new QStandardItem;
        turns->setData(call.totals.turns, Qt::DisplayRole);
        auto *cost = new QStandardItem(QStringLiteral("$%1").arg(call.totals.costUsd, 0, 'f', 4));
        row << turns << cost
            << new QStandardItem(
                   QStringLiteral("%1 v%2").arg(call.promptName).arg(call.promptVersion));
        m_model->appendRow(row);
        if (!call.campaign.isEmpty() && !campaigns.contains(call.campaign))
            campaigns << call.campaign;
        if (!call.endReason.isEmpty() && !outcomes.contains(call.endReason))
            outcomes << call.endReason;
    }
    // Offer what exists as choices without disturbing what the user typed.
    for (auto [combo, values] :
         {std::pair{m_campaign, campaigns}, std::pair{m_outcome, outcomes}}) {
        for (const QString &value : values)
            if (combo->findText(value) < 0)
                combo->addItem(value);
    }
    m_status->setText(tr("%n call(s)", nullptr, int(calls.size())));
    if (!selected.isEmpty())
        selectCall(selected);
    updateButtons();
}

QString HistoryPage::selectedCallId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(Started);
    return rows.isEmpty() ? QString() : rows.first().data(Qt::UserRole).toString();
}

void HistoryPage::selectCall(const QString &callId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row, Started)->data(Qt::UserRole).toString() == callId) {
            m_view->selectRow(row);
            return;
        }
    }
}

void HistoryPage::updateButtons()
{
    const bool any = !selectedCallId().isEmpty();
    m_open->setEnabled(any);
    m_export->setEnabled(any);
    m_regression->setEnabled(any);
}

void HistoryPage::openSelected()
{
    const QString id = selectedCallId();
    if (!id.isEmpty())
        emit openCallRequested(id);
}

bool HistoryPage::exportCall(const QString &callId, const QString &format, const QString &path,
                             bool unmasked, QString *error)
{
    SqliteStore *store = m_services ? m_services->store() : nullptr;
    TranscriptExporter::Format fmt;
    if (!TranscriptExporter::parseFormat(format, &fmt)) {
        *error = tr("Unknown export format \"%1\" (use md, json or csv).").arg(format);
        return false;
    }
    const std::optional<CallRecord> call = store ? store->call(callId) : std::nullopt;
    if (!call) {
        *error = tr("Call %1 is not in the store.").arg(callId);
        return false;
    }
    TranscriptExporter::Mask mask;
    if (!unmasked) {
        auto redactor = std::make_shared<Redactor>();
        mask = [redactor](const QString &text) { return redactor->maskForExport(text); };
    }
    const QByteArray bytes = TranscriptExporter(mask).render(fmt, *call, store->events(callId));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (unmasked) {
        AuditRecord record;
        record.actor = QStringLiteral("supervisor:") + m_services->settings()->supervisorName();
        record.action = QStringLiteral("export.unmasked");
        record.target = callId;
        record.details = {{QStringLiteral("format"), format}, {QStringLiteral("path"), path}};
        store->append(record);
    }
    return true;
}

void HistoryPage::exportSelected()
{
    const QString id = selectedCallId();
    if (id.isEmpty())
        return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export call"), QDir::home().filePath(QStringLiteral("call-%1.md").arg(id)),
        tr("Markdown (*.md);;JSON (*.json);;CSV (*.csv)"), &filter);
    if (path.isEmpty())
        return;
    QString format = QFileInfo(path).suffix().toLower();
    if (format != QLatin1String("json") && format != QLatin1String("csv"))
        format = QStringLiteral("md");
    QString error;
    if (exportCall(id, format, path, m_unmasked->isChecked(), &error))
        m_status->setText(tr("Exported to %1").arg(path));
    else
        m_status->setText(error);
}

bool HistoryPage::writeRegressionScenario(const QString &callId, const QString &path,
                                          QString *error)
{
    SqliteStore *store = m_services ? m_services->store() : nullptr;
    const std::optional<CallRecord> call = store ? store->call(callId) : std::nullopt;
    if (!call) {
        *error = tr("Call %1 is not in the store.").arg(callId);
        return false;
    }
    Scenario scenario;
    scenario.name = QStringLiteral("regression-%1").arg(callId);
    scenario.description = tr("Customer lines of call %1 (%2), replayed as a regression test.")
                               .arg(callId, call->startedAt.toString(Qt::ISODate));
    QString contextError;
    if (auto context = CallContext::fromJson(call->contextJson, &contextError))
        scenario.context = *context;
    scenario.promptName = call->promptName.isEmpty() ? scenario.promptName : call->promptName;
    scenario.promptVersion = call->promptVersion;
    for (const CallEvent &event : store->events(callId))
        if (event.kind == EventKind::CustomerUtterance)
            scenario.scriptedLines << event.payload.value(QLatin1String("text")).toString();
    if (scenario.scriptedLines.isEmpty()) {
        *error = tr("Call %1 has no customer lines to replay.").arg(callId);
        return false;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(scenario.toJson()).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void HistoryPage::regressionFromSelected()
{
    const QString id = selectedCallId();
    if (id.isEmpty() || !m_services)
        return;
    const QString suggested = QDir(m_services->dataDir())
                                  .filePath(QStringLiteral("scenarios/regression-%1.json").arg(id));
    QDir().mkpath(QFileInfo(suggested).absolutePath());
    const QString path = QFileDialog::getSaveFileName(this, tr("Save regression scenario"),
                                                      suggested, tr("Scenario (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (writeRegressionScenario(id, path, &error))
        m_status->setText(
            tr("Saved the scenario to %1 (run it with voiceai-cli call --scenario).").arg(path));
    else
        m_status->setText(error);
}
