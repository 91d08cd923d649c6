#include "common/apppaths.h"
#include "common/logsanitizer.h"
#include "supervisorapp.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Before anything can log: every line is masked for keys and Authorization headers.
    LogSanitizer::install();
    AppPaths::setApplicationIdentity();
    return runSupervisorApp(app);
}
