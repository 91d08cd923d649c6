#pragma once

#include <QByteArrayView>
#include <QStringList>

#include <random>

// The simulator's only source of variation: seeded, so equal inputs give equal replies.
class SimRandom
{
public:
    explicit SimRandom(quint64 seed)
        : m_engine(seed)
    {}

    // A stable 64-bit hash (FNV-1a), unlike qHash which is salted per process.
    static quint64 hash(QByteArrayView bytes, quint64 basis = 1469598103934665603ull)
    {
        quint64 h = basis;
        for (const char c : bytes) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ull;
        }
        return h;
    }

    quint64 next() { return m_engine(); }
    int below(int n) { return n > 0 ? static_cast<int>(m_engine() % static_cast<quint64>(n)) : 0; }
    bool chance(int percent) { return below(100) < percent; }
    QString pick(const QStringList &options)
    {
        return options.isEmpty() ? QString() : options.at(below(static_cast<int>(options.size())));
    }

    // Like pick, but prefers an option not already in one of the earlier lines,
    // so a simulated speaker does not repeat itself word for word.
    QString pickFresh(const QStringList &said, const QStringList &options)
    {
        const int n = static_cast<int>(options.size());
        const int start = below(n);
        for (int i = 0; i < n; ++i) {
            const QString &option = options.at((start + i) % n);
            bool used = false;
            for (const QString &line : said)
                used = used || line.contains(option);
            if (!used)
                return option;
        }
        return n ? options.at(start) : QString();
    }

private:
    std::mt19937_64 m_engine;
};
