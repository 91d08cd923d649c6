#pragma once

#include <QString>

#include <array>
#include <optional>

// The two sides of a call's audio. The line side carries whatever the customer hears: the
// agent's synthesised voice, and the supervisor's voice during a take-over.
enum class AudioSide { Agent, Customer };

inline constexpr std::array<AudioSide, 2> AllAudioSides{AudioSide::Agent, AudioSide::Customer};

inline QString audioSideName(AudioSide side)
{
    return side == AudioSide::Agent ? QStringLiteral("agent") : QStringLiteral("customer");
}

inline std::optional<AudioSide> audioSideFromName(const QString &name)
{
    if (name == QLatin1String("agent"))
        return AudioSide::Agent;
    if (name == QLatin1String("customer"))
        return AudioSide::Customer;
    return std::nullopt;
}
