#include "cli/clirunner.h"
#include "common/apppaths.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppPaths::setApplicationIdentity();
    return runCli(QCoreApplication::arguments());
}
