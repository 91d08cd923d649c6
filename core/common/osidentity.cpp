#include "common/osidentity.h"

#include <QByteArray>

#include <pwd.h>
#include <unistd.h>

QString OsIdentity::userName()
{
    const uid_t uid = geteuid();
    // getpwuid_r, so that a second thread asking at the same time gets its own answer.
    long bufferSize = sysconf(_SC_GETPW_R_SIZE_MAX);
    if (bufferSize <= 0)
        bufferSize = 16384;
    QByteArray buffer(int(bufferSize), Qt::Uninitialized);
    passwd entry{};
    passwd *found = nullptr;
    if (getpwuid_r(uid, &entry, buffer.data(), size_t(buffer.size()), &found) == 0 && found &&
        found->pw_name && *found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("uid:%1").arg(uid);
}

QString OsIdentity::actor()
{
    return QStringLiteral("user:") + userName();
}
