#pragma once

#include "calls/compliancefinding.h"

#include <QString>

#include <optional>

// The outcome of checking the agent's first turn for an AI disclosure.
struct DisclosureCheck
{
    bool disclosed = false; // the original text already disclosed it
    QString textToSend;     // the original text, or the corrected turn (disclosure prefixed)
    std::optional<ComplianceFinding> finding; // set when a correction was needed
};
