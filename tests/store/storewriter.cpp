// A child process for the store tests: appends events to a call, one committed transaction
// each, and prints "committed <seq>" after each commit returns.
//   voiceai-store-writer DATA_DIR CALL_ID COUNT   (COUNT 0 = until killed)
#include "store/eventkinds.h"
#include "store/sqlitestore.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() != 4) {
        err << "usage: voiceai-store-writer DATA_DIR CALL_ID COUNT\n";
        return 2;
    }
    QString error;
    auto store = SqliteStore::open(args.at(1), &error);
    if (!store) {
        err << error << '\n';
        return 1;
    }
    const QString callId = args.at(2);
    const qint64 count = args.at(3).toLongLong();
    if (!store->call(callId)) {
        CallRecord call;
        call.id = callId;
        call.customerName = QStringLiteral("Writer Child");
        if (!store->createCall(call)) {
            err << store->lastError() << '\n';
            return 1;
        }
    }
    for (qint64 seq = store->lastSeq(callId) + 1; count == 0 || seq <= count; ++seq) {
        CallEvent event;
        event.callId = callId;
        event.seq = seq;
        event.actor = seq % 2 ? QStringLiteral("customer") : QStringLiteral("agent");
        event.kind = seq % 2 ? EventKind::CustomerUtterance : EventKind::AgentTurn;
        event.payload.insert(QStringLiteral("text"), QStringLiteral("line%1 of the call").arg(seq));
        if (!store->appendEvents({event})) {
            err << store->lastError() << '\n';
            return 1;
        }
        // Printed only after the commit returned: whatever the parent saw must be on disk.
        std::printf("committed %lld\n", static_cast<long long>(seq));
        std::fflush(stdout);
    }
    return 0;
}
