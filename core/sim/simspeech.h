#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

// The simulator's "speech": a cheap voiced buzz per word (pitch from the voice, length from the
// word and the speed, pauses at punctuation) as 16-bit mono PCM at 24 kHz, the API's "pcm"
// format. Not intelligible, but it has the timing and level of speech, and the simulator
// remembers what it said: transcribing the same audio gives back the text that was spoken.
class SimSpeech
{
public:
    struct Word
    {
        QString text;
        double start = 0; // seconds
        double end = 0;
    };
    struct Rendering
    {
        QByteArray pcm; // little-endian
        QList<Word> words;
        double seconds = 0;
    };

    static constexpr int SampleRate = 24000;

    static Rendering render(const QString &text, const QString &voice, double speed);
};

// What the simulator said, by the hash of its samples (thread-safe, bounded).
class SimSpeechMemory
{
public:
    struct Entry
    {
        QString text;
        QList<SimSpeech::Word> words;
    };

    void remember(QByteArrayView pcm, const Entry &entry);
    std::optional<Entry> recall(QByteArrayView pcm) const;

private:
    static constexpr qsizetype MaxEntries = 512;
    mutable QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    QList<QByteArray> m_order; // oldest first, for eviction
};

// The parts of a multipart/form-data body, by field name (the first part of each name).
struct SimMultipart
{
    struct Part
    {
        QByteArray fileName;
        QByteArray contentType;
        QByteArray data;
    };

    // `contentType` is the request's Content-Type header; nullopt when it is not multipart or
    // the body does not parse.
    static std::optional<QHash<QByteArray, Part>> parse(const QByteArray &contentType,
                                                        const QByteArray &body);
};
