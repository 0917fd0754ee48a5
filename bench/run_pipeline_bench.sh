#!/usr/bin/env bash
# Whole-pipeline throughput on examples/ replicated to 10,000 articles, on all cores and on one.
# Usage: bash bench/run_pipeline_bench.sh   (builds first; figures go to docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
for t in 0 1; do
  ./build/bench/pipeline_bench --articles 10000 --threads "$t"
done
