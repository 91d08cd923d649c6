#include "callmonitorpage.h"

#include "appservices.h"
#include "calls/callsession.h"
#include "contextcard.h"
#include "costmeter.h"
#include "interventionbar.h"
#include "latencystrip.h"
#include "store/eventkinds.h"
#include "theme/icons.h"
#include "transcriptdelegate.h"
#include "transcriptmodel.h"
#include "uisettings.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

namespace {
QGroupBox *group(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}
} // namespace

CallMonitorPage::CallMonitorPage(UiSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_model(new TranscriptModel(this))
    , m_delegate(new TranscriptDelegate(this))
    , m_view(new QListView(this))
    , m_back(new QPushButton(this))
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_context(new ContextCard(this))
    , m_cost(new CostMeter(this))
    , m_latency(new LatencyStrip(this))
    , m_bar(new InterventionBar(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("callMonitorPage"));
    setAccessibleName(tr("Call monitor"));
    m_view->setObjectName(QStringLiteral("transcriptView"));
    m_view->setAccessibleName(tr("Transcript"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setWordWrap(true);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setResizeMode(QListView::Adjust);
    // Long calls: lay rows out in batches so opening a 5,000-turn call never blocks a frame.
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(200);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setFrameShape(QFrame::NoFrame);

    m_back->setIcon(Icons::icon(QStringLiteral("back"), palette()));
    m_back->setText(tr("Back"));
    m_back->setAccessibleName(tr("Back to the list"));
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(tr("Call"));
    m_state->setAccessibleName(tr("Call state"));
    m_hint->setAccessibleName(tr("Hint"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_back);
    header->addWidget(m_title, 1);
    header->addWidget(m_state);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_bar);
    leftLayout->addWidget(m_hint);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(group(tr("Context"), m_context, side));
    sideLayout->addWidget(group(tr("Budget"), m_cost, side));
    sideLayout->addWidget(group(tr("Latency per turn"), m_latency, side));
    sideLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(side);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(340);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("monitorSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_back, &QPushButton::clicked, this, [this] { emit backRequested(m_readOnly); });
    connect(m_bar, &InterventionBar::hint, m_hint, &QLabel::setText);
    // Follow the newest turn unless the supervisor scrolled up to read.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value >= m_view->verticalScrollBar()->maximum() - 4; });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            &CallMonitorPage::scrollToEndIfFollowing);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            &CallMonitorPage::scrollToEndIfFollowing);
    m_statsTimer.setInterval(200);
    m_statsTimer.setSingleShot(true);
    connect(&m_statsTimer, &QTimer::timeout, this, &CallMonitorPage::refreshStats);
    connect(m_settings, &UiSettings::supervisorNameChanged, m_bar, &InterventionBar::setSupervisor);
    m_bar->setSupervisor(m_settings->supervisorName());
}

void CallMonitorPage::setServices(AppServices *services)
{
    m_services = services;
}

void CallMonitorPage::scrollToEndIfFollowing()
{
    if (m_follow)
        m_view->scrollToBottom();
}

void CallMonitorPage::setLatencyFrom(const QList<CallEvent> &events)
{
    QList<LatencyStrip::Turn> turns;
    for (const CallEvent &e : events) {
        if (e.kind != EventKind::AgentTurn)
            continue;
        const QJsonValue total = e.payload.value(QLatin1String("latencyMs"));
        if (!total.isDouble() || total.toDouble() <= 0)
            continue;
        turns << LatencyStrip::Turn{qint64(e.payload.value(QLatin1String("ttftMs")).toDouble(-1)),
                                    qint64(total.toDouble())};
    }
    m_latency->setTurns(turns);
}

void CallMonitorPage::showSession(CallSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_readOnly = false;
    m_follow = true;
    m_hint->clear();
    const QList<CallEvent> events = session->events();
    m_model->setEvents(events);
    setLatencyFrom(events);
    m_context->setContext(session->context(), session->promptName(), session->promptVersion());
    m_bar->setSession(session);
    m_bar->setReadOnly(false);
    connect(session, &CallSession::eventAppended, this, &CallMonitorPage::onEvent);
    connect(session, &CallSession::agentDelta, this, &CallMonitorPage::onDelta);
    connect(session, &CallSession::statsChanged, this, [this] {
        if (!m_statsTimer.isActive())
            m_statsTimer.start();
    });
    connect(session, &CallSession::stateChanged, this, &CallMonitorPage::refreshHeader);
    connect(session, &CallSession::supervisionChanged, this, &CallMonitorPage::refreshHeader);
    refreshHeader();
    refreshStats();
    m_view->scrollToBottom();
}

void CallMonitorPage::showRecord(const CallRecord &record, const QList<CallEvent> &events)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = nullptr;
    m_readOnly = true;
    m_record = record;
    m_hint->clear();
    m_model->setEvents(events);
    setLatencyFrom(events);
    QString error;
    const CallContext context =
        CallContext::fromJson(record.contextJson, &error).value_or(CallContext{});
    m_context->setContext(context, record.promptName, record.promptVersion);
    m_bar->setSession(nullptr);
    m_bar->setReadOnly(true);
    CallStats stats;
    stats.turns = record.totals.turns;
    stats.promptTokens = record.totals.promptTokens;
    stats.completionTokens = record.totals.completionTokens;
    stats.totalTokens = record.totals.promptTokens + record.totals.completionTokens;
    stats.costUsd = record.totals.costUsd;
    m_cost->setStats(stats, 0, false);
    m_title->setText(
        tr("%1 · %2 (past call)")
            .arg(record.customerName.isEmpty() ? record.id : record.customerName, record.campaign));
    m_state->setText(tr("%1 · %2").arg(record.state, record.endReason));
    m_view->scrollToTop();
}

void CallMonitorPage::onEvent(const CallEvent &event)
{
    m_model->appendEvent(event);
    if (event.kind == EventKind::AgentTurn) {
        const QJsonValue total = event.payload.value(QLatin1String("latencyMs"));
        if (total.isDouble() && total.toDouble() > 0)
            m_latency->addTurn({qint64(event.payload.value(QLatin1String("ttftMs")).toDouble(-1)),
                                qint64(total.toDouble())});
    }
}

void CallMonitorPage::onDelta(const QString &text)
{
    m_model->appendDelta(text);
}

void CallMonitorPage::refreshHeader()
{
    if (!m_session)
        return;
    const CallContext c = m_session->context();
    m_title->setText(QStringLiteral("%1 · %2").arg(
        c.customerName.isEmpty() ? c.customerId : c.customerName, c.campaign));
    QString state = callStateName(m_session->state());
    if (m_session->supervision() != SupervisionMode::None)
        state += QStringLiteral(" · ") + supervisionModeName(m_session->supervision());
    if (!m_session->supervisor().isEmpty())
        state += tr(" · supervisor %1").arg(m_session->supervisor());
    if (m_session->state() == CallState::Ended && !m_session->endReason().isEmpty())
        state += tr(" · ended: %1").arg(m_session->endReason());
    m_state->setText(state);
}

void CallMonitorPage::refreshStats()
{
    if (!m_session)
        return;
    CallStats stats = m_session->stats();
    const bool live = m_session->state() != CallState::Ended;
    if (live && stats.startedAt.isValid())
        stats.durationMs = stats.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    m_cost->setStats(stats, m_session->scenario().limits.maxDurationMs, live);
}
