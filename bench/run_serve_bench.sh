#!/usr/bin/env bash
# `parallax serve` over loopback (figures in docs/benchmarks.md, section "parallax serve"):
#  1. ingest: 20,000 articles in JSON Lines batches of 500 from 1 connection (in publication
#     order, as a live feed arrives) while 2 others read: first 50 reads/s in the page's mix
#     (lists, story views, searches: about 75 analysts' pages polling every 3 s), then the
#     story list and stories without pause (they take whatever CPU the server leaves);
#  2. after a restart (replay timed), GET /v1/stories/{id} with wrk, 32 connections, 2 threads,
#     random stories of that store: 20 s while stories are built for the first time, 20 s warm;
#  3. crash: 20 kill -9 during a continuous ingest, then every acknowledged article checked.
# Usage: bash bench/run_serve_bench.sh   (builds first; needs wrk, installed by scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
bin=./build/tools/parallax

./build/bench/serve_bench ingest --bin "$bin" --db "$work/paced.db" --articles 20000 --batch 500 \
    --writers 1 --readers 2 --read-rate 50
./build/bench/serve_bench ingest --bin "$bin" --db "$work/ingest.db" --articles 20000 --batch 500 \
    --writers 1 --readers 2

# Restarting replays the 20,000 articles (the restart path) before it listens.
"$bin" serve --db "$work/ingest.db" --port 0 >"$work/serve.out" 2>/dev/null &
server_pid=$!
start=$(date +%s.%N)
for _ in $(seq 600); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.2; done
echo "restart: $(head -1 "$work/serve.out" | grep -o '[0-9]* articles replayed') in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
url=$(grep -o 'http://[0-9.:]*/' "$work/serve.out")
stories=$(curl -s "${url}healthz" | sed 's/.*"stories":\([0-9]*\).*/\1/')
# First pass: most requests build their story (every story once); second: served from the cache.
for pass in first warm; do
  echo "wrk, $pass pass:"
  STORIES=$stories wrk -t2 -c32 -d20s --latency -s bench/serve_story.lua "$url"
done
kill "$server_pid"; wait "$server_pid" || true

./build/bench/serve_bench crash --bin "$bin" --db "$work/crash.db" --kills 20 --batch 200
