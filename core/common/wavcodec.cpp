#include "common/wavcodec.h"

#include <QtEndian>

namespace {

void put16(QByteArray *out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out->append(bytes, 2);
}

void put32(QByteArray *out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out->append(bytes, 4);
}

} // namespace

QByteArray WavCodec::header(qint64 dataBytes, int sampleRate, int channels)
{
    // Sizes saturate at 4 GiB (the format's limit); players then read to the end of the file.
    const auto data = quint32(qBound<qint64>(0, dataBytes, 0xFFFFFFFFLL - 36));
    QByteArray out;
    out.reserve(HeaderBytes);
    out.append("RIFF");
    put32(&out, 36 + data);
    out.append("WAVEfmt ");
    put32(&out, 16);
    put16(&out, 1); // integer PCM
    put16(&out, quint16(channels));
    put32(&out, quint32(sampleRate));
    put32(&out, quint32(sampleRate * channels * 2));
    put16(&out, quint16(channels * 2));
    put16(&out, 16);
    out.append("data");
    put32(&out, data);
    return out;
}

QByteArray WavCodec::encode(QByteArrayView pcm, int sampleRate, int channels)
{
    QByteArray out = header(pcm.size(), sampleRate, channels);
    out.append(pcm.data(), pcm.size());
    return out;
}

std::optional<WavCodec::Audio> WavCodec::decode(QByteArrayView file, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<Audio> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (file.size() < 12 || file.first(4) != "RIFF" || file.sliced(8, 4) != "WAVE")
        return fail(QStringLiteral("not a RIFF/WAVE file"));
    Audio audio;
    bool haveFormat = false;
    qsizetype at = 12;
    while (at + 8 <= file.size()) {
        const QByteArrayView id = file.sliced(at, 4);
        const quint32 size = qFromLittleEndian<quint32>(file.data() + at + 4);
        const qsizetype body = at + 8;
        const qsizetype available = qMin<qsizetype>(qsizetype(size), file.size() - body);
        if (id == "fmt ") {
            if (available < 16)
                return fail(QStringLiteral("the fmt chunk is too short"));
            const quint16 format = qFromLittleEndian<quint16>(file.data() + body);
            audio.channels = qFromLittleEndian<quint16>(file.data() + body + 2);
            audio.sampleRate = int(qFromLittleEndian<quint32>(file.data() + body + 4));
            const quint16 bits = qFromLittleEndian<quint16>(file.data() + body + 14);
            if (format != 1 || bits != 16)
                return fail(QStringLiteral("only 16-bit integer PCM is supported (format %1, "
                                           "%2 bits)")
                                .arg(format)
                                .arg(bits));
            if (audio.channels < 1 || audio.sampleRate < 1)
                return fail(QStringLiteral("the fmt chunk has no channels or no sample rate"));
            haveFormat = true;
        } else if (id == "data") {
            if (!haveFormat)
                return fail(QStringLiteral("the data chunk comes before the fmt chunk"));
            // A streamed file may carry a placeholder size: read what is there.
            const qsizetype bytes =
                size == 0 || size == 0xFFFFFFFFu ? file.size() - body : available;
            audio.pcm = file.sliced(body, bytes - bytes % (2 * audio.channels)).toByteArray();
            return audio;
        }
        at = body + qsizetype(size) + (size & 1); // chunks are padded to even sizes
    }
    return fail(haveFormat ? QStringLiteral("no data chunk") : QStringLiteral("no fmt chunk"));
}
