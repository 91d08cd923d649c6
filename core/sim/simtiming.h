#pragma once

// How fast the simulator "generates": the delay before the first token and the
// token rate after it. The defaults resemble a busy hosted model.
struct SimTiming
{
    int firstTokenMs = 350;
    double tokensPerSecond = 40.0;

    // Everything at once: for tests that must not wait.
    static SimTiming instant() { return SimTiming{0, 0.0}; }
    bool isInstant() const { return firstTokenMs <= 0 && tokensPerSecond <= 0.0; }
    // Milliseconds between two streamed tokens; 0 when instant.
    int tokenIntervalMs() const
    {
        return tokensPerSecond > 0.0 ? static_cast<int>(1000.0 / tokensPerSecond) : 0;
    }
};
