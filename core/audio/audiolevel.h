#pragma once

#include <cmath>

// The loudness of a stretch of audio, linear 0..1 of full scale.
struct AudioLevel
{
    double rms = 0;
    double peak = 0;

    // Decibels relative to full scale; -120 stands for digital silence.
    static double toDbfs(double linear) { return linear > 1e-6 ? 20 * std::log10(linear) : -120; }
    double rmsDbfs() const { return toDbfs(rms); }
    double peakDbfs() const { return toDbfs(peak); }
};
