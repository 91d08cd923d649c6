#pragma once

#include <QPointer>
#include <QWidget>

#include "calls/callsession.h"
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QToolButton;

// The intervention ladder under the transcript: Listen, Whisper, Say, Take over, Hand back and
// End call, each a button with a shortcut, plus a line for the text they need. Every action is a
// call on CallSession's public API; the session records it in the transcript and the audit trail.
class InterventionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterventionBar)

public:
    explicit InterventionBar(QWidget *parent = nullptr);

    void setSession(CallSession *session);
    void setSupervisor(const QString &name) { m_supervisor = name; }
    void setReadOnly(bool readOnly);
    void updateState();

    QLineEdit *input() const { return m_input; }
    QPushButton *listenButton() const { return m_listen; }
    QPushButton *whisperButton() const { return m_whisper; }
    QPushButton *sayButton() const { return m_say; }
    QPushButton *takeOverButton() const { return m_takeOver; }
    QPushButton *handBackButton() const { return m_handBack; }
    QToolButton *endButton() const { return m_end; }
    QMenu *endReasons() const { return m_endMenu; }
    QPushButton *sendButton() const { return m_send; }

signals:
    // A message for the status line ("Type the guidance first").
    void hint(const QString &text);

private:
    void whisper();
    void say();
    void send();
    void endWith(const QString &reason);
    QString takeText();

    QPointer<CallSession> m_session;
    QString m_supervisor;
    bool m_readOnly = false;
    QLineEdit *m_input;
    QPushButton *m_listen;
    QPushButton *m_whisper;
    QPushButton *m_say;
    QPushButton *m_takeOver;
    QPushButton *m_handBack;
    QToolButton *m_end;
    QMenu *m_endMenu;
    QPushButton *m_send;
    QLabel *m_mode;
};
