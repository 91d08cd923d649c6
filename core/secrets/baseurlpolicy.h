#pragma once

#include <QString>
#include <QUrl>

// Whether an API base URL may be used: https anywhere, http only on loopback
// unless the user explicitly confirms it (the key would travel unencrypted).
// TLS verification itself is never switched off anywhere in VoiceAI.
class BaseUrlPolicy
{
public:
    enum class Verdict { Ok, NeedsConfirmation, Invalid };

    struct Result
    {
        Verdict verdict = Verdict::Invalid;
        QString message; // empty for Ok

        bool isOk() const { return verdict == Verdict::Ok; }
    };

    // A pure function of the URL: no DNS lookups. `confirmedInsecure` is the user's
    // explicit confirmation (CLI --allow-insecure-http, a dialog in the GUI).
    static Result check(const QUrl &url, bool confirmedInsecure = false);
    static bool isLoopbackHost(const QString &host);
};
