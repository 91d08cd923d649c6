#include "interventionbar.h"

#include "calls/callsession.h"
#include "theme/icons.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

namespace {
QPushButton *makeButton(QWidget *parent, const QString &icon, const QString &text,
                        const QKeySequence &shortcut, const QString &help)
{
    auto *button = new QPushButton(Icons::icon(icon, parent->palette()), text, parent);
    button->setShortcut(shortcut);
    button->setToolTip(
        QStringLiteral("%1 (%2)").arg(help, shortcut.toString(QKeySequence::NativeText)));
    button->setAccessibleName(text);
    button->setAccessibleDescription(help);
    return button;
}
} // namespace

InterventionBar::InterventionBar(QWidget *parent)
    : QWidget(parent)
    , m_input(new QLineEdit(this))
    , m_listen(makeButton(this, QStringLiteral("listen"), tr("Listen"),
                          QKeySequence(Qt::CTRL | Qt::Key_L), tr("Follow the call live")))
    , m_whisper(makeButton(this, QStringLiteral("whisper"), tr("Whisper"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                           tr("Guidance the agent follows from its next turn; the customer never "
                              "hears it")))
    , m_say(makeButton(this, QStringLiteral("say"), tr("Say"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                       tr("A line the agent delivers verbatim as its next turn")))
    , m_takeOver(makeButton(this, QStringLiteral("take-over"), tr("Take over"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                            tr("Stop the AI; your typed turns go to the customer")))
    , m_handBack(makeButton(this, QStringLiteral("hand-back"), tr("Hand back"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
                            tr("The AI resumes, knowing what you said, without greeting again")))
    , m_end(new QToolButton(this))
    , m_endMenu(new QMenu(this))
    , m_send(new QPushButton(tr("Send to customer"), this))
    , m_mode(new QLabel(this))
{
    setAccessibleName(tr("Intervention"));
    m_listen->setCheckable(true);
    m_input->setPlaceholderText(tr("Type guidance (Whisper), a line for the agent (Say), or your "
                                   "own words after taking over"));
    m_input->setAccessibleName(tr("Supervisor text"));
    m_send->setAccessibleName(tr("Send to customer"));
    m_send->setToolTip(tr("Say this to the customer yourself (while you have taken over)"));
    m_mode->setAccessibleName(tr("Supervision mode"));

    m_end->setText(tr("End call"));
    m_end->setIcon(Icons::icon(QStringLiteral("end-call"), palette()));
    m_end->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_end->setPopupMode(QToolButton::InstantPopup);
    m_end->setMenu(m_endMenu);
    m_end->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_end->setAccessibleName(tr("End call"));
    m_end->setToolTip(tr("End the call with a reason (Ctrl+Shift+E)"));
    const QStringList reasons = {tr("Resolved by the supervisor"), tr("Customer asked to stop"),
                                 tr("Compliance concern"), tr("Wrong person")};
    for (const QString &reason : reasons) {
        QAction *action = m_endMenu->addAction(reason);
        connect(action, &QAction::triggered, this, [this, reason] { endWith(reason); });
    }
    m_endMenu->addSeparator();
    QAction *other = m_endMenu->addAction(tr("Other reason…"));
    connect(other, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString reason = QInputDialog::getText(this, tr("End call"), tr("Reason:"),
                                                     QLineEdit::Normal, QString(), &ok);
        if (ok && !reason.trimmed().isEmpty())
            endWith(reason.trimmed());
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_listen);
    buttons->addWidget(m_whisper);
    buttons->addWidget(m_say);
    buttons->addWidget(m_takeOver);
    buttons->addWidget(m_handBack);
    buttons->addWidget(m_end);
    buttons->addStretch(1);
    buttons->addWidget(m_mode);
    auto *text = new QHBoxLayout;
    text->addWidget(m_input, 1);
    text->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(text);
    layout->addLayout(buttons);

    connect(m_listen, &QPushButton::clicked, this, [this](bool on) {
        if (m_session)
            m_session->listen(m_supervisor, on);
        updateState();
    });
    connect(m_whisper, &QPushButton::clicked, this, &InterventionBar::whisper);
    connect(m_say, &QPushButton::clicked, this, &InterventionBar::say);
    connect(m_send, &QPushButton::clicked, this, &InterventionBar::send);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        if (m_session && m_session->supervision() == SupervisionMode::TakenOver)
            send();
        else
            whisper();
    });
    connect(m_takeOver, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->takeOver(m_supervisor);
        updateState();
        m_input->setFocus();
    });
    connect(m_handBack, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->handBack(m_supervisor);
        updateState();
    });
    updateState();
}

