#!/usr/bin/env bash
# HTML extraction: quality on ../shared/data/extraction (zyte, wcxb-dev), metadata accuracy on
# wcxb-dev, and speed on one core over the zyte pages; then `parallax extract` on all cores.
# Usage: bash bench/run_extract_bench.sh   (builds first; figures go to docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/extraction
TOOLS=../shared/tools
OUT=${TMPDIR:-/tmp}/parallax-extract-bench
ninja -C build extract_bench parallax >/dev/null
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== zyte (181 pages): one core, best of 5 rounds"
./build/bench/extract_bench "$DATA/zyte/html" --rounds 5 --out "$OUT/zyte" --meta "$OUT/zyte-meta.jsonl"
python3 "$TOOLS/score_extraction.py" "$DATA/zyte/ground-truth.json" "$OUT/zyte"

echo "== wcxb-dev (793 pages)"
./build/bench/extract_bench "$DATA/wcxb-dev/html" --rounds 1 --out "$OUT/wcxb" --meta "$OUT/wcxb-meta.jsonl"
python3 "$TOOLS/score_extraction.py" "$DATA/wcxb-dev/ground-truth" "$OUT/wcxb"
python3 bench/score_metadata.py "$DATA/wcxb-dev/ground-truth" "$OUT/wcxb-meta.jsonl"

echo "== parallax extract, all cores, wcxb-dev (reading and gunzip included)"
/usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" \
  ./build/tools/parallax extract "$DATA/wcxb-dev/html" -o "$OUT/wcxb.jsonl" --text-dir "$OUT/wcxb-cli" || true
python3 "$TOOLS/score_extraction.py" "$DATA/wcxb-dev/ground-truth" "$OUT/wcxb-cli"
