#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Reads an API key the safe way: from standard input when it is not a terminal
// (pipes, CI), else from a prompt with echo switched off. Never from argv.
class SecretInput
{
public:
    // Returns the first line without surrounding whitespace, or nullopt with `error`.
    static std::optional<QByteArray> read(const QString &prompt, QString *error);
    static bool stdinIsTerminal();
};
