#!/usr/bin/env bash
# Re-fits the clustering model on the labelled sets in ../shared/data:
#  1. the IDF background (src/cluster/cluster_background.txt): document frequencies of the
#     clusterer's terms (hashes, no text) in DUC 2004 and WCXB-dev articles, sets not used below;
#  2. the model (src/cluster/cluster_model.txt): liblinear logistic regression on ECB+ and UCI
#     headlines, printing BCubed P/R/F1 per set (and, for undated ECB+, two shuffled orders).
# Both files are embedded in parallax at the next build. Deterministic.
# Usage: bash bench/calibrate_cluster.sh   (builds first)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data
bash scripts/build.sh >/dev/null
./build/bench/cluster_background --out src/cluster/cluster_background.txt \
  "$DATA/duc2004/docs" "$DATA/extraction/wcxb-dev/html"
bash scripts/build.sh >/dev/null   # the model is fitted with the new background
./build/bench/cluster_calibrate --write src/cluster/cluster_model.txt \
  --pairs "$DATA/conflicts-dev/real-pairs" "$DATA/ecbplus/dev.jsonl" "$DATA/uci-headlines/dev.jsonl"
bash scripts/build.sh >/dev/null
