#include "common/apppaths.h"
#include "supervisorapp.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppPaths::setApplicationIdentity();
    return runSupervisorApp(app);
}
