// The whole client consuming a 100k-chunk stream (~171-byte chunks) served by the simulator in
// another process, next to QNetworkAccessManager merely reading the same stream. Prints chunks/s,
// MB/s and peak RSS.
//
//   bench_openai_stream [--chunks N] [--rounds R] [--base-url URL]
// Without --base-url it starts `voiceai-cli simulate --bench-chunks N` itself.

#include "benchsupport.h"
#include "openai/chatcall.h"
#include "openai/openaiclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTextStream>

#include <algorithm>

namespace {

struct Run
{
    double seconds = 0;
    qint64 bytes = 0;
    qint64 signalCount = 0;
    bool ok = false;
    QString error;
};

QByteArray requestBody()
{
    return QJsonDocument(
               QJsonObject{
                   {"model", "gpt-4o"},
                   {"stream", true},
                   {"stream_options", QJsonObject{{"include_usage", true}}},
                   {"messages", QJsonArray{QJsonObject{{"role", "user"}, {"content", "bench"}}}},
               })
        .toJson(QJsonDocument::Compact);
}

// QNAM reading the stream and discarding it: the ceiling for any QNAM-based client.
Run rawRead(QNetworkAccessManager &nam, const QUrl &baseUrl)
{
    QNetworkRequest request(QUrl(baseUrl.toString() + QStringLiteral("/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    Run run;
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = nam.post(request, requestBody());
    reply->setReadBufferSize(1024 * 1024); // as the client does
    QEventLoop loop;
    QByteArray slice(64 * 1024, Qt::Uninitialized);
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&run, &slice, reply] {
        while (reply->bytesAvailable() > 0)
            run.bytes += reply->read(slice.data(), slice.size());
        ++run.signalCount;
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    while (reply->bytesAvailable() > 0)
        run.bytes += reply->read(slice.data(), slice.size());
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.ok = reply->error() == QNetworkReply::NoError;
    run.error = reply->errorString();
    reply->deleteLater();
    return run;
}

Run clientRun(OpenAIClient &client)
{
    ChatRequest request;
    request.messages = {ChatMessage::user(QStringLiteral("bench"))};
    request.primary.model = QStringLiteral("gpt-4o");
    request.maxRetries = 0;
    request.feature = QStringLiteral("bench");
    Run run;
    QElapsedTimer timer;
    timer.start();
    ChatCall *call = client.chat(request);
    QEventLoop loop;
    QObject::connect(call, &ChatCall::contentDelta, call, [&run](const QString &text) {
        run.bytes += text.size();
        ++run.signalCount;
    });
    QObject::connect(call, &ChatCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.ok = call->result().ok();
    run.error = call->result().error.message;
    delete call;
    return run;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"chunks", "Chunks in the stream.", "N", "100000"},
                       {"rounds", "Measured rounds.", "R", "5"},
                       {"base-url", "Use this server instead of starting the simulator.", "URL"},
                       {"client-only", "Skip the QNAM read-only rounds (for a clean peak RSS)."}});
    parser.process(app);
    const int chunks = parser.value("chunks").toInt();
    const int rounds = std::max(1, parser.value("rounds").toInt());
    QTextStream out(stdout);

    QProcess simulator;
    QUrl baseUrl(parser.value("base-url"));
    if (!parser.isSet("base-url")) {
        simulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        simulator.start(
            QStringLiteral(VOICEAI_CLI_PATH),
            {"simulate", "--port", "0", "--instant", "--bench-chunks", QString::number(chunks)});
        if (!simulator.waitForReadyRead(30000)) {
            out << "cannot start the simulator: " << simulator.errorString() << '\n';
            return 1;
        }
        const QByteArray line = simulator.readLine().trimmed();
        baseUrl = QUrl(QString::fromUtf8(line.mid(line.indexOf("http"))));
    }
    out << "Client stream benchmark: " << chunks << " chunks from " << baseUrl.toString() << ", "
        << rounds << " rounds (after one warm-up each)\n";
    out.flush();

    QNetworkAccessManager nam;
    ClientSettings settings;
    settings.baseUrl = baseUrl;
    OpenAIClient client(settings, nullptr, PriceTable(), nullptr);

    // Client rounds first, so that the peak RSS printed for the client is its own.
    clientRun(client);
    QList<double> clientRates;
    for (int round = 0; round < rounds; ++round) {
        const Run run = clientRun(client);
        if (!run.ok) {
            out << "client round " << round + 1 << " failed: " << run.error << '\n';
            return 1;
        }
        clientRates.append(chunks / run.seconds);
        out << QStringLiteral(
                   "  round %1: client %2 k chunks/s (%3 delta signals, %4 content chars)\n")
                   .arg(round + 1)
                   .arg(chunks / run.seconds / 1e3, 0, 'f', 0)
                   .arg(run.signalCount)
                   .arg(run.bytes);
        out.flush();
    }
    const double clientRss = peakRssMiB();

    QList<double> rawRates;
    qint64 streamBytes = 0;
    if (!parser.isSet("client-only")) {
        rawRead(nam, baseUrl);
        for (int round = 0; round < rounds; ++round) {
            const Run raw = rawRead(nam, baseUrl);
            if (!raw.ok) {
                out << "QNAM round " << round + 1 << " failed: " << raw.error << '\n';
                return 1;
            }
            streamBytes = raw.bytes;
            rawRates.append(chunks / raw.seconds);
            out << QStringLiteral(
                       "  round %1: QNAM read only %2 k chunks/s (%3 MB/s, %4 readyRead)\n")
                       .arg(round + 1)
                       .arg(chunks / raw.seconds / 1e3, 0, 'f', 0)
                       .arg(raw.bytes / raw.seconds / 1e6, 0, 'f', 0)
                       .arg(raw.signalCount);
            out.flush();
        }
    }
    const double clientMedian = median(clientRates);
    const double bytesPerChunk = streamBytes > 0 ? double(streamBytes) / chunks : 171.0;
    out << QStringLiteral("client: median %1 k chunks/s, best %2 k chunks/s, %3 MB/s median, "
                          "peak RSS %4 MiB\n")
               .arg(clientMedian / 1e3, 0, 'f', 0)
               .arg(*std::max_element(clientRates.cbegin(), clientRates.cend()) / 1e3, 0, 'f', 0)
               .arg(clientMedian * bytesPerChunk / 1e6, 0, 'f', 0)
               .arg(clientRss, 0, 'f', 1);
    if (!rawRates.isEmpty()) {
        out << QStringLiteral(
                   "QNAM read only: median %1 k chunks/s, %2 MB/s (%3 bytes per stream); "
                   "client / QNAM = %4%\n")
                   .arg(median(rawRates) / 1e3, 0, 'f', 0)
                   .arg(median(rawRates) * bytesPerChunk / 1e6, 0, 'f', 0)
                   .arg(streamBytes)
                   .arg(100.0 * clientMedian / median(rawRates), 0, 'f', 0);
    }
    if (simulator.state() != QProcess::NotRunning) {
        simulator.terminate();
        simulator.waitForFinished(5000);
    }
    return 0;
}
