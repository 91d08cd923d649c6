#pragma once

#include "sim/simchatrequest.h"

// Chooses what the simulator says when no reply is queued: customer, summary or
// agent mode (docs/simulator.md). Deterministic for a seed and a conversation.
class SimReplyGenerator
{
public:
    enum class Mode { Customer, Summary, Agent };

    explicit SimReplyGenerator(quint64 seed)
        : m_seed(seed)
    {}

    static Mode modeOf(const SimChatRequest &request);
    QString reply(const SimChatRequest &request) const;

private:
    QString summary(const QList<SimMessage> &messages) const;
    quint64 conversationSeed(const SimChatRequest &request) const;

    quint64 m_seed;
};
