#include "wallboardpage.h"

#include "appservices.h"
#include "calls/callsession.h"
#include "callstablemodel.h"
#include "risksortproxy.h"
#include "theme/icons.h"
#include "uisettings.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

WallboardPage::WallboardPage(UiSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_model(new CallsTableModel(this))
    , m_proxy(new RiskSortProxy(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_showEnded(new QCheckBox(tr("Show ended calls"), this))
    , m_jump(new QPushButton(tr("Riskiest call"), this))
    , m_newDemo(new QPushButton(tr("New demo call"), this))
    , m_summary(new QLabel(this))
    , m_emptyHint(new QLabel(this))
{
    setObjectName(QStringLiteral("wallboardPage"));
    setAccessibleName(tr("Live calls"));
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("wallboardTable"));
    m_view->setAccessibleName(tr("Calls in progress"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CallsTableModel::Risk, Qt::DescendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(28);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const QList<int> widths = {120, 110, 210, 120, 64, 46, 140, 200, 130, 170, 90};
    for (int i = 0; i < widths.size(); ++i)
        m_view->setColumnWidth(i, widths.at(i));

    m_filter->setPlaceholderText(tr("Filter by customer, campaign or purpose"));
    m_filter->setAccessibleName(tr("Filter calls"));
    m_filter->setClearButtonEnabled(true);
    m_showEnded->setChecked(true);
    m_jump->setIcon(Icons::icon(QStringLiteral("jump-risk"), palette()));
    m_jump->setToolTip(tr("Open the call with the highest risk (Ctrl+J)"));
    m_jump->setAccessibleName(tr("Jump to the riskiest call"));
    m_newDemo->setToolTip(tr("Start another simulated call (Ctrl+N)"));
    m_newDemo->setAccessibleName(tr("Start a demo call"));
    m_newDemo->setVisible(false);
    m_summary->setAccessibleName(tr("Summary"));
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    big.setBold(true);
    m_summary->setFont(big);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary);
    bar->addStretch(1);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_showEnded);
    bar->addWidget(m_newDemo);
    bar->addWidget(m_jump);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_emptyHint);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RiskSortProxy::setText);
    connect(m_showEnded, &QCheckBox::toggled, m_proxy, &RiskSortProxy::setShowEnded);
    connect(m_view, &QTableView::activated, this, &WallboardPage::openIndex);
    connect(m_view, &QTableView::doubleClicked, this, &WallboardPage::openIndex);
    connect(m_jump, &QPushButton::clicked, this, [this] {
        if (CallSession *s = riskiestSession())
            emit openCallRequested(s);
    });
    connect(m_newDemo, &QPushButton::clicked, this, [this] {
        if (m_services)
            m_services->startDemoCalls(1);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WallboardPage::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WallboardPage::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WallboardPage::updateSummary);
    updateSummary();
}

void WallboardPage::setServices(AppServices *services)
{
    m_services = services;
    if (services)
        m_model->setCallManager(services->calls());
    m_newDemo->setVisible(services && services->isDemo() && services->calls());
    updateSummary();
}

void WallboardPage::openIndex(const QModelIndex &proxyIndex)
{
    if (auto *session = proxyIndex.data(CallsTableModel::SessionRole).value<CallSession *>())
        emit openCallRequested(session);
}

CallSession *WallboardPage::riskiestSession() const
{
    CallSession *best = nullptr;
    int bestScore = -1;
    qint64 bestDuration = -1;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        CallSession *s = m_model->session(row);
        if (!s || s->state() == CallState::Ended)
            continue;
        const int score = m_model->risk(row).score;
        const qint64 duration = m_model->index(row, CallsTableModel::Duration)
                                    .data(CallsTableModel::SortRole)
                                    .toLongLong();
        if (score > bestScore || (score == bestScore && duration > bestDuration)) {
            best = s;
            bestScore = score;
            bestDuration = duration;
        }
    }
    return best;
}

int WallboardPage::liveCount() const
{
    return m_model->liveCount();
}

int WallboardPage::highRiskCount() const
{
    int count = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (!m_model->index(row, 0).data(CallsTableModel::EndedRole).toBool() &&
            m_model->risk(row).score >= m_settings->alertThreshold())
            ++count;
    return count;
}

void WallboardPage::updateSummary()
{
    const int live = liveCount();
    const int high = highRiskCount();
    m_summary->setText(high > 0 ? tr("%n live call(s)", nullptr, live) + QStringLiteral(" · ") +
                                      tr("%n need(s) attention", nullptr, high)
                                : tr("%n live call(s)", nullptr, live));
    m_jump->setEnabled(live > 0);
    if (m_model->rowCount() == 0) {
        m_emptyHint->setText(m_services && m_services->isDemo()
                                 ? tr("No calls yet. Demo calls start in a moment; press \"New "
                                      "demo call\" for more.")
                                 : tr("No calls in progress."));
        m_emptyHint->show();
    } else {
        m_emptyHint->hide();
    }
    emit countsChanged();
}
