#pragma once

#include <QByteArray>
#include <QtGlobal>

// Installs a Qt message handler that masks secrets (SecretMasker) in every log line before it
// reaches the previous handler (stderr, journald, ...). The handler is process-wide by nature;
// install it once from main() of each front door.
class LogSanitizer
{
public:
    // Idempotent. Returns the handler that was installed before.
    static QtMessageHandler install();
    static void uninstall();
    static bool isInstalled();
    // A secret to mask even if it does not look like one (e.g. an Azure key).
    static void addKnownSecret(const QByteArray &secret);
};
