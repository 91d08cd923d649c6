#include "sim/simspeech.h"

#include <QCryptographicHash>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QtEndian>

#include <cmath>
#include <numbers>

namespace {

// A steady pitch per voice, so that voices sound different.
double pitchHz(const QString &voice)
{
    static const QHash<QString, double> known{
        {QStringLiteral("alloy"), 170},  {QStringLiteral("ash"), 125},
        {QStringLiteral("ballad"), 140}, {QStringLiteral("coral"), 205},
        {QStringLiteral("echo"), 115},   {QStringLiteral("fable"), 150},
        {QStringLiteral("onyx"), 95},    {QStringLiteral("nova"), 220},
        {QStringLiteral("sage"), 185},   {QStringLiteral("shimmer"), 230},
        {QStringLiteral("verse"), 160},  {QStringLiteral("marin"), 200},
        {QStringLiteral("cedar"), 110}};
    return known.value(voice, 100 + double(qHash(voice, 7) % 140));
}

} // namespace

SimSpeech::Rendering SimSpeech::render(const QString &text, const QString &voice, double speed)
{
    Rendering out;
    const double pace = speed > 0 ? 1.0 / speed : 1.0;
    const double f0 = pitchHz(voice);
    QList<qint16> samples;
    auto silence = [&](double seconds) {
        samples.resize(samples.size() + qsizetype(seconds * SampleRate), 0);
    };
    silence(0.05);
    for (const QString &token :
         text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        qsizetype letters = 0;
        for (const QChar c : token)
            letters += c.isLetterOrNumber() ? 1 : 0;
        if (letters == 0)
            continue;
        const double seconds = (0.065 * double(letters) + 0.05) * pace;
        const qsizetype count = qsizetype(seconds * SampleRate);
        const qsizetype start = samples.size();
        samples.resize(start + count);
        for (qsizetype i = 0; i < count; ++i) {
            const double t = double(i) / SampleRate;
            // A raised-cosine envelope over the word, three harmonics and a slow pitch glide.
            const double envelope = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * double(i) / count);
            const double phase = 2 * std::numbers::pi * f0 * (t + 0.1 * t * t);
            const double value =
                std::sin(phase) + 0.5 * std::sin(2 * phase) + 0.25 * std::sin(3 * phase);
            samples[start + i] = qint16(std::lround(7000 * envelope * value));
        }
        QString word = token;
        while (!word.isEmpty() && !word.back().isLetterOrNumber())
            word.chop(1);
        out.words.append({word, double(start) / SampleRate, double(start + count) / SampleRate});
        const QChar last = token.back();
        const bool pause = last == QLatin1Char('.') || last == QLatin1Char(',') ||
                           last == QLatin1Char('?') || last == QLatin1Char('!');
        silence((pause ? 0.25 : 0.07) * pace);
    }
    out.seconds = double(samples.size()) / SampleRate;
    out.pcm.resize(samples.size() * 2);
    qToLittleEndian<qint16>(samples.constData(), samples.size(), out.pcm.data());
    return out;
}

void SimSpeechMemory::remember(QByteArrayView pcm, const Entry &entry)
{
    const QByteArray key = QCryptographicHash::hash(pcm, QCryptographicHash::Sha256);
    QMutexLocker lock(&m_mutex);
    if (!m_entries.contains(key))
        m_order.append(key);
    m_entries.insert(key, entry);
    while (m_order.size() > MaxEntries)
        m_entries.remove(m_order.takeFirst());
}

std::optional<SimSpeechMemory::Entry> SimSpeechMemory::recall(QByteArrayView pcm) const
{
    const QByteArray key = QCryptographicHash::hash(pcm, QCryptographicHash::Sha256);
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<QHash<QByteArray, SimMultipart::Part>>
SimMultipart::parse(const QByteArray &contentType, const QByteArray &body)
{
    const qsizetype at = contentType.indexOf("boundary=");
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data") || at < 0)
        return std::nullopt;
    QByteArray boundary = contentType.mid(at + 9);
    if (const qsizetype semicolon = boundary.indexOf(';'); semicolon >= 0)
        boundary.truncate(semicolon);
    boundary = boundary.trimmed();
    if (boundary.startsWith('"') && boundary.endsWith('"') && boundary.size() >= 2)
        boundary = boundary.mid(1, boundary.size() - 2);
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    QHash<QByteArray, Part> parts;
    qsizetype position = body.indexOf(delimiter);
    if (position < 0)
        return std::nullopt;
    for (;;) {
        position += delimiter.size();
        if (body.mid(position, 2) == "--")
            return parts; // the closing delimiter
        if (body.mid(position, 2) != "\r\n")
            return std::nullopt;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", position);
        if (headersEnd < 0)
            return std::nullopt;
        const qsizetype next = body.indexOf("\r\n" + delimiter, headersEnd + 4);
        if (next < 0)
            return std::nullopt;
        Part part;
        QByteArray name;
        for (const QByteArray &line :
             body.mid(position + 2, headersEnd - position - 2).split('\n')) {
            const QByteArray header = line.trimmed();
            const QByteArray lower = header.toLower();
            if (lower.startsWith("content-type:")) {
                part.contentType = header.mid(13).trimmed();
            } else if (lower.startsWith("content-disposition:")) {
                auto quoted = [&header, &lower](const QByteArray &key) -> QByteArray {
                    const qsizetype from = lower.indexOf(" " + key + "=\"");
                    const qsizetype alt = lower.indexOf(";" + key + "=\"");
                    const qsizetype start = from >= 0 ? from : alt;
                    if (start < 0)
                        return {};
                    const qsizetype valueStart = start + key.size() + 3;
                    const qsizetype end = header.indexOf('"', valueStart);
                    return end < 0 ? QByteArray() : header.mid(valueStart, end - valueStart);
                };
                name = quoted("name");
                part.fileName = quoted("filename");
            }
        }
        part.data = body.mid(headersEnd + 4, next - headersEnd - 4);
        if (!name.isEmpty() && !parts.contains(name))
            parts.insert(name, part);
        position = next + 2;
    }
}
