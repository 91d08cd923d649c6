#pragma once

#include "audio/pcmaudio.h"
#include "audio/synthesisrequest.h"
#include "audio/synthesisresult.h"

#include <QElapsedTimer>
#include <QObject>

// The handler of one synthesis: audio chunks as they are made, then exactly one finished();
// nothing is emitted after cancel(). Owned by the caller (deleteLater() after finished);
// deleting it earlier cancels the synthesis. Engines subclass it.
class SynthesisCall : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SynthesisCall)

public:
    ~SynthesisCall() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    const SynthesisRequest &request() const { return m_request; }
    const SynthesisResult &result() const { return m_result; }

signals:
    // 16-bit mono chunks in order, all at result().sampleRate.
    void audio(const PcmAudio &chunk);
    void finished(const SynthesisResult &result);

protected:
    explicit SynthesisCall(const SynthesisRequest &request, QObject *parent = nullptr);
    // Engines report through these two; both do nothing once finished or cancelled.
    void deliver(const PcmAudio &chunk);
    void complete(const ChatError &error);
    // Called once by cancel(): stop the engine's work.
    virtual void onCancel() {}

    SynthesisResult m_result;

private:
    SynthesisRequest m_request;
    QElapsedTimer m_clock;
    bool m_finished = false;
    bool m_cancelled = false;
};
