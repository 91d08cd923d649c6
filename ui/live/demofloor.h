#pragma once

#include "calls/scenario.h"

#include <QList>

// The scenarios of the demo floor: the files in resources/scenarios (embedded as
// :/demo-scenarios) when there are any, else a built-in set of varied personas, so that a newcomer
// sees several lively calls, some of them calm and some needing a supervisor.
class DemoFloor
{
public:
    static QList<Scenario> scenarios(qint64 customerDelayMs);
    // The n-th call of the floor: cycles through the scenarios with fresh customer names/ids.
    static Scenario scenarioFor(const QList<Scenario> &scenarios, int n);

private:
    static QList<Scenario> builtIn();
};
