#pragma once

#include "sim/simchatrequest.h"

#include <QStringList>

// What the agent side of the simulator can learn from a call's system/context
// messages: labelled lines ("Purpose: ...") or a JSON context object.
struct SimContextFacts
{
    QString purpose;
    QString customerName;
    QStringList products;
    QString company;
    QString guidance; // the latest supervisor whisper, if any

    static SimContextFacts fromMessages(const QList<SimMessage> &messages);
    // "Label: value" lines of a text, labels lower-cased.
    static QList<std::pair<QString, QString>> labelledLines(const QString &text);
};
