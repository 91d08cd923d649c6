#!/usr/bin/env bash
# Regenerates the README's screenshots headlessly (offscreen Qt platform, no display needed):
#   docs/screenshots/wallboard.png         the live calls wallboard with the demo floor
#   docs/screenshots/monitor-takeover.png  the call monitor during a supervisor take-over
# Usage: scripts/screenshots.sh [build-dir]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target bench_screenshots -- -j2
mkdir -p docs/screenshots
QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 "$build/bench/ui/bench_screenshots" docs/screenshots
