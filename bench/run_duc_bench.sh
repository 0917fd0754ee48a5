#!/usr/bin/env bash
# Digest quality on DUC 2004 task 2: ROUGE-1/2 recall at 100 words against the 4 human summaries
# of each of the 49 clusters, with ../shared/tools/rouge.py (ROUGE-1.5.5 -n 2 -m -l 100).
#
# Usage: bash bench/run_duc_bench.sh [SUMMARIES_DIR]     (default build/duc2004-summaries)
#
# Each cluster is digested exactly as a user would: one run of
#   parallax digest --words 100 --one-story --format json <cluster folder>
# and the digest's sentences, in order, become <cluster>.txt. One run per cluster also keeps the
# data's layout intact: a few DUC articles belong to two clusters under the same file name, and
# one run over all folders would (rightly) reject the second as a duplicate id. Exits non-zero
# when a run fails or a score is below the figure the digest issue requires (R-1 39.0, R-2 10.0).
set -euo pipefail
PY=/usr/bin/python3  # Debian's, with python3-nltk (scripts/setup.sh)
cd "$(dirname "$0")/.."
DATA=../shared/data/duc2004
OUT=${1:-build/duc2004-summaries}
BIN=build/tools/parallax
[ -x "$BIN" ] || bash scripts/build.sh >/dev/null
mkdir -p "$OUT"
rm -f "$OUT"/*.txt
for dir in "$DATA"/docs/*/; do
  cluster=$(basename "$dir")
  "$BIN" digest --words 100 --one-story --format json --threads 1 "$dir" >"$OUT/$cluster.json"
  "$PY" -c '
import json, sys
report = json.load(open(sys.argv[1]))
stories = report["stories"]
if len(stories) != 1 or report["rejected"]:
    sys.exit(f"{sys.argv[1]}: expected one story and no rejection")
print("\n".join(d["text"] for d in stories[0]["digest"]))
' "$OUT/$cluster.json" >"$OUT/$cluster.txt"
  rm "$OUT/$cluster.json"
done
result=$("$PY" ../shared/tools/rouge.py "$OUT" "$DATA/models" --words 100)
echo "$result"
"$PY" -c '
import re, sys
m = re.search(r"clusters=(\d+) ROUGE-1 R=([\d.]+) ROUGE-2 R=([\d.]+)", sys.argv[1])
n, r1, r2 = int(m[1]), float(m[2]), float(m[3])
ok = n == 49 and r1 >= 39.0 and r2 >= 10.0
print("check:", "ok" if ok else "FAILED", "(49 clusters, R-1 >= 39.0, R-2 >= 10.0)")
sys.exit(0 if ok else 1)
' "$result"
