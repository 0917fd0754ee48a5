#!/usr/bin/env bash
# Near-duplicate quality on the labelled benchmark built from ../shared/data (ECB+, DUC 2004,
# WCXB gold text): generates it with the pinned seed into a temporary folder, runs
# `parallax dedup` at its default options, and scores it (exit 1 below P 0.99 / R 0.95).
# Usage: bash bench/run_dedup_quality.sh [output-folder]   (figures go to docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/parallax-dedup-quality}
ninja -C build parallax >/dev/null
python3 bench/dedup_quality/make_dedup_benchmark.py --data ../shared/data --out "$out"
./build/tools/parallax dedup --stats "$out/articles.jsonl" -o "$out/pred.jsonl"
python3 bench/dedup_quality/score_dedup.py "$out/gold.jsonl" "$out/pred.jsonl"
