#pragma once

#include "audio/speechsynthesizer.h"
#include "audio/synthesiscall.h"
#include "openai/chaterror.h"

#include <QHash>
#include <QPointer>
#include <QThread>

#include <memory>

class EspeakWorker;
struct EspeakJob;

// The handler of one espeak-ng synthesis.
class EspeakSynthesisCall final : public SynthesisCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EspeakSynthesisCall)

public:
    ~EspeakSynthesisCall() override;

private:
    friend class EspeakSynthesizer;
    EspeakSynthesisCall(const SynthesisRequest &request, std::shared_ptr<EspeakJob> job);
    void onCancel() override;

    std::shared_ptr<EspeakJob> m_job;
};

// Offline text to speech on libespeak-ng (16-bit mono at 22050 Hz). Synthesis runs in one
// worker thread, never in the caller's; requests are spoken one after another. Voices are
// espeak-ng names with an optional variant: "en-us", "en-gb", "en-us+f3", "en+m7"...
// Destroying the synthesizer cancels what is still running (those handlers emit nothing more).
class EspeakSynthesizer final : public SpeechSynthesizer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EspeakSynthesizer)

public:
    // `dataPath`: the folder holding espeak-ng-data; empty = the library's default.
    explicit EspeakSynthesizer(const QString &dataPath = {}, QObject *parent = nullptr);
    ~EspeakSynthesizer() override;

    SynthesisCall *synthesize(const SynthesisRequest &request) override;
    QString engineName() const override { return QStringLiteral("espeak"); }

    static QString defaultVoice() { return QStringLiteral("en-us"); }

private:
    void onChunk(quint64 id, const PcmAudio &audio);
    void onDone(quint64 id, const ChatError &error);

    QThread m_thread;
    EspeakWorker *m_worker; // lives in m_thread; deleted after it stops
    QHash<quint64, QPointer<EspeakSynthesisCall>> m_calls;
    quint64 m_nextId = 1;
};
