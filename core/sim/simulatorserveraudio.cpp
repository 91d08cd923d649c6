// The simulator's audio endpoints: POST /v1/audio/speech and POST /v1/audio/transcriptions.
#include "common/wavcodec.h"
#include "sim/simchatresponder.h"
#include "sim/simhttprequest.h"
#include "sim/simlog.h"
#include "sim/simspeech.h"
#include "sim/simulatorserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

#include <cmath>

namespace {

const QString kInvalidRequest = QStringLiteral("invalid_request_error");
constexpr qsizetype kSpeechTickBytes = 4800; // 100 ms of 24 kHz 16-bit mono

SimResponsePlan invalid(const QString &message, const QString &param)
{
    return SimChatResponder::error(400, message, kInvalidRequest, param);
}

} // namespace

SimResponsePlan SimulatorServer::handleSpeech(const SimHttpRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonObject body = document.object();
    SimResponsePlan plan;
    const QJsonValue voiceValue = body.value(QLatin1String("voice"));
    const QString voice = voiceValue.isObject()
                              ? voiceValue.toObject().value(QLatin1String("id")).toString()
                              : voiceValue.toString();
    const QString model = body.value(QLatin1String("model")).toString();
    const QString input = body.value(QLatin1String("input")).toString();
    const QString format =
        body.value(QLatin1String("response_format")).toString(QStringLiteral("mp3"));
    const QJsonValue speedValue = body.value(QLatin1String("speed"));
    const double speed = speedValue.toDouble(1.0);
    if (!document.isObject())
        plan = invalid(QStringLiteral("We could not parse the JSON body of your request."), {});
    else if (model.isEmpty())
        plan =
            invalid(QStringLiteral("you must provide a model parameter"), QStringLiteral("model"));
    else if (input.trimmed().isEmpty())
        plan = invalid(QStringLiteral("'input' is a required property"), QStringLiteral("input"));
    else if (input.size() > 4096)
        plan = invalid(QStringLiteral("'input' is too long: at most 4096 characters"),
                       QStringLiteral("input"));
    else if (voice.isEmpty())
        plan = invalid(QStringLiteral("'voice' is a required property"), QStringLiteral("voice"));
    else if (!speedValue.isUndefined() && (!speedValue.isDouble() || speed < 0.25 || speed > 4.0))
        plan = invalid(QStringLiteral("'speed' must be between 0.25 and 4.0"),
                       QStringLiteral("speed"));
    else if (format != QLatin1String("pcm") && format != QLatin1String("wav"))
        plan = invalid(QStringLiteral("The simulator speaks response_format 'pcm' and 'wav' "
                                      "only, not '%1'.")
                           .arg(format),
                       QStringLiteral("response_format"));
    if (plan.status != 200) {
        addApiHeaders(&plan, 0);
        return plan;
    }
    if (std::optional<SimResponsePlan> limited = rateLimited(0))
        return *limited;
    const std::optional<SimFault> fault = takeFault(model);
    if (fault && fault->kind == SimFault::Kind::HttpError) {
        qCInfo(lcSim) << "injecting HTTP" << fault->status << "for speech" << model;
        plan = SimChatResponder::httpError(*fault);
        addApiHeaders(&plan, 0);
        return plan;
    }

    const SimSpeech::Rendering spoken = SimSpeech::render(input, voice, speed);
    m_speechMemory.remember(spoken.pcm, {input, spoken.words});
    const SimTiming timing = this->timing();
    plan.status = 200;
    if (format == QLatin1String("wav")) {
        plan.addHeader("Content-Type", "audio/wav");
        plan.body = WavCodec::encode(spoken.pcm, SimSpeech::SampleRate, 1);
        plan.firstByteDelayMs = timing.firstTokenMs;
    } else {
        // Streamed in 100 ms pieces, four times faster than real time (or at once).
        plan.streamed = true;
        plan.addHeader("Content-Type", "application/octet-stream");
        for (qsizetype at = 0; at < spoken.pcm.size(); at += kSpeechTickBytes)
            plan.ticks.append(spoken.pcm.mid(at, kSpeechTickBytes));
        plan.firstTickDelayMs = timing.firstTokenMs;
        plan.tickIntervalMs = timing.isInstant() ? 0 : 25;
    }
    if (fault) {
        qCInfo(lcSim) << "injecting" << SimFault::kindName(fault->kind) << "for speech" << model;
        switch (fault->kind) {
        case SimFault::Kind::SlowFirstByte:
            plan.firstByteDelayMs = fault->delayMs;
            break;
        case SimFault::Kind::StallMidStream:
            plan.stallAfterTicks = fault->afterChunks;
            plan.stallMs = fault->delayMs;
            break;
        case SimFault::Kind::CloseBeforeDone:
            plan.ticks = plan.ticks.mid(0, fault->afterChunks);
            break;
        default: // the others have no meaning for audio: the connection breaks instead
            plan.resetAfterTicks = fault->afterChunks;
            break;
        }
    }
    addApiHeaders(&plan, 0);
    plan.addHeader("openai-processing-ms", QByteArray::number(std::max(1, timing.firstTokenMs)));
    return plan;
}

