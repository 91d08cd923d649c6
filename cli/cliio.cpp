#include "cli/cliio.h"

#include <cstdio>

namespace CliIo {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace CliIo
