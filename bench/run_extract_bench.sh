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

echo "== parallax extract on a crawl: the wcxb-dev pages as one .warc.gz (one gzip member per record)"
python3 - "$DATA/wcxb-dev/html" "$OUT/wcxb.warc.gz" <<'PY'
import gzip, os, sys, uuid
src, dst = sys.argv[1], sys.argv[2]
with open(dst, 'wb') as out:
    for name in sorted(os.listdir(src)):
        body = gzip.open(os.path.join(src, name)).read()
        http = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n' % len(body) + body
        head = ('WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n'
                'WARC-Target-URI: https://bench.example/%s\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n'
                'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n'
                % (uuid.UUID(int=len(name) * 7919 + int(name[:4])), name, len(http))).encode()
        out.write(gzip.compress(head + http + b'\r\n\r\n'))
PY
ls -l "$OUT/wcxb.warc.gz" | awk '{printf "%.1f MB compressed\n", $5/1e6}'
/usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" \
  ./build/tools/parallax extract "$OUT/wcxb.warc.gz" -o "$OUT/warc.jsonl" || true
echo "articles: $(wc -l < "$OUT/warc.jsonl") (expected 791: 793 pages, 2 without article text)"
