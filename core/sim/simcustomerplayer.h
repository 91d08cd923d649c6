#pragma once

#include "sim/simchatrequest.h"
#include "sim/simpersona.h"
#include "sim/simrandom.h"

// Plays the customer in "You are role-playing the customer" requests: follows
// the persona's goal, mood and facts, pushes back as hard as it says, and winds
// the call down after a few turns.
class SimCustomerPlayer
{
public:
    // planSeed fixes the persona's course over the call; phraseSeed varies the wording.
    SimCustomerPlayer(SimPersona persona, quint64 planSeed, quint64 phraseSeed);

    // The customer's next line, given the conversation so far (agent lines are
    // "user" messages, the customer's own earlier lines "assistant" messages).
    QString nextLine(const QList<SimMessage> &messages);

private:
    QString opening();
    QString goalLine();
    QString factLine(const QString &fact);
    QString reaction(const QString &agentLine);
    QString askForHuman();
    QString optOut();
    QString windDown();
    QString farewell();

    SimPersona m_persona;
    quint64 m_planSeed;
    SimRandom m_random;
    QStringList m_said; // this speaker's earlier lines
};
