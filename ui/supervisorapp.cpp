#include "supervisorapp.h"

#include "mainwindow.h"

#include <QApplication>

int runSupervisorApp(QApplication &app)
{
    MainWindow window;
    window.show();
    return app.exec();
}
