// Prints how fast the store appends call events (each batch one committed transaction),
// reads a call back and searches transcripts, on a fresh database in a temporary folder.
//   bench_store [EVENTS]   (default 20000)
#include "store/eventkinds.h"
#include "store/sqlitestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

CallEvent makeEvent(const QString &callId, qint64 seq)
{
    CallEvent event;
    event.callId = callId;
    event.seq = seq;
    event.time = QDateTime::currentDateTimeUtc();
    const bool customer = seq % 2;
    event.actor = customer ? QStringLiteral("customer") : QStringLiteral("agent");
    event.kind = customer ? EventKind::CustomerUtterance : EventKind::AgentTurn;
    event.payload.insert(QStringLiteral("text"),
                         QStringLiteral("Turn %1: I would like to talk about my contract renewal"
                                        " and the price of the premium plan.")
                             .arg(seq));
    event.payload.insert(QStringLiteral("tokens"), 42);
    return event;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 20000;
    QTemporaryDir dir;
    QString error;
    auto store = SqliteStore::open(dir.path(), &error);
    if (!store) {
        out << "cannot open the store: " << error << '\n';
        return 1;
    }
    out << "store append benchmark, " << total << " events per run, WAL + synchronous=NORMAL\n";
    int run = 0;
    for (const int batch : {1, 10, 100}) {
        const QString callId = QStringLiteral("bench-%1").arg(++run);
        CallRecord call;
        call.id = callId;
        store->createCall(call);
        QElapsedTimer timer;
        timer.start();
        QList<CallEvent> pending;
        for (int seq = 1; seq <= total; ++seq) {
            pending.append(makeEvent(callId, seq));
            if (pending.size() == batch || seq == total) {
                if (!store->appendEvents(pending)) {
                    out << "append failed: " << store->lastError() << '\n';
                    return 1;
                }
                pending.clear();
            }
        }
        const double seconds = timer.nsecsElapsed() / 1e9;
        out << QStringLiteral("  batch %1: %2 events/s (%3 transactions/s)\n")
                   .arg(batch, 4)
                   .arg(total / seconds, 10, 'f', 0)
                   .arg(total / batch / seconds, 10, 'f', 0);
    }
    QElapsedTimer timer;
    timer.start();
    const qsizetype read = store->events(QStringLiteral("bench-1")).size();
    out << QStringLiteral("  read back %1 events: %2 ms\n").arg(read).arg(timer.elapsed());
    timer.restart();
    const int searches = 200;
    for (int i = 0; i < searches; ++i)
        store->search(QStringLiteral("premium renewal %1").arg(i + 1), 10);
    out << QStringLiteral("  search over %1 indexed events: %2 ms per query\n")
               .arg(3 * total)
               .arg(double(timer.elapsed()) / searches, 0, 'f', 2);
    return 0;
}
