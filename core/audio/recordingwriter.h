#pragma once

#include <QFile>
#include <QString>

#include <memory>
#include <optional>

class AudioTimeline;

// Writes a call's audio to a WAV file (16-bit PCM) or a FLAC file (libFLAC's stream encoder,
// lossless, about half the size for speech). Frames are written as they come, so a long call
// is never held whole in memory, and a file cut short by a crash keeps what was written (a WAV
// header is completed on close; our reader accepts an unfinished one). Files are created with
// mode 0600: recordings hold personal data.
class RecordingWriter
{
public:
    enum class Format { Wav, Flac };

    RecordingWriter();
    ~RecordingWriter(); // closes
    RecordingWriter(const RecordingWriter &) = delete;
    RecordingWriter &operator=(const RecordingWriter &) = delete;

    bool open(const QString &path, Format format, int sampleRate, int channels);
    // `frames` frames of interleaved 16-bit samples.
    bool write(const qint16 *interleaved, qsizetype frames);
    bool close();
    bool isOpen() const { return m_file.isOpen(); }
    QString errorString() const { return m_error; }
    qint64 framesWritten() const { return m_frames; }

    static QString formatName(Format format);
    // "wav" / "flac"; nullopt for anything else.
    static std::optional<Format> formatFromName(const QString &name);

    // The whole timeline as a stereo file: the agent on the left, the customer on the right.
    static bool writeTimeline(const AudioTimeline &timeline, const QString &path, Format format,
                              QString *error);

private:
    struct Flac;
    bool fail(const QString &message);

    QFile m_file;
    Format m_format = Format::Wav;
    int m_sampleRate = 0;
    int m_channels = 0;
    qint64 m_frames = 0;
    QString m_error;
    std::unique_ptr<Flac> m_flac;
};
