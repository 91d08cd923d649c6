#include "secrets/baseurlpolicy.h"

#include <QHostAddress>

bool BaseUrlPolicy::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return address.isLoopback();
}

BaseUrlPolicy::Result BaseUrlPolicy::check(const QUrl &url, bool confirmedInsecure)
{
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return {Verdict::Invalid,
                QStringLiteral("'%1' is not an absolute URL with a host").arg(shown)};
    if (!url.userInfo().isEmpty())
        return {Verdict::Invalid,
                QStringLiteral("the base URL must not contain a user name or password; "
                               "keys belong in the keychain")};
    if (url.hasQuery() || url.hasFragment())
        return {Verdict::Invalid,
                QStringLiteral("the base URL '%1' must not have a query or fragment").arg(shown)};
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {Verdict::Ok, {}};
    if (scheme != QLatin1String("http"))
        return {Verdict::Invalid,
                QStringLiteral("unsupported scheme '%1' in '%2' (use https)").arg(scheme, shown)};
    if (isLoopbackHost(url.host()) || confirmedInsecure)
        return {Verdict::Ok, {}};
    return {Verdict::NeedsConfirmation,
            QStringLiteral("'%1' uses plain http to a host that is not this computer: the API key "
                           "and every call transcript would cross the network unencrypted. "
                           "Use https, or confirm explicitly (--allow-insecure-http).")
                .arg(shown)};
}
