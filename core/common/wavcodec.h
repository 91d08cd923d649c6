#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

// RIFF/WAVE with 16-bit integer PCM: the recording format, the file sent for transcription and
// what the simulator reads back. Little-endian sample bytes in and out, channels interleaved.
class WavCodec
{
public:
    struct Audio
    {
        int sampleRate = 0;
        int channels = 0;
        QByteArray pcm; // 16-bit little-endian, interleaved
    };

    static constexpr int HeaderBytes = 44;

    static QByteArray encode(QByteArrayView pcm, int sampleRate, int channels);
    // The 44-byte header of a file holding `dataBytes` of PCM (to patch in after streaming).
    static QByteArray header(qint64 dataBytes, int sampleRate, int channels);
    // Accepts any chunk order and skips unknown chunks; refuses anything but 16-bit PCM, with
    // *error saying why.
    static std::optional<Audio> decode(QByteArrayView file, QString *error);
};
