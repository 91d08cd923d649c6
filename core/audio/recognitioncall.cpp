#include "audio/recognitioncall.h"

RecognitionCall::RecognitionCall(const RecognitionRequest &request, QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_result.audioMs = request.audio.durationMs();
}

RecognitionCall::~RecognitionCall() = default;

void RecognitionCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_result.error = {ChatErrorType::Cancelled, QStringLiteral("cancelled by the caller"), 0, {}};
    onCancel();
}

void RecognitionCall::complete(const RecognitionResult &result)
{
    if (m_finished || m_cancelled)
        return;
    m_finished = true;
    m_result = result;
    m_result.latencyMs = m_clock.elapsed();
    emit finished(m_result);
}
