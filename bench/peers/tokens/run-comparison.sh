#!/bin/sh
# Side-by-side token counting benchmark: bench_tokens and the npm peers on the same bytes.
# Usage: bench/peers/tokens/run-comparison.sh [build-dir]   (needs node and npm)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../../build}
bench=$build/bench/tokens/bench_tokens
if [ ! -x "$bench" ]; then
    echo "run-comparison.sh: $bench not found; build the bench_tokens target first" >&2
    exit 2
fi
text=$(mktemp /tmp/voiceai-tokens-bench.XXXXXX)
trap 'rm -f "$text"' EXIT
"$bench" --write-text "$text"
cd "$here"
[ -d node_modules ] || npm install --no-audit --no-fund
node peers.mjs "$text"
