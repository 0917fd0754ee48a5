#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan + UBSan) and runs each for SECONDS, two at a
# time: `bash scripts/fuzz.sh [SECONDS] [TARGET...]` (default 60 s, every target).
# Each target starts from its seeds in fuzz/corpus/<name> (read-only) and keeps what it finds
# in build-asan/fuzz-corpus/<name>; a crash, hang (> 25 s on one input), leak, sanitizer report
# or memory blow-up (> 2 GiB) is saved under build-asan/fuzz-findings/<name>/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(text_fuzz jsonl_fuzz web_fuzz warc_fuzz serve_fuzz index_fuzz store_fuzz)
fi
build="${PARALLAX_ASAN_DIR:-build-asan}"
bash scripts/configure_asan.sh "$build"
ninja -C "$build" -j"${PARALLAX_JOBS:-$(nproc)}" "${targets[@]}"

run_one() {  # run_one BUILD SECONDS TARGET
  local build="$1" seconds="$2" t="$3" name="${3%_fuzz}"
  local corpus="$build/fuzz-corpus/$name" findings="$build/fuzz-findings/$name"
  mkdir -p "$corpus" "$findings"
  if "$build/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -timeout=25 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "fuzz/corpus/$name" \
       >"$build/fuzz-findings/$name.log" 2>&1; then
    echo "fuzz $t: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$build/fuzz-findings/$name.log" |
      grep -o '[0-9]*$') runs in ${seconds} s, no finding"
  else
    echo "fuzz $t: FINDING (log: $build/fuzz-findings/$name.log)"
    grep -m1 -A30 'ERROR\|==ERROR\|runtime error\|deadly signal\|Timeout\|out-of-memory' \
      "$build/fuzz-findings/$name.log" || tail -30 "$build/fuzz-findings/$name.log"
    return 1
  fi
}
export -f run_one
# Two at a time: one per core on the 2-core CI machine; PARALLAX_JOBS overrides.
printf '%s\n' "${targets[@]}" |
  xargs -P "${PARALLAX_JOBS:-2}" -I{} bash -c 'run_one "$@"' _ "$build" "$seconds" {}
