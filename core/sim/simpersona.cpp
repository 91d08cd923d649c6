#include "sim/simpersona.h"

#include "sim/simcontextfacts.h"

#include <QRegularExpression>

namespace {

bool containsAny(const QString &text, std::initializer_list<const char *> words)
{
    for (const char *word : words) {
        if (text.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

SimPersona::Mood moodOf(const QString &text)
{
    if (containsAny(text,
                    {"angry", "furious", "irritat", "annoyed", "frustrat", "hostile", "upset"}))
        return SimPersona::Mood::Angry;
    if (containsAny(text, {"impatient", "busy", "rushed", "hurry", "short on time"}))
        return SimPersona::Mood::Impatient;
    if (containsAny(text, {"confus", "unsure", "hesitant", "uncertain", "elderly"}))
        return SimPersona::Mood::Confused;
    if (containsAny(text, {"friendly", "happy", "cheerful", "warm", "pleased", "polite", "calm"}))
        return SimPersona::Mood::Friendly;
    return SimPersona::Mood::Neutral;
}

SimPersona::Pushback pushbackOf(const QString &text)
{
    if (containsAny(text, {"high", "hard", "strong", "stubborn", "a lot", "very", "aggressive"}))
        return SimPersona::Pushback::High;
    if (containsAny(text, {"low", "none", "little", "easy", "soft", "no push"}))
        return SimPersona::Pushback::Low;
    return SimPersona::Pushback::Medium;
}

} // namespace

SimPersona SimPersona::fromSystemPrompt(const QString &text)
{
    SimPersona persona;
    bool sawPushback = false;
    for (const auto &[label, value] : SimContextFacts::labelledLines(text)) {
        if (label.contains(QLatin1String("goal")) && persona.goal.isEmpty()) {
            persona.goal = value;
        } else if (label.contains(QLatin1String("mood")) && persona.moodText.isEmpty()) {
            persona.moodText = value;
        } else if (label.contains(QLatin1String("fact"))) {
            static const QRegularExpression sep(QStringLiteral("\\s*[;|]\\s*"));
            for (QString fact : value.split(sep, Qt::SkipEmptyParts)) {
                if (fact.endsWith(QLatin1Char('.')))
                    fact.chop(1);
                persona.facts.append(fact);
            }
        } else if (label.contains(QLatin1String("push")) ||
                   label.contains(QLatin1String("objection"))) {
            persona.pushback = pushbackOf(value);
            sawPushback = true;
        } else if ((label == QLatin1String("name") || label.contains(QLatin1String("your name")) ||
                    label.contains(QLatin1String("customer name"))) &&
                   persona.name.isEmpty()) {
            persona.name = value;
        } else if (label.contains(QLatin1String("turns"))) {
            persona.maxTurns = std::clamp(value.section(QLatin1Char(' '), 0, 0).toInt(), 0, 50);
        }
    }
    if (persona.name.isEmpty()) {
        static const QRegularExpression youAre(
            QStringLiteral("\\bYou are ([A-Z][a-z]+(?: [A-Z][a-z]+)?)"));
        const auto match = youAre.match(text);
        if (match.hasMatch())
            persona.name = match.captured(1);
    }
    persona.mood = moodOf(persona.moodText.isEmpty() ? text : persona.moodText);
    if (!sawPushback && persona.mood == Mood::Angry)
        persona.pushback = Pushback::High;
    // Only the persona's own description counts, not the instructions around it.
    const QString own = persona.goal + QLatin1Char(' ') + persona.moodText + QLatin1Char(' ') +
                        persona.facts.join(QLatin1Char(' '));
    persona.wantsHuman = containsAny(own, {"human", "real person", "manager", "supervisor"});
    persona.wantsOptOut = containsAny(own, {"stop call", "do-not-call", "do not call", "opt out",
                                            "opt-out", "never be called", "no more calls"});
    return persona;
}
