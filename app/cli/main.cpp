#include "cli/clirunner.h"
#include "common/apppaths.h"
#include "common/logsanitizer.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Before anything can log: every line is masked for keys and Authorization headers.
    LogSanitizer::install();
    AppPaths::setApplicationIdentity();
    return runCli(QCoreApplication::arguments());
}
