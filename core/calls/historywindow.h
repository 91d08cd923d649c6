#pragma once

#include "calls/historyturn.h"
#include "openai/chatmessage.h"
#include "openai/modelconfig.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class ChatCall;
class OpenAIClient;

// Builds the messages of a turn: system prompt + rendered context (always kept) + the running
// summary (if any) + the most recent turns that fit the token limit. Turns that fall out of the
// window are folded into the running summary by the cheaper model, asynchronously; the summary
// is published with summaryUpdated() so the session can store it (summary.updated).
class HistoryWindow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryWindow)

public:
    struct Build
    {
        QList<ChatMessage> messages;
        int promptTokens = 0;   // exact, for `countingModel`
        int keptTurns = 0;      // turns included verbatim
        int droppedTurns = 0;   // turns outside the window (summarised or being summarised)
        bool overLimit = false; // the pinned part alone exceeds the limit
    };

    // `client` (not owned) makes the summaries with `summaryModel`; null = no summaries (turns
    // that fall out are just dropped). `countingModel` is the model whose tokenizer counts.
    HistoryWindow(OpenAIClient *client, ModelConfig summaryModel, QString countingModel,
                  QObject *parent = nullptr);
    ~HistoryWindow() override;

    void setSystemPrompt(const QString &text);
    void setContextMessage(const QString &text);
    void setCountingModel(const QString &model);
    void setTokenLimit(int promptTokens); // limit for the whole prompt of a turn
    int tokenLimit() const { return m_tokenLimit; }
    void setCallId(const QString &callId);

    void append(const HistoryTurn &turn);
    QList<HistoryTurn> turns() const { return m_turns; }

    // The messages of the next request. Starts folding turns that fell out of the window.
    Build build();

    QString summary() const { return m_summary; }
    int summarisedTurns() const { return m_foldedUpTo; } // turns covered by summary()
    bool isSummarising() const;
    // Replaces the summary (e.g. restored from stored events).
    void setSummary(const QString &summary, int coveredTurns);

    static ChatMessage toMessage(const HistoryTurn &turn);

signals:
    void summaryUpdated(const QString &summary, int coveredTurns);
    void summaryFailed(const QString &error);

private:
    void startSummary(int upTo);
    QList<ChatMessage> pinnedMessages() const;

    OpenAIClient *m_client;
    ModelConfig m_summaryModel;
    QString m_countingModel;
    QString m_systemPrompt;
    QString m_context;
    QString m_callId;
    int m_tokenLimit = 6000;
    QList<HistoryTurn> m_turns;
    QString m_summary;
    int m_foldedUpTo = 0;
    QPointer<ChatCall> m_pending;
    int m_pendingUpTo = 0;
};
