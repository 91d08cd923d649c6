#pragma once

#include <QString>

// Who is at the keyboard, as the operating system knows it. Audit records name this account:
// it comes from the password database for the process's effective user id, never from $USER,
// which anyone can set.
class OsIdentity
{
public:
    // The login name of the effective user ("uid:<n>" when the account has no entry).
    static QString userName();
    // "user:<login name>", the actor of an action taken at this desk.
    static QString actor();
};