void InterventionBar::setSession(CallSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (session) {
        connect(session, &CallSession::stateChanged, this, &InterventionBar::updateState);
        connect(session, &CallSession::supervisionChanged, this, &InterventionBar::updateState);
    }
    m_input->clear();
    updateState();
}

void InterventionBar::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateState();
}

QString InterventionBar::takeText()
{
    const QString text = m_input->text().trimmed();
    if (!text.isEmpty())
        m_input->clear();
    return text;
}

void InterventionBar::whisper()
{
    if (!m_session)
        return;
    const QString text = takeText();
    if (text.isEmpty()) {
        emit hint(tr("Type the guidance for the agent first, then press Whisper."));
        m_input->setFocus();
        return;
    }
    m_session->whisper(m_supervisor, text);
    updateState();
}

void InterventionBar::say()
{
    if (!m_session)
        return;
    const QString text = takeText();
    if (text.isEmpty()) {
        emit hint(tr("Type the line the agent should say first, then press Say."));
        m_input->setFocus();
        return;
    }
    m_session->say(m_supervisor, text);
    updateState();
}

void InterventionBar::send()
{
    if (!m_session || m_session->supervision() != SupervisionMode::TakenOver)
        return;
    const QString text = takeText();
    if (text.isEmpty())
        return;
    m_session->supervisorUtterance(m_supervisor, text);
}

void InterventionBar::endWith(const QString &reason)
{
    if (m_session)
        m_session->end(QStringLiteral("supervisor:") + m_supervisor, reason);
    updateState();
}

void InterventionBar::updateState()
{
    const bool live = m_session && !m_readOnly && m_session->state() != CallState::Ended;
    const SupervisionMode mode = m_session ? m_session->supervision() : SupervisionMode::None;
    const bool takenOver = mode == SupervisionMode::TakenOver;
    m_listen->setEnabled(live);
    m_listen->setChecked(m_session && m_session->isListening());
    m_whisper->setEnabled(live && !takenOver);
    m_say->setEnabled(live && !takenOver);
    m_takeOver->setEnabled(live && !takenOver);
    m_handBack->setEnabled(live && takenOver);
    m_end->setEnabled(live);
    m_send->setEnabled(live && takenOver);
    m_send->setVisible(takenOver);
    m_input->setEnabled(live);
    if (!m_session) {
        m_mode->clear();
    } else if (m_readOnly) {
        m_mode->setText(tr("Read-only: a past call"));
    } else if (m_session->state() == CallState::Ended) {
        m_mode->setText(tr("The call has ended"));
    } else {
        switch (mode) {
        case SupervisionMode::TakenOver:
            m_mode->setText(tr("You have the call: the AI is paused"));
            break;
        case SupervisionMode::Whispering:
            m_mode->setText(tr("The agent follows your guidance"));
            break;
        case SupervisionMode::HandedBack:
            m_mode->setText(tr("Handed back to the AI"));
            break;
        case SupervisionMode::Listening:
            m_mode->setText(tr("Listening"));
            break;
        case SupervisionMode::None:
            m_mode->setText(tr("The AI has the call"));
            break;
        }
    }
}
