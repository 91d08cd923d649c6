#pragma once

#include "sim/simchatrequest.h"

#include <QStringList>

// Token arithmetic of the simulator in one place: usage counts and the pieces a
// reply is streamed in.
class SimTokens
{
public:
    static int countPrompt(const QString &model, const QList<SimMessage> &messages);
    static int count(const QString &model, const QString &text);
    // The reply cut into streamable pieces (word-sized, each with its leading space).
    static QStringList pieces(const QString &text);
};
