#!/usr/bin/env bash
# The test command: installs what is missing, builds with warnings as errors,
# starts the headless services the tests need and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci -- -j"$(nproc)"
exec scripts/with-test-services.sh ctest --preset ci -j"$(nproc)" "$@"
