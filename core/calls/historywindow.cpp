#include "calls/historywindow.h"

#include "openai/chatcall.h"
#include "openai/openaiclient.h"
#include "tokens/chattokencounter.h"

#include <QFile>

namespace {

ChatTokenMessage forCounting(const ChatMessage &message)
{
    return ChatTokenMessage{message.roleName(), message.content, message.name};
}

QString summaryInstructions()
{
    QFile file(QStringLiteral(":/prompts/history-summary.md"));
    if (file.open(QIODevice::ReadOnly))
        return QString::fromUtf8(file.readAll()).trimmed();
    return QStringLiteral("Summarise telephone conversations factually and briefly.");
}

QString speaker(const HistoryTurn &turn)
{
    switch (turn.role) {
    case HistoryTurn::Role::Customer:
        return QStringLiteral("Customer");
    case HistoryTurn::Role::Agent:
        return QStringLiteral("Agent");
    case HistoryTurn::Role::Instruction:
        return QStringLiteral("Supervisor guidance");
    }
    return QStringLiteral("Note");
}

} // namespace

HistoryWindow::HistoryWindow(OpenAIClient *client, ModelConfig summaryModel, QString countingModel,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_summaryModel(std::move(summaryModel))
    , m_countingModel(std::move(countingModel))
{}

HistoryWindow::~HistoryWindow()
{
    if (m_pending) {
        m_pending->cancel();
        delete m_pending.data();
    }
}

void HistoryWindow::setSystemPrompt(const QString &text)
{
    m_systemPrompt = text;
}

void HistoryWindow::setContextMessage(const QString &text)
{
    m_context = text;
}

void HistoryWindow::setCountingModel(const QString &model)
{
    m_countingModel = model;
}

void HistoryWindow::setTokenLimit(int promptTokens)
{
    m_tokenLimit = std::max(1, promptTokens);
}

void HistoryWindow::setCallId(const QString &callId)
{
    m_callId = callId;
}

void HistoryWindow::append(const HistoryTurn &turn)
{
    m_turns.append(turn);
}

bool HistoryWindow::isSummarising() const
{
    return !m_pending.isNull();
}

void HistoryWindow::setSummary(const QString &summary, int coveredTurns)
{
    m_summary = summary;
    m_foldedUpTo = std::clamp(coveredTurns, 0, int(m_turns.size()));
}

ChatMessage HistoryWindow::toMessage(const HistoryTurn &turn)
{
    switch (turn.role) {
    case HistoryTurn::Role::Customer:
        return ChatMessage::user(turn.text);
    case HistoryTurn::Role::Agent:
        return ChatMessage::assistant(turn.text);
    case HistoryTurn::Role::Instruction:
        break;
    }
    if (!turn.supervisorInstruction)
        return ChatMessage::system(turn.text);
    const QString from = turn.author.isEmpty()
                             ? QStringLiteral("Supervisor guidance (not to be read aloud): ")
                             : QStringLiteral("Supervisor guidance (from %1, not to be read "
                                              "aloud): ")
                                   .arg(turn.author);
    return ChatMessage::system(from + turn.text);
}

QList<ChatMessage> HistoryWindow::pinnedMessages() const
{
    QList<ChatMessage> pinned;
    if (!m_systemPrompt.isEmpty())
        pinned << ChatMessage::system(m_systemPrompt);
    if (!m_context.isEmpty())
        pinned << ChatMessage::system(m_context);
    if (!m_summary.isEmpty())
        pinned << ChatMessage::system(QStringLiteral("Summary of the earlier part of this call: ") +
                                      m_summary);
    return pinned;
}

HistoryWindow::Build HistoryWindow::build()
{
    const ChatTokenCounter counter(m_countingModel);
    Build result;
    result.messages = pinnedMessages();
    int total = ChatTokenCounter::ReplyPrimingTokens;
    for (const ChatMessage &m : std::as_const(result.messages))
        total += counter.countMessage(forCounting(m));

    // Newest first, as many as fit; the newest turn is always sent (the model must see what it
    // answers), which may exceed the limit (overLimit).
    QList<ChatMessage> recent;
    qsizetype firstKept = m_turns.size();
    for (qsizetype i = m_turns.size() - 1; i >= m_foldedUpTo; --i) {
        const ChatMessage message = toMessage(m_turns.at(i));
        const int cost = counter.countMessage(forCounting(message));
        if (total + cost > m_tokenLimit && i != m_turns.size() - 1)
            break;
        total += cost;
        recent.prepend(message);
        firstKept = i;
    }
    result.messages += recent;
    result.promptTokens = total;
    result.keptTurns = int(recent.size());
    result.droppedTurns = int(firstKept);
    result.overLimit = total > m_tokenLimit;

    if (firstKept > m_foldedUpTo && !isSummarising())
        startSummary(int(firstKept));
    return result;
}

void HistoryWindow::startSummary(int upTo)
{
    if (!m_client || !m_summaryModel.isValid())
        return;
    QString transcript;
    for (int i = m_foldedUpTo; i < upTo; ++i) {
        const HistoryTurn &turn = m_turns.at(i);
        transcript += speaker(turn) + QStringLiteral(": ") + turn.text.simplified() + u'\n';
    }
    QString ask = QStringLiteral("Summarise the conversation so far for the agent's memory.\n\n");
    if (!m_summary.isEmpty())
        ask +=
            QStringLiteral("Summary of what came before:\n") + m_summary + QStringLiteral("\n\n");
    ask += QStringLiteral("Conversation to add:\n") + transcript;

    ChatRequest request;
    request.messages = {ChatMessage::system(summaryInstructions()), ChatMessage::user(ask)};
    request.primary = m_summaryModel;
    request.primary.temperature = 0.2;
    request.primary.maxTokens = std::min(m_summaryModel.maxTokens.value_or(300), 300);
    request.stream = false;
    request.feature = QStringLiteral("summary");
    request.callId = m_callId;

    m_pendingUpTo = upTo;
    ChatCall *call = m_client->chat(request);
    m_pending = call;
    connect(call, &ChatCall::finished, this, [this, call](const ChatResult &result) {
        call->deleteLater();
        m_pending.clear();
        if (!result.ok() || result.content.trimmed().isEmpty()) {
            emit summaryFailed(result.ok() ? QStringLiteral("the summary was empty")
                                           : result.error.message);
            return;
        }
        m_summary = result.content.trimmed();
        m_foldedUpTo = std::max(m_foldedUpTo, m_pendingUpTo);
        emit summaryUpdated(m_summary, m_foldedUpTo);
    });
}
