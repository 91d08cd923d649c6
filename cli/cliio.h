#pragma once

#include <QTextStream>

// Standard output and error for CLI commands, UTF-8, flushed on every newline by the caller.
namespace CliIo {
QTextStream &out();
QTextStream &err();
} // namespace CliIo
