#pragma once

#include "sim/simchatrequest.h"
#include "sim/simcontextfacts.h"
#include "sim/simrandom.h"

// Plays the VoiceAI agent: discloses that it is an AI on its first turn, then
// answers the customer with the call's purpose and products in mind, and closes
// with "Goodbye" when the customer says goodbye.
class SimAgentPlayer
{
public:
    SimAgentPlayer(SimContextFacts facts, quint64 seed);

    QString nextLine(const QList<SimMessage> &messages);

private:
    QString greeting() const;
    QString answer(const QString &customerLine, int agentTurn);
    QString product(int agentTurn) const;
    QString purposeClause() const;
    QString nameSuffix() const;

    SimContextFacts m_facts;
    SimRandom m_random;
    QStringList m_said; // this speaker's earlier lines
};
