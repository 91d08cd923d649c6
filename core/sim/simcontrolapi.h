#pragma once

#include "sim/simresponseplan.h"

class SimulatorServer;
struct SimHttpRequest;

// The /_sim/* endpoints that steer a simulator running in another process:
// faults, replies, timing, recorded requests and reset.
class SimControlApi
{
public:
    static SimResponsePlan handle(SimulatorServer &server, const SimHttpRequest &request);
};
