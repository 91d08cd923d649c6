#!/usr/bin/env bash
# The run command: installs what is missing, builds, and starts VoiceAI Supervisor.
# With no API key configured it runs the offline demo against the built-in simulator.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -- -j"$(nproc)"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run-app: no display found; starting under a virtual X server (xvfb-run)." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" build/release/app/voiceai-supervisor "$@"
fi
exec build/release/app/voiceai-supervisor "$@"
