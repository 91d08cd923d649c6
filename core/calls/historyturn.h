#pragma once

#include <QString>

// One entry of a call's conversation as the history window sees it. Customer and agent lines
// become user/assistant messages; supervisor instructions (whispers, hand-back notes) become
// system messages the customer never hears. A supervisor speaking to the customer (say, take-over)
// is an Agent turn.
struct HistoryTurn
{
    enum class Role { Customer, Agent, Instruction };

    Role role = Role::Customer;
    QString text;                       // already redacted
    bool supervisorInstruction = false; // a whisper or hand-back note (implies Role::Instruction)
    QString author;                     // e.g. the supervisor's name; informational

    static HistoryTurn customer(const QString &text) { return {Role::Customer, text, false, {}}; }
    static HistoryTurn agent(const QString &text) { return {Role::Agent, text, false, {}}; }
    static HistoryTurn instruction(const QString &text, const QString &supervisor)
    {
        return {Role::Instruction, text, true, supervisor};
    }
};
