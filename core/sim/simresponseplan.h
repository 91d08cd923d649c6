#pragma once

#include <QByteArray>
#include <QList>

// Everything a connection needs to send one response, decided up front by the
// server: status, headers, the body or the streamed events, their timing and
// any injected fault.
struct SimResponsePlan
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body; // not streamed

    bool streamed = false;
    QList<QByteArray> ticks; // streamed: each tick is one HTTP chunk of SSE events
    int firstTickDelayMs = 0;
    int tickIntervalMs = 0;
    QByteArray bulkBody; // pre-rendered chunked body, written as fast as the socket takes it

    int firstByteDelayMs = 0; // before the status line
    int stallAfterTicks = -1; // stop after this many ticks for stallMs (0 = forever)
    int stallMs = 0;
    int resetAfterTicks = -1;  // abort with RST after this many ticks (0 = before any byte)
    bool truncateBody = false; // not streamed: declare the full length, send half, close
    bool close = false;        // close the connection after this response

    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
    }
};
