#pragma once

#include "store/calltotals.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// A call's header row: who, why, which prompt, how it ended and what it cost.
// state: "active", "ended" or "interrupted" (an earlier process died during the call).
struct CallRecord
{
    QString id;
    QDateTime startedAt;
    QDateTime endedAt;
    QString state = QStringLiteral("active");
    QString endReason;
    QString customerName;
    QString customerId;
    QString campaign;
    QString purpose;
    QString language;
    QString promptName;
    int promptVersion = 0;
    QJsonObject contextJson;
    CallTotals totals;
};
