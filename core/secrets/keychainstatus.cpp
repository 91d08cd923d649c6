#include "secrets/keychainstatus.h"

#include "common/secretmasker.h"

#include <qt6keychain/keychain.h>

namespace {

bool containsAny(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

KeychainStatus make(KeychainStatus::Code code, const QString &message, const QString &detail)
{
    KeychainStatus status;
    status.code = code;
    status.message = message;
    // Backends never should echo a secret, but this text ends up in logs and dialogs.
    status.detail = SecretMasker::mask(detail);
    return status;
}

} // namespace

bool KeychainStatus::isUnavailable() const
{
    return code == Code::NoSessionBus || code == Code::NoSecretService || code == Code::Locked ||
           code == Code::AccessDenied;
}

QString KeychainStatus::codeName() const
{
    switch (code) {
    case Code::Ok:
        return QStringLiteral("ok");
    case Code::NotFound:
        return QStringLiteral("not-found");
    case Code::NoSessionBus:
        return QStringLiteral("no-session-bus");
    case Code::NoSecretService:
        return QStringLiteral("no-secret-service");
    case Code::Locked:
        return QStringLiteral("locked");
    case Code::AccessDenied:
        return QStringLiteral("access-denied");
    case Code::Other:
        break;
    }
    return QStringLiteral("other");
}

KeychainStatus KeychainStatus::success()
{
    return {};
}

KeychainStatus KeychainStatus::notFound(const QString &keyName)
{
    return make(Code::NotFound,
                QStringLiteral("The OS keychain has no key named '%1'. Add it with "
                               "'voiceai-cli keys add %1'.")
                    .arg(keyName),
                {});
}

KeychainStatus KeychainStatus::fromBackend(int qkeychainError, const QString &errorString)
{
    using namespace QKeychain;
    switch (static_cast<Error>(qkeychainError)) {
    case NoError:
        return success();
    case EntryNotFound:
        return make(Code::NotFound, QStringLiteral("The OS keychain has no such entry."),
                    errorString);
    case AccessDeniedByUser:
    case AccessDenied:
        return make(Code::AccessDenied,
                    QStringLiteral("Access to the OS keychain was denied. Allow VoiceAI "
                                   "Supervisor to use the keychain when asked, or unlock it, "
                                   "and try again."),
                    errorString);
    case NoBackendAvailable:
        return make(Code::NoSecretService,
                    QStringLiteral("No OS keychain is available. Install and start "
                                   "gnome-keyring or KWallet (a Secret Service provider)."),
                    errorString);
    default:
        break;
    }

    // On Linux the Secret Service failures all arrive as OtherError; the text tells them apart.
    if (containsAny(errorString, {"autolaunch", "DBUS_SESSION_BUS_ADDRESS", "session bus",
                                  "Could not connect", "Failed to connect to socket",
                                  "Failed to open connection", "not connected"})) {
        return make(Code::NoSessionBus,
                    QStringLiteral("The OS keychain cannot be reached because there is no D-Bus "
                                   "session. Start VoiceAI Supervisor from a desktop session "
                                   "(or run it under dbus-run-session with gnome-keyring), or "
                                   "use the OPENAI_API_KEY environment variable."),
                    errorString);
    }
    if (containsAny(errorString, {"org.freedesktop.secrets", "ServiceUnknown",
                                  "was not provided by any .service files"})) {
        return make(Code::NoSecretService,
                    QStringLiteral("No Secret Service is running, so there is no OS keychain. "
                                   "Install gnome-keyring or KWallet and log in again, or use "
                                   "the OPENAI_API_KEY environment variable."),
                    errorString);
    }
    if (containsAny(errorString, {"locked", "collection/login", "Object does not exist",
                                  "No such object", "unlock"})) {
        return make(Code::Locked,
                    QStringLiteral("The OS keychain is locked. Unlock your login keyring (for "
                                   "example with Seahorse, \"Passwords and Keys\") and try again."),
                    errorString);
    }
    if (containsAny(errorString, {"denied", "dismissed", "cancel", "not allowed"})) {
        return make(Code::AccessDenied,
                    QStringLiteral("Access to the OS keychain was denied. Allow VoiceAI "
                                   "Supervisor to use the keychain when asked and try again."),
                    errorString);
    }
    return make(Code::Other,
                QStringLiteral("The OS keychain reported an error: %1").arg(errorString),
                errorString);
}
