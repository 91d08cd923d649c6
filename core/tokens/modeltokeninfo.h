#pragma once

#include <QString>

// What the token counter knows about one model: its encoding and its limits.
struct ModelTokenInfo
{
    QString model;         // the name that was asked about
    QString matchedEntry;  // the model table entry that matched ("gpt-4o" for "gpt-4o-2024-08-06")
    QString encoding;      // "cl100k_base" or "o200k_base"
    int contextWindow = 0; // input + output tokens; 0 when unknown
    int maxOutputTokens = 0; // 0 when unknown
    bool known = false;      // false: not in the table, encoding is the fallback guess
};
