#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One thing that happened on a call; the call is the ordered list of its events.
// actor: "agent", "customer", "system" or "supervisor:<name>"; kind: see store/eventkinds.h.
// seq counts from 1 per call; an event appended with seq <= 0 gets the call's next seq.
struct CallEvent
{
    QString callId;
    qint64 seq = 0;
    QDateTime time;
    QString actor;
    QString kind;
    QJsonObject payload;
};
