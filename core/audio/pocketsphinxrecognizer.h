#pragma once

#include "audio/recognitioncall.h"
#include "audio/speechrecognizer.h"

#include <QHash>
#include <QPointer>
#include <QThread>

#include <memory>

class PocketSphinxWorker;
struct PocketSphinxJob;

// The handler of one pocketsphinx recognition.
class PocketSphinxRecognitionCall final : public RecognitionCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PocketSphinxRecognitionCall)

public:
    ~PocketSphinxRecognitionCall() override;

private:
    friend class PocketSphinxRecognizer;
    PocketSphinxRecognitionCall(const RecognitionRequest &request,
                                std::shared_ptr<PocketSphinxJob> job);
    void onCancel() override;

    std::shared_ptr<PocketSphinxJob> m_job;
};

// Offline speech to text on pocketsphinx (Debian 12's 5prealpha, the ps_init / ps_process_raw
// API) with the US English model of pocketsphinx-en-us; audio is converted to 16 kHz. It is an
// old recogniser: good enough for short, clear commands, weak on free speech (see
// docs/voice.md for its measured word error rate). Decoding runs in one worker thread.
class PocketSphinxRecognizer final : public SpeechRecognizer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PocketSphinxRecognizer)

public:
    // `modelDir`: the folder with en-us/, en-us.lm.bin and cmudict-en-us.dict; empty = the
    // folder pocketsphinx-en-us installs.
    explicit PocketSphinxRecognizer(const QString &modelDir = {}, QObject *parent = nullptr);
    ~PocketSphinxRecognizer() override;

    RecognitionCall *recognize(const RecognitionRequest &request) override;
    QString engineName() const override { return QStringLiteral("pocketsphinx"); }
    // Loads the model in the worker now, so that the first utterance does not wait for it.
    void preload();

    static QString defaultModelDir();

private:
    void onDone(quint64 id, const RecognitionResult &result);

    QThread m_thread;
    PocketSphinxWorker *m_worker;
    QHash<quint64, QPointer<PocketSphinxRecognitionCall>> m_calls;
    quint64 m_nextId = 1;
};
