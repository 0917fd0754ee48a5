#!/usr/bin/env bash
# Clustering stage alone, one core: headline-length input (UCI headlines) and full articles
# (ECB+), replayed with fresh timestamps; then a 1,000,000-article stream (time per article
# first vs last 10,000, peak memory). Features are computed once beforehand (not timed).
# Usage: bash bench/run_cluster_bench.sh   (builds first; figures go to docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data
bash scripts/build.sh >/dev/null
./build/bench/cluster_bench --input "$DATA/uci-headlines/dev.jsonl" --articles 200000
./build/bench/cluster_bench --input "$DATA/ecbplus/dev.jsonl" --articles 100000
./build/bench/cluster_bench --input "$DATA/ecbplus/dev.jsonl" --articles 1000000
