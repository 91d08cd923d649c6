#pragma once

#include "calls/piiscan.h"

// Finds IP addresses: dotted IPv4 (each part 0-255, no leading zeros; not a version number
// such as "version 1.2.3.4" and not part of a longer dotted run) and IPv6 (RFC 4291 text forms:
// eight groups, "::" compression, an IPv4 tail).
class PiiNetworkScanner final
{
public:
    static void find(QStringView text, PiiFindings &out);
    static bool ipv6Valid(QStringView text);
};
