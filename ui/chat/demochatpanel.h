#pragma once

#include "openai/chatmessage.h"

#include <QPointer>
#include <QWidget>

class AppServices;
class ChatCall;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
struct ChatResult;

// A small chat with the configured model (the local simulator in demo mode): type a message and
// the reply appears as it streams in. It proves the whole path GUI -> client -> HTTP -> server.
class DemoChatPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoChatPanel)

public:
    explicit DemoChatPanel(QWidget *parent = nullptr);
    ~DemoChatPanel() override;

    // The panel is usable once the services have started.
    void setServices(AppServices *services);

    QLineEdit *input() const { return m_input; }
    QPlainTextEdit *transcript() const { return m_transcript; }
    QString lastReply() const { return m_reply; }
    bool isBusy() const { return !m_call.isNull(); }

public slots:
    void send();
    void stop();

signals:
    void replyFinished(bool ok);

private:
    void onDelta(const QString &text);
    void onFinished(const ChatResult &result);
    void appendLine(const QString &who, const QString &text);
    void updateEnabled();

    AppServices *m_services = nullptr;
    QPlainTextEdit *m_transcript;
    QLineEdit *m_input;
    QPushButton *m_send;
    QPushButton *m_stop;
    QLabel *m_status;
    QList<ChatMessage> m_history;
    QPointer<ChatCall> m_call;
    QString m_reply;
};
