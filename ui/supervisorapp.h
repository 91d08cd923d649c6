#pragma once

class QApplication;

// Builds the main window and runs the GUI event loop.
int runSupervisorApp(QApplication &app);
