#include "calls/callstate.h"

QString callStateName(CallState state)
{
    switch (state) {
    case CallState::Dialing:
        return QStringLiteral("dialing");
    case CallState::Active:
        return QStringLiteral("active");
    case CallState::Ended:
        return QStringLiteral("ended");
    }
    return QStringLiteral("unknown");
}

QString supervisionModeName(SupervisionMode mode)
{
    switch (mode) {
    case SupervisionMode::None:
        return QStringLiteral("none");
    case SupervisionMode::Listening:
        return QStringLiteral("listening");
    case SupervisionMode::Whispering:
        return QStringLiteral("whispering");
    case SupervisionMode::TakenOver:
        return QStringLiteral("taken-over");
    case SupervisionMode::HandedBack:
        return QStringLiteral("handed-back");
    }
    return QStringLiteral("unknown");
}
