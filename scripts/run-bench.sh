#!/usr/bin/env bash
# Builds a release tree and runs every bench_* it contains, printing their figures.
# With node and npm available it also runs the side-by-side stream comparison: the official
# OpenAI Node SDK (bench/peers) consuming the same simulator stream as bench_openai_stream.
#   scripts/run-bench.sh [BUILD_DIR]        (default build/bench)
# Environment: BENCH_CHUNKS (100000), BENCH_ROUNDS (5), SKIP_PEERS=1 to skip the Node peer.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${1:-build/bench}"
chunks="${BENCH_CHUNKS:-100000}"
rounds="${BENCH_ROUNDS:-5}"

scripts/setup-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
targets=$(cmake --build "$build_dir" --target help | sed -n 's/^\(bench_[A-Za-z0-9_]*\):.*/\1/p' | grep -v '_autogen' | sort -u)
if [ -z "$targets" ]; then
    echo "no bench_* targets found" >&2
    exit 1
fi
# shellcheck disable=SC2086
cmake --build "$build_dir" --target voiceai-cli $targets -- -j"${BENCH_JOBS:-$(nproc)}"

# GUI benchmarks render offscreen; one failing benchmark does not stop the others.
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
status=0
for target in $targets; do
    binary=$(find "$build_dir/bench" -type f -name "$target" -perm -u+x | head -n 1)
    [ -n "$binary" ] || continue
    echo "== $target"
    case "$target" in
    bench_openai_stream) "$binary" --chunks "$chunks" --rounds "$rounds" || status=$? ;;
    bench_sse_parser) "$binary" "$chunks" || status=$? ;;
    # The listen-in latency needs an output device: the test services' PulseAudio null sink.
    bench_audio) scripts/with-test-services.sh "$binary" || status=$? ;;
    *) "$binary" || status=$? ;;
    esac
done

if [ "${SKIP_PEERS:-0}" != 1 ] && command -v node >/dev/null && command -v npm >/dev/null; then
    echo "== side by side: bench_openai_stream and the OpenAI Node SDK on one simulator"
    (cd bench/peers && { [ -d node_modules/openai ] || npm install --no-audit --no-fund >/dev/null; })
    log=$(mktemp)
    "$build_dir/app/voiceai-cli" simulate --port 0 --instant --bench-chunks "$chunks" >"$log" 2>/dev/null &
    simulator=$!
    trap 'kill $simulator 2>/dev/null || true; rm -f "$log"' EXIT
    for _ in $(seq 50); do
        grep -q 'listening on' "$log" && break
        sleep 0.1
    done
    url=$(grep -o 'http://[^ ]*' "$log" | head -n 1)
    node bench/peers/openai-stream.mjs --base-url "$url" --rounds "$rounds"
    "$(find "$build_dir/bench" -type f -name bench_openai_stream | head -n 1)" \
        --base-url "$url" --chunks "$chunks" --rounds "$rounds" --client-only
fi
exit "$status"
