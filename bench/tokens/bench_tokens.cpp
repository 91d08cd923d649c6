#include "benchcorpus.h"

#include "tokens/tokenizer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

// CPU time of this thread: on a busy machine wall time measures the neighbours too.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace

// Prints MB/s (MB = 10^6 bytes) of exact token counting for both encodings on a multilingual
// text built from files on the machine; --write-text lets the npm peers read the same bytes.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Token counting benchmark"));
    parser.addHelpOption();
    const QCommandLineOption writeText(QStringLiteral("write-text"),
                                       QStringLiteral("Also write the benchmark text to <file>."),
                                       QStringLiteral("file"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QStringLiteral("Timed rounds per measurement (default 5)."),
                                    QStringLiteral("n"), QStringLiteral("5"));
    parser.addOptions({writeText, rounds});
    parser.process(app);
    const int roundCount = std::max(1, parser.value(rounds).toInt());

    QString error;
    QStringList sources;
    const QByteArray text = BenchCorpus::build(&error, &sources);
    if (text.isEmpty()) {
        std::fprintf(stderr, "bench_tokens: cannot build the benchmark text: %s\n",
                     qPrintable(error));
        return 1;
    }
    if (parser.isSet(writeText)) {
        QFile out(parser.value(writeText));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            out.write(text) != text.size()) {
            std::fprintf(stderr, "bench_tokens: cannot write %s: %s\n", qPrintable(out.fileName()),
                         qPrintable(out.errorString()));
            return 1;
        }
    }
    const double mb = double(text.size()) / 1e6;
    std::printf("text: %lld bytes (%.2f MB) from %lld files, sha256 %s\n",
                static_cast<long long>(text.size()), mb, static_cast<long long>(sources.size()),
                QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().constData());

    for (const QString &name : Tokenizer::encodingNames()) {
        QElapsedTimer timer;
        timer.start();
        const Encoding *encoding = Tokenizer::byName(name);
        const double loadMs = double(timer.nsecsElapsed()) / 1e6;
        if (!encoding) {
            std::fprintf(stderr, "bench_tokens: %s\n", qPrintable(Tokenizer::loadError(name)));
            return 1;
        }
        timer.restart();
        const qsizetype coldCount = encoding->count(text);
        const double coldSeconds = double(timer.nsecsElapsed()) / 1e9;
        double bestCount = 1e30;
        double bestCountCpu = 1e30;
        double bestEncode = 1e30;
        qsizetype encoded = 0;
        for (int r = 0; r < roundCount; ++r) {
            timer.restart();
            const double cpu = threadCpuSeconds();
            const qsizetype n = encoding->count(text);
            bestCountCpu = std::min(bestCountCpu, threadCpuSeconds() - cpu);
            bestCount = std::min(bestCount, double(timer.nsecsElapsed()) / 1e9);
            timer.restart();
            encoded = qsizetype(encoding->encode(text).size());
            bestEncode = std::min(bestEncode, double(timer.nsecsElapsed()) / 1e9);
            if (n != coldCount || encoded != coldCount) {
                std::fprintf(stderr, "bench_tokens: counts differ between runs\n");
                return 1;
            }
        }
        std::printf("%-12s tokens %lld | load %.0f ms | count: first %.1f MB/s, best %.1f MB/s "
                    "(%.1f MB/s of CPU time) | encode (ids): best %.1f MB/s\n",
                    qPrintable(name), static_cast<long long>(coldCount), loadMs, mb / coldSeconds,
                    mb / bestCount, mb / bestCountCpu, mb / bestEncode);
    }
    return 0;
}
