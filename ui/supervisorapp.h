#pragma once

class QApplication;

// Parses the command line, shows the main window at once and starts the core right after, then
// runs the GUI event loop.
int runSupervisorApp(QApplication &app);