SimResponsePlan SimulatorServer::handleTranscription(const SimHttpRequest &request)
{
    const std::optional<QHash<QByteArray, SimMultipart::Part>> parts =
        SimMultipart::parse(request.header("content-type"), request.body);
    SimResponsePlan plan;
    const QString model =
        parts ? QString::fromUtf8(parts->value("model").data).trimmed() : QString();
    const QString format = parts && parts->contains("response_format")
                               ? QString::fromUtf8(parts->value("response_format").data).trimmed()
                               : QStringLiteral("json");
    QString wavError;
    std::optional<WavCodec::Audio> audio;
    if (!parts) {
        plan =
            invalid(QStringLiteral("The request must be multipart/form-data with a boundary."), {});
    } else if (!parts->contains("file") || parts->value("file").data.isEmpty()) {
        plan = invalid(QStringLiteral("'file' is a required property"), QStringLiteral("file"));
    } else if (model.isEmpty()) {
        plan =
            invalid(QStringLiteral("you must provide a model parameter"), QStringLiteral("model"));
    } else if (format != QLatin1String("json") && format != QLatin1String("verbose_json") &&
               format != QLatin1String("text")) {
        plan = invalid(QStringLiteral("response_format must be json, verbose_json or text"),
                       QStringLiteral("response_format"));
    } else if (audio = WavCodec::decode(parts->value("file").data, &wavError); !audio) {
        plan = invalid(QStringLiteral("Invalid file format: the simulator reads 16-bit PCM WAV "
                                      "files (%1).")
                           .arg(wavError),
                       QStringLiteral("file"));
    }
    if (plan.status != 200) {
        addApiHeaders(&plan, 0);
        return plan;
    }
    if (std::optional<SimResponsePlan> limited = rateLimited(0))
        return *limited;
    const std::optional<SimFault> fault = takeFault(model);
    if (fault && fault->kind == SimFault::Kind::HttpError) {
        qCInfo(lcSim) << "injecting HTTP" << fault->status << "for transcription" << model;
        plan = SimChatResponder::httpError(*fault);
        addApiHeaders(&plan, 0);
        return plan;
    }

    const double seconds =
        double(audio->pcm.size() / 2 / audio->channels) / double(audio->sampleRate);
    const std::optional<SimSpeechMemory::Entry> known =
        audio->channels == 1 && audio->sampleRate == SimSpeech::SampleRate
            ? m_speechMemory.recall(audio->pcm)
            : std::nullopt;
    // Audio the simulator did not speak itself cannot be understood: say so plainly.
    const QString text =
        known ? known->text : QStringLiteral("(unrecognised audio, %1 s)").arg(seconds, 0, 'f', 1);
    const QJsonObject usage{{QStringLiteral("type"), QStringLiteral("duration")},
                            {QStringLiteral("seconds"), std::ceil(seconds)}};
    plan.status = 200;
    if (format == QLatin1String("text")) {
        plan.addHeader("Content-Type", "text/plain; charset=utf-8");
        plan.body = text.toUtf8() + '\n';
    } else {
        QJsonObject answer{{QStringLiteral("text"), text}, {QStringLiteral("usage"), usage}};
        if (format == QLatin1String("verbose_json")) {
            QJsonArray words;
            for (const SimSpeech::Word &word : known ? known->words : QList<SimSpeech::Word>())
                words.append(QJsonObject{{QStringLiteral("word"), word.text},
                                         {QStringLiteral("start"), word.start},
                                         {QStringLiteral("end"), word.end}});
            answer.insert(QStringLiteral("task"), QStringLiteral("transcribe"));
            answer.insert(QStringLiteral("language"), QStringLiteral("english"));
            answer.insert(QStringLiteral("duration"), seconds);
            answer.insert(QStringLiteral("words"), words);
            answer.insert(QStringLiteral("segments"),
                          QJsonArray{QJsonObject{{QStringLiteral("id"), 0},
                                                 {QStringLiteral("start"), 0.0},
                                                 {QStringLiteral("end"), seconds},
                                                 {QStringLiteral("text"), text}}});
        }
        plan.addHeader("Content-Type", "application/json");
        plan.body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    }
    const SimTiming timing = this->timing();
    // Roughly what a hosted model takes: a first-token delay plus a little per second of audio.
    plan.firstByteDelayMs = timing.isInstant() ? 0 : timing.firstTokenMs + int(seconds * 20);
    if (fault) {
        qCInfo(lcSim) << "injecting" << SimFault::kindName(fault->kind) << "for transcription"
                      << model;
        switch (fault->kind) {
        case SimFault::Kind::SlowFirstByte:
        case SimFault::Kind::StallMidStream:
            plan.firstByteDelayMs = fault->delayMs > 0 ? fault->delayMs : 24 * 3600 * 1000;
            break;
        case SimFault::Kind::MalformedJson:
            plan.body = "{\"text\": \"brok";
            break;
        case SimFault::Kind::CloseBeforeDone:
            plan.truncateBody = true;
            break;
        default:
            plan.resetAfterTicks = 0;
            break;
        }
    }
    addApiHeaders(&plan, 0);
    return plan;
}
