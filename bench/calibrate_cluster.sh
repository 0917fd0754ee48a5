#!/usr/bin/env bash
# Re-fits the clustering model on the labelled sets in ../shared/data and writes it to
# src/cluster/cluster_model.txt (embedded in parallax at the next build); prints BCubed
# P/R/F1 per set, in replay order and, for undated ECB+, in two seeded shuffled orders.
# Usage: bash bench/calibrate_cluster.sh   (builds first; deterministic)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data
bash scripts/build.sh >/dev/null
./build/bench/cluster_calibrate --write src/cluster/cluster_model.txt \
  "$DATA/ecbplus/dev.jsonl" "$DATA/uci-headlines/dev.jsonl"
bash scripts/build.sh >/dev/null
