#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

// What an audio device (the listener's output, the supervisor's microphone) is doing, typed,
// with a message a person can act on. No state is fatal: without sound the call goes on.
struct AudioDeviceStatus
{
    enum class State {
        Stopped,       // not started, or stopped by the caller
        Active,        // playing / capturing
        NoAudioSystem, // no audio server (PulseAudio / PipeWire) to talk to
        NoDevice,      // the chosen device (or any device) is not there
        DeviceLost,    // the device went away while in use (unplugged, module unloaded)
        AccessDenied,  // the device exists but could not be opened (permission, in use)
        Failed,        // the audio system reported another error
    };

    State state = State::Stopped;
    QString message;     // empty when Active or Stopped
    QByteArray deviceId; // the device in use or asked for; empty = the system default
    QString deviceName;

    bool isActive() const { return state == State::Active; }
    // "stopped", "active", "no-audio-system", "no-device", "device-lost", "access-denied",
    // "failed"
    QString stateName() const
    {
        switch (state) {
        case State::Stopped:
            return QStringLiteral("stopped");
        case State::Active:
            return QStringLiteral("active");
        case State::NoAudioSystem:
            return QStringLiteral("no-audio-system");
        case State::NoDevice:
            return QStringLiteral("no-device");
        case State::DeviceLost:
            return QStringLiteral("device-lost");
        case State::AccessDenied:
            return QStringLiteral("access-denied");
        case State::Failed:
            return QStringLiteral("failed");
        }
        return QStringLiteral("failed");
    }
    bool operator==(const AudioDeviceStatus &other) const
    {
        return state == other.state && message == other.message && deviceId == other.deviceId;
    }
};

Q_DECLARE_METATYPE(AudioDeviceStatus)
