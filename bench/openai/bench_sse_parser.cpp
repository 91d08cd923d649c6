// In-process throughput of the SSE framing and of framing + chunk decoding (simdjson), over the
// same 100k-chunk stream of ~171-byte events that the simulator serves for the client benchmark.

#include "benchsupport.h"
#include "openai/sseparser.h"
#include "openai/streamchunkdecoder.h"
#include "sim/simchatresponder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

namespace {

class CountingSink final : public ContentSink
{
public:
    void appendContent(const char *, qsizetype size) override { bytes += size; }
    qint64 bytes = 0;
};

QByteArray buildStream(int chunks)
{
    QByteArray stream;
    stream.reserve(qsizetype(chunks) * 172);
    for (int i = 0; i < chunks; ++i)
        stream += SimChatResponder::benchEvent(QStringLiteral("gpt-4o"), i);
    stream += "data: [DONE]\n\n";
    return stream;
}

// Feeds `stream` in reads of `readSize` bytes, as a socket would deliver it.
template<typename OnEvent>
double feed(const QByteArray &stream, qsizetype readSize, OnEvent &&onEvent)
{
    SseParser parser;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype offset = 0; offset < stream.size(); offset += readSize) {
        const qsizetype size = std::min(readSize, stream.size() - offset);
        memcpy(parser.prepareWrite(size), stream.constData() + offset, size_t(size));
        parser.commit(size);
        parser.parse(onEvent);
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int chunks = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int rounds = 5;
    const QByteArray stream = buildStream(chunks);
    const double megabytes = double(stream.size()) / 1e6;
    QTextStream out(stdout);
    out << "SSE parser benchmark: " << chunks << " chunks, " << stream.size() << " bytes ("
        << double(stream.size()) / chunks << " bytes/chunk), best of " << rounds << " rounds\n";

    for (qsizetype readSize : {qsizetype(16384), qsizetype(65536)}) {
        double framing = 1e9;
        double decoding = 1e9;
        qint64 events = 0;
        qint64 content = 0;
        for (int round = 0; round < rounds; ++round) {
            events = 0;
            framing = std::min(framing, feed(stream, readSize, [&](const SseParser::Event &e) {
                                   events += e.data.size() > 0;
                                   return true;
                               }));
            CountingSink sink;
            StreamChunkDecoder decoder(&sink);
            decoding = std::min(decoding, feed(stream, readSize, [&](const SseParser::Event &e) {
                                    return decoder.decode(e.type, e.data, SseParser::Padding) ==
                                           StreamChunkDecoder::Status::Continue;
                                }));
            content = sink.bytes;
        }
        out << QStringLiteral("  reads of %1 KiB: framing only %2 MB/s (%3 M events/s); "
                              "framing + JSON %4 MB/s (%5 M chunks/s), content %6 bytes\n")
                   .arg(readSize / 1024)
                   .arg(megabytes / framing, 0, 'f', 0)
                   .arg(double(events) / framing / 1e6, 0, 'f', 2)
                   .arg(megabytes / decoding, 0, 'f', 0)
                   .arg(double(chunks) / decoding / 1e6, 0, 'f', 2)
                   .arg(content);
    }
    out << QStringLiteral("  peak RSS %1 MiB\n").arg(peakRssMiB(), 0, 'f', 1);
    return 0;
}
