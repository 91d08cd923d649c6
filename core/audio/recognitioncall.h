#pragma once

#include "audio/recognitionrequest.h"
#include "audio/recognitionresult.h"

#include <QElapsedTimer>
#include <QObject>

// The handler of one recognition: exactly one finished(), never after cancel(). Owned by the
// caller (deleteLater() after finished); deleting it earlier cancels. Engines subclass it.
class RecognitionCall : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecognitionCall)

public:
    ~RecognitionCall() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    const RecognitionResult &result() const { return m_result; }

signals:
    void finished(const RecognitionResult &result);

protected:
    explicit RecognitionCall(const RecognitionRequest &request, QObject *parent = nullptr);
    // Fills in latency and emits finished(); does nothing once finished or cancelled.
    void complete(const RecognitionResult &result);
    virtual void onCancel() {}

    RecognitionResult m_result;

private:
    QElapsedTimer m_clock;
    bool m_finished = false;
    bool m_cancelled = false;
};
