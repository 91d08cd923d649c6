#include "audio/voicesettings.h"

#include <QStringList>

#include <cmath>

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool readString(const QJsonObject &json, const char *key, QString *out, QString *error,
                const QString &path, const QStringList &allowed = {})
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    const QString where = path + QLatin1Char('.') + QLatin1String(key);
    if (!value.isString())
        return fail(error, QStringLiteral("%1: expected a string").arg(where));
    if (!allowed.isEmpty() && !allowed.contains(value.toString()))
        return fail(error, QStringLiteral("%1: expected %2, not \"%3\"")
                               .arg(where,
                                    QLatin1Char('"') + allowed.join(QLatin1String("\" or \"")) +
                                        QLatin1Char('"'),
                                    value.toString()));
    *out = value.toString();
    return true;
}

bool readNumber(const QJsonObject &json, const char *key, double minimum, double maximum,
                double *out, QString *error, const QString &path)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || number < minimum || number > maximum)
        return fail(error, QStringLiteral("%1.%2: expected a number from %3 to %4")
                               .arg(path, QLatin1String(key))
                               .arg(minimum)
                               .arg(maximum));
    *out = number;
    return true;
}

bool unknownFields(const QJsonObject &json, const QStringList &known, QString *error,
                   const QString &path)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return !fail(error, QStringLiteral("%1.%2: unknown field").arg(path, it.key()));
    }
    return false;
}

bool readVoices(const QJsonObject &json, const char *engine, VoiceSettings::Voices *voices,
                QString *error, const QString &path)
{
    const QJsonValue value = json.value(QLatin1String(engine));
    if (value.isUndefined())
        return true;
    const QString where = path + QLatin1Char('.') + QLatin1String(engine);
    if (!value.isObject())
        return fail(error, QStringLiteral("%1: expected an object").arg(where));
    const QJsonObject object = value.toObject();
    if (unknownFields(
            object,
            {QStringLiteral("agent"), QStringLiteral("customer"), QStringLiteral("supervisor")},
            error, where))
        return false;
    VoiceSettings::Voices read = *voices;
    if (!readString(object, "agent", &read.agent, error, where) ||
        !readString(object, "customer", &read.customer, error, where) ||
        !readString(object, "supervisor", &read.supervisor, error, where))
        return false;
    for (const QString *voice : {&read.agent, &read.customer, &read.supervisor}) {
        if (voice->trimmed().isEmpty())
            return fail(error, QStringLiteral("%1: a voice name is empty").arg(where));
    }
    *voices = read;
    return true;
}

QJsonObject voicesJson(const VoiceSettings::Voices &voices)
{
    return {{QStringLiteral("agent"), voices.agent},
            {QStringLiteral("customer"), voices.customer},
            {QStringLiteral("supervisor"), voices.supervisor}};
}

} // namespace

QString VoiceSettings::voiceFor(VoiceRole role) const
{
    const Voices &voices = synthesisEngine == QLatin1String("openai") ? openaiVoices : espeakVoices;
    switch (role) {
    case VoiceRole::Agent:
        return voices.agent;
    case VoiceRole::Customer:
        return voices.customer;
    case VoiceRole::Supervisor:
        return voices.supervisor;
    }
    return voices.agent;
}

QJsonObject VoiceSettings::toJson() const
{
    return {{QStringLiteral("synthesis_engine"), synthesisEngine},
            {QStringLiteral("recognition_engine"), recognitionEngine},
            {QStringLiteral("speech_model"), speechModel},
            {QStringLiteral("transcription_model"), transcriptionModel},
            {QStringLiteral("speed"), speed},
            {QStringLiteral("voices"),
             QJsonObject{{QStringLiteral("espeak"), voicesJson(espeakVoices)},
                         {QStringLiteral("openai"), voicesJson(openaiVoices)}}},
            {QStringLiteral("output_device"), QString::fromUtf8(outputDevice)},
            {QStringLiteral("input_device"), QString::fromUtf8(inputDevice)},
            {QStringLiteral("volume"), volume},
            {QStringLiteral("espeak_data_path"), espeakDataPath},
            {QStringLiteral("pocketsphinx_model_dir"), pocketsphinxModelDir},
            {QStringLiteral("recording_format"), recordingFormat}};
}

std::optional<VoiceSettings> VoiceSettings::fromJson(const QJsonObject &json,
                                                     const VoiceSettings &base, QString *error,
                                                     const QString &path)
{
    static const QStringList known{QStringLiteral("synthesis_engine"),
                                   QStringLiteral("recognition_engine"),
                                   QStringLiteral("speech_model"),
                                   QStringLiteral("transcription_model"),
                                   QStringLiteral("speed"),
                                   QStringLiteral("voices"),
                                   QStringLiteral("output_device"),
                                   QStringLiteral("input_device"),
                                   QStringLiteral("volume"),
                                   QStringLiteral("espeak_data_path"),
                                   QStringLiteral("pocketsphinx_model_dir"),
                                   QStringLiteral("recording_format")};
    if (unknownFields(json, known, error, path))
        return std::nullopt;
    VoiceSettings settings = base;
    QString outputDevice = QString::fromUtf8(base.outputDevice);
    QString inputDevice = QString::fromUtf8(base.inputDevice);
    if (!readString(json, "synthesis_engine", &settings.synthesisEngine, error, path,
                    {QStringLiteral("espeak"), QStringLiteral("openai")}) ||
        !readString(json, "recognition_engine", &settings.recognitionEngine, error, path,
                    {QStringLiteral("pocketsphinx"), QStringLiteral("openai")}) ||
        !readString(json, "speech_model", &settings.speechModel, error, path) ||
        !readString(json, "transcription_model", &settings.transcriptionModel, error, path) ||
        !readNumber(json, "speed", 0.25, 4.0, &settings.speed, error, path) ||
        !readString(json, "output_device", &outputDevice, error, path) ||
        !readString(json, "input_device", &inputDevice, error, path) ||
        !readNumber(json, "volume", 0.0, 1.0, &settings.volume, error, path) ||
        !readString(json, "espeak_data_path", &settings.espeakDataPath, error, path) ||
        !readString(json, "pocketsphinx_model_dir", &settings.pocketsphinxModelDir, error, path) ||
        !readString(json, "recording_format", &settings.recordingFormat, error, path,
                    {QStringLiteral("flac"), QStringLiteral("wav")}))
        return std::nullopt;
    if (settings.speechModel.trimmed().isEmpty()) {
        fail(error, QStringLiteral("%1.speech_model: must not be empty").arg(path));
        return std::nullopt;
    }
    if (settings.transcriptionModel.trimmed().isEmpty()) {
        fail(error, QStringLiteral("%1.transcription_model: must not be empty").arg(path));
        return std::nullopt;
    }
    const QJsonValue voices = json.value(QLatin1String("voices"));
    if (!voices.isUndefined()) {
        const QString where = path + QLatin1String(".voices");
        if (!voices.isObject()) {
            fail(error, QStringLiteral("%1: expected an object").arg(where));
            return std::nullopt;
        }
        const QJsonObject object = voices.toObject();
        if (unknownFields(object, {QStringLiteral("espeak"), QStringLiteral("openai")}, error,
                          where) ||
            !readVoices(object, "espeak", &settings.espeakVoices, error, where) ||
            !readVoices(object, "openai", &settings.openaiVoices, error, where))
            return std::nullopt;
    }
    settings.outputDevice = outputDevice.toUtf8();
    settings.inputDevice = inputDevice.toUtf8();
    return settings;
}
