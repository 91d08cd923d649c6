#pragma once

#include "audio/pcmaudio.h"
#include "audio/recognitionresult.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

struct ps_decoder_s;
struct cmd_ln_s;

// One utterance as the pocketsphinx worker sees it; shared with the handler that can cancel it.
struct PocketSphinxJob
{
    quint64 id = 0;
    PcmAudio audio;
    std::atomic<bool> cancelled{false};
};

// Owns a pocketsphinx decoder and decodes utterances in the thread it lives in (loading the
// model takes about a second, decoding is CPU work: never the caller's thread). Internal to
// PocketSphinxRecognizer.
class PocketSphinxWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PocketSphinxWorker)

public:
    explicit PocketSphinxWorker(QString modelDir, QObject *parent = nullptr);
    ~PocketSphinxWorker() override;

    void run(const std::shared_ptr<PocketSphinxJob> &job);
    // Loads the model now (the first utterance would otherwise pay for it).
    void preload();

signals:
    void done(quint64 id, const RecognitionResult &result);

private:
    bool ensureDecoder(ChatError *error);

    QString m_modelDir;
    ps_decoder_s *m_decoder = nullptr;
    cmd_ln_s *m_config = nullptr;
    int m_frameRate = 100;
    ChatError m_loadError; // a failed load is not retried
};
