#pragma once

#include "audio/pcmaudio.h"
#include "openai/chaterror.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

// One synthesis as the espeak worker sees it; shared with the handler that can cancel it.
struct EspeakJob
{
    quint64 id = 0;
    QString text;
    QString voice;
    double speed = 1.0;
    std::atomic<bool> cancelled{false};
};

// Runs libespeak-ng in the thread it lives in. espeak-ng keeps its state in process globals
// and is not thread-safe, so every use of it in the process holds one lock, and synthesis
// runs in AUDIO_OUTPUT_SYNCHRONOUS mode: espeak_Synth() returns when the text is spoken, having
// handed the samples to the callback in ~100 ms pieces. Internal to EspeakSynthesizer.
class EspeakWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EspeakWorker)

public:
    explicit EspeakWorker(QString dataPath, QObject *parent = nullptr);
    ~EspeakWorker() override;

    void run(const std::shared_ptr<EspeakJob> &job);

    // For the synthesis callback.
    struct Session;

signals:
    void chunk(quint64 id, const PcmAudio &audio);
    void done(quint64 id, const ChatError &error);

private:
    QString m_dataPath;
};
