#include "baseurlgate.h"

#include "secrets/baseurlpolicy.h"

#include <QMessageBox>

BaseUrlGate::Outcome BaseUrlGate::evaluate(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {Decision::Accept, QUrl(), QString()};
    const QUrl url(trimmed, QUrl::StrictMode);
    const BaseUrlPolicy::Result result = BaseUrlPolicy::check(url, false);
    switch (result.verdict) {
    case BaseUrlPolicy::Verdict::Ok:
        return {Decision::Accept, url, QString()};
    case BaseUrlPolicy::Verdict::NeedsConfirmation:
        return {Decision::Confirm, url,
                tr("%1 uses plain http to a computer other than this one: the API key and every "
                   "call transcript would cross the network unencrypted. Use it anyway?")
                    .arg(url.toDisplayString(QUrl::RemoveUserInfo))};
    case BaseUrlPolicy::Verdict::Invalid:
        break;
    }
    // The policy's own sentence names the exact problem (scheme, credentials, query…).
    return {Decision::Refuse, url, tr("This base URL cannot be used: %1").arg(result.message)};
}

bool BaseUrlGate::ask(QWidget *parent, const QString &text, QUrl *url)
{
    const Outcome outcome = evaluate(text);
    switch (outcome.decision) {
    case Decision::Accept:
        break;
    case Decision::Refuse:
        QMessageBox::warning(parent, tr("Invalid base URL"), outcome.message);
        return false;
    case Decision::Confirm:
        if (QMessageBox::warning(parent, tr("Unencrypted connection"), outcome.message,
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) != QMessageBox::Yes)
            return false;
        break;
    }
    if (url)
        *url = outcome.url;
    return true;
}
