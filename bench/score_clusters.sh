#!/usr/bin/env bash
# Scores `parallax cluster` on the labelled sets with ../shared/tools/score_clusters.py:
# ECB+ in replay order and three seeded shuffles (order robustness), UCI headlines as read.
# Usage: bash bench/score_clusters.sh [extra parallax cluster flags]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data
TOOLS=../shared/tools
OUT=build/cluster-scores
bash scripts/build.sh >/dev/null
mkdir -p "$OUT"
run() {  # name gold input flags...
  local name=$1 gold=$2 input=$3
  shift 3
  ./build/tools/parallax cluster "$@" "$input" > "$OUT/$name.tsv" 2> "$OUT/$name.err" || [ $? -eq 3 ]
  printf '%-28s %s\n' "$name" "$(python3 "$TOOLS/score_clusters.py" "$gold" "$OUT/$name.tsv" | grep bcubed)"
}
run ecbplus "$DATA/ecbplus/dev.jsonl" "$DATA/ecbplus/dev.jsonl" "$@"
for seed in 1 2 3; do
  # Undated: parallax replays in file order, so a shuffled file is a shuffled stream.
  python3 -c "import random,sys; l=open(sys.argv[1]).readlines(); random.Random(int(sys.argv[2])).shuffle(l); sys.stdout.writelines(l)" \
    "$DATA/ecbplus/dev.jsonl" "$seed" > "$OUT/ecbplus-shuffle$seed.jsonl"
  run "ecbplus-shuffle$seed" "$DATA/ecbplus/dev.jsonl" "$OUT/ecbplus-shuffle$seed.jsonl" "$@"
done
run uci-headlines "$DATA/uci-headlines/dev.jsonl" "$DATA/uci-headlines/dev.jsonl" "$@"
