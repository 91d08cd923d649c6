#include "demochatpanel.h"

#include "appservices.h"
#include "openai/chatcall.h"
#include "openai/chatrequest.h"
#include "openai/modelprofiles.h"
#include "openai/openaiclient.h"
#include "theme/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextCursor>
#include <QVBoxLayout>

DemoChatPanel::DemoChatPanel(QWidget *parent)
    : QWidget(parent)
    , m_transcript(new QPlainTextEdit(this))
    , m_input(new QLineEdit(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("demoChatPanel"));
    m_transcript->setReadOnly(true);
    m_transcript->setAccessibleName(tr("Chat transcript"));
    m_transcript->setPlaceholderText(
        tr("Ask the model something. In demo mode the built-in simulator answers, streamed "
           "token by token through the same client the calls use."));
    m_input->setPlaceholderText(tr("Type a message and press Enter"));
    m_input->setAccessibleName(tr("Chat message"));
    m_send->setIcon(Icons::icon(QStringLiteral("send"), palette()));
    m_send->setAccessibleName(tr("Send message"));
    m_stop->setAccessibleName(tr("Stop the reply"));
    m_status->setAccessibleName(tr("Chat status"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_input, 1);
    row->addWidget(m_send);
    row->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_transcript, 1);
    layout->addLayout(row);
    layout->addWidget(m_status);

    connect(m_input, &QLineEdit::returnPressed, this, &DemoChatPanel::send);
    connect(m_send, &QPushButton::clicked, this, &DemoChatPanel::send);
    connect(m_stop, &QPushButton::clicked, this, &DemoChatPanel::stop);
    m_status->setText(tr("Connecting…"));
    updateEnabled();
}

DemoChatPanel::~DemoChatPanel()
{
    if (m_call)
        m_call->cancel();
}

void DemoChatPanel::setServices(AppServices *services)
{
    if (!services)
        stop();
    m_services = services;
    m_status->setText(services && services->client() ? services->backendDescription()
                                                     : tr("Not connected"));
    updateEnabled();
}

void DemoChatPanel::updateEnabled()
{
    const bool ready = m_services && m_services->client();
    m_send->setEnabled(ready && !isBusy());
    m_input->setEnabled(ready);
    m_stop->setEnabled(isBusy());
}

void DemoChatPanel::appendLine(const QString &who, const QString &text)
{
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_transcript->document()->isEmpty())
        cursor.insertBlock();
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertText(who + QStringLiteral(": "), bold);
    cursor.insertText(text, QTextCharFormat());
}

void DemoChatPanel::send()
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty() || isBusy() || !m_services || !m_services->client())
        return;
    m_input->clear();
    appendLine(tr("You"), text);
    m_history << ChatMessage::user(text);

    ChatRequest request;
    request.messages << ChatMessage::system(
        QStringLiteral("You are VoiceAI, a helpful assistant for call-centre supervisors."));
    request.messages << m_history;
    const ModelProfiles profiles = ModelProfiles::defaults();
    request.primary = profiles.primary();
    request.fallback = profiles.fallback();
    request.stream = true;
    request.feature = QStringLiteral("demo-chat");

    m_reply.clear();
    appendLine(tr("Model"), QString());
    m_call = m_services->client()->chat(request);
    connect(m_call, &ChatCall::contentDelta, this, &DemoChatPanel::onDelta);
    connect(m_call, &ChatCall::finished, this, &DemoChatPanel::onFinished);
    m_status->setText(tr("Waiting for the first token…"));
    updateEnabled();
}

void DemoChatPanel::stop()
{
    if (!m_call)
        return;
    m_call->cancel();
    m_call->deleteLater();
    m_call = nullptr;
    m_status->setText(tr("Stopped."));
    if (!m_reply.isEmpty())
        m_history << ChatMessage::assistant(m_reply);
    updateEnabled();
}

void DemoChatPanel::onDelta(const QString &text)
{
    m_reply += text;
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    m_transcript->verticalScrollBar()->setValue(m_transcript->verticalScrollBar()->maximum());
    m_status->setText(tr("Streaming…"));
}

void DemoChatPanel::onFinished(const ChatResult &result)
{
    if (m_call)
        m_call->deleteLater();
    m_call = nullptr;
    if (result.ok()) {
        // The streamed text is authoritative; the result repeats it in full.
        if (m_reply.isEmpty() && !result.content.isEmpty())
            onDelta(result.content);
        m_reply = result.content.isEmpty() ? m_reply : result.content;
        m_history << ChatMessage::assistant(m_reply);
        m_status->setText(tr("%1 · %2 tokens · first token %3 ms · %4 ms")
                              .arg(result.model)
                              .arg(result.usage.totalTokens)
                              .arg(result.ttftMs)
                              .arg(result.latencyMs));
    } else {
        appendLine(tr("Error"), result.error.message);
        m_status->setText(tr("The request failed: %1").arg(result.error.typeName()));
    }
    updateEnabled();
    emit replyFinished(result.ok());
}
