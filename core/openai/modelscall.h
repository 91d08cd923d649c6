#pragma once

#include "openai/modelsresult.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

// The handler of one GET /models request: cancel() and exactly one finished() (never after cancel).
class ModelsCall : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelsCall)

public:
    ~ModelsCall() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    const ModelsResult &result() const { return m_result; }

signals:
    void finished(const ModelsResult &result);

private:
    friend class OpenAIClient;
    // `reply` stays a child of its manager; the handler aborts and releases it.
    ModelsCall(QNetworkReply *reply, int timeoutMs);
    void onReplyFinished();
    void finish();

    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    ModelsResult m_result;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_timedOut = false;
};
