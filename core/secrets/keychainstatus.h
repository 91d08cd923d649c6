#pragma once

#include <QString>

// The outcome of one OS keychain operation, typed so that the app can tell the
// user what happened and what to do. QtKeychain reports most Linux failures as
// OtherError, so the backend's message is classified here.
struct KeychainStatus
{
    enum class Code {
        Ok,
        NotFound,        // no entry under that name
        NoSessionBus,    // no D-Bus session: the Secret Service cannot be reached at all
        NoSecretService, // D-Bus works but nothing provides org.freedesktop.secrets
        Locked,          // the keyring exists but is locked (or has no default collection)
        AccessDenied,    // the user or the system refused access
        Other,
    };

    Code code = Code::Ok;
    QString message; // what happened and what to do, for the user (never contains a key)
    QString detail;  // the backend's own error text, for logs

    bool ok() const { return code == Code::Ok; }
    // True when the keychain as a whole is not usable (as opposed to one missing entry).
    bool isUnavailable() const;
    QString codeName() const;

    static KeychainStatus success();
    static KeychainStatus notFound(const QString &keyName);
    // Classifies a QtKeychain error (QKeychain::Error as int) and its error string.
    static KeychainStatus fromBackend(int qkeychainError, const QString &errorString);
};
