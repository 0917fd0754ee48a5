#!/usr/bin/env bash
# Digest latency per 10-article story on one core (the 49 DUC 2004 clusters, read in place).
# Usage: bash bench/run_digest_bench.sh   (builds first; figures go to docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build digest_bench >/dev/null
taskset -c 0 ./build/bench/digest_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
