#!/usr/bin/env bash
# Near-duplicate detection: speed per core and index memory at 10k, 100k and 1M articles of
# ~5 KB (generated text), then all cores for signatures at 100k.
# Usage: bash bench/run_dedup_bench.sh [max-articles]   (figures go to docs/benchmarks.md)
# Needs ~2.5 GB of free memory for 1M; run it alone (it is timed).
set -euo pipefail
cd "$(dirname "$0")/.."
ninja -C build dedup_bench >/dev/null
max=${1:-1000000}
for n in 10000 100000 1000000; do
  ((n <= max)) || break
  /usr/bin/time -f "peak RSS %M KiB, %e s wall" ./build/bench/dedup_bench --articles "$n" --threads 1
done
./build/bench/dedup_bench --articles 100000 --threads 0 | tail -n 6
