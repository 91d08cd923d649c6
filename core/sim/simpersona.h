#pragma once

#include <QStringList>

// The simulated customer as described in a customer system prompt ("Goal: ...",
// "Mood: ...", "Facts: ...", "Pushback: ...", "Name: ...", "Turns: N").
struct SimPersona
{
    enum class Mood { Neutral, Friendly, Angry, Impatient, Confused };
    enum class Pushback { Low, Medium, High };

    QString name;
    QString goal;
    QString moodText;
    Mood mood = Mood::Neutral;
    QStringList facts;
    Pushback pushback = Pushback::Medium;
    bool wantsHuman = false;  // the persona asks for a person at some point
    bool wantsOptOut = false; // the persona wants no more calls
    int maxTurns = 0;         // 0 = let the seed choose (3..5)

    static SimPersona fromSystemPrompt(const QString &text);
};
