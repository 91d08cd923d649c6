#include "audio/synthesiscall.h"

SynthesisCall::SynthesisCall(const SynthesisRequest &request, QObject *parent)
    : QObject(parent)
    , m_request(request)
{
    m_clock.start();
    m_result.voice = request.voice;
    m_result.characters = int(request.text.size());
}

SynthesisCall::~SynthesisCall() = default;

void SynthesisCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_result.error = {ChatErrorType::Cancelled, QStringLiteral("cancelled by the caller"), 0, {}};
    onCancel();
}

void SynthesisCall::deliver(const PcmAudio &chunk)
{
    if (m_finished || m_cancelled || chunk.isEmpty())
        return;
    if (m_result.firstAudioMs < 0)
        m_result.firstAudioMs = m_clock.elapsed();
    m_result.sampleRate = chunk.sampleRate;
    m_result.samples += chunk.sampleCount();
    emit audio(chunk);
}

void SynthesisCall::complete(const ChatError &error)
{
    if (m_finished || m_cancelled)
        return;
    m_finished = true;
    m_result.error = error;
    m_result.incomplete = error.isError() && m_result.samples > 0;
    m_result.latencyMs = m_clock.elapsed();
    emit finished(m_result);
}
