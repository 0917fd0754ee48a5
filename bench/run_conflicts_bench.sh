#!/usr/bin/env bash
# Conflict quality on the labelled pairs in ../shared/data/conflicts-dev (issue 8), with the
# scorer ../shared/tools/score_conflicts.py. Checks the issue's figures and exits non-zero when
# one is missed: subset-pairs recall >= 0.90 per kind and precision >= 0.95; real-pairs recall
# >= 0.85 and at most 0.5 conflicts per untouched pair.
# Usage: bash bench/run_conflicts_bench.sh   (builds parallax first; figures in docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
ninja -C build parallax >/dev/null 2>&1 || bash scripts/build.sh >/dev/null
data=../shared/data/conflicts-dev
score=../shared/tools/score_conflicts.py
bin=./build/tools/parallax
status=0

subset=$(python3 "$score" "$data/subset-pairs" "$bin" --min-recall 0 --min-precision 0.95) || status=1
echo "subset-pairs: $subset"
# Recall per kind: every "kind=found/total" must be at least 0.90.
python3 - "$subset" <<'PY' || status=1
import re, sys
bad = [f"{k} {a}/{b}" for k, a, b in re.findall(r'(\w+)=(\d+)/(\d+)', sys.argv[1]) if int(a) < 0.9 * int(b)]
if bad: sys.exit("subset-pairs: recall below 0.90 for " + ", ".join(bad))
PY

real=$(python3 "$score" "$data/real-pairs" "$bin" --real --min-recall 0.85) || status=1
echo "real-pairs: $real"
python3 - "$real" <<'PY' || status=1
import re, sys
per_pair = float(re.search(r'([\d.]+) conflicts per untouched pair', sys.argv[1]).group(1))
if per_pair > 0.5: sys.exit(f"real-pairs: {per_pair} conflicts per untouched pair (> 0.5)")
PY
[ "$status" = 0 ] || echo "conflicts bench: some figure below the issue's threshold (see above)" >&2
exit "$status"
