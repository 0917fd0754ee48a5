#!/usr/bin/env bash
# Sets up, builds and runs every check (what CI runs): `bash scripts/test.sh`.
#   1. build/       normal build (with benchmarks) and the whole test suite
#   2. build-asan/  clang, AddressSanitizer + UndefinedBehaviorSanitizer: the whole test suite
#   3. build-tsan/  clang, ThreadSanitizer: every test of the binaries that run threads
#   4. build-asan/  each libFuzzer target for PARALLAX_FUZZ_SECONDS (60), two at a time
#   5. lint:        clang-tidy and clang-format over the whole tree (scripts/lint.sh), run
#                   beside steps 1-4 at a low priority (it compiles nothing), reported last
# Every step runs even when an earlier one failed; the script fails when any did. Each step's
# wall and CPU time is printed. docs/hardening.md explains each step.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
jobs="$(nproc)"
failed=()
TIMEFORMAT="  %R s wall, %U s user + %S s sys"

step() {  # step NAME COMMAND...: runs and times one step, records a failure
  echo "== $1"
  local name="$1"
  shift
  time "$@" || failed+=("$name")
}

# The concurrent parts, under TSan: the stemmers' per-thread state (text_test), the reader's
# oneTBB pipeline (ingest_test), the pipeline's filing and story building (pipeline_test),
# serve's request handling, store and metrics from several threads (serve_test), and the
# `parallax` process itself as the end-to-end tests run it (digest, cluster, dedup, extract,
# serve: cli_test, web_cli_test, serve_cli_test). The handoffs through Debian's uninstrumented
# libtbb are annotated (src/util/tsan.h); scripts/tsan.supp holds third-party entries only.
TSAN_TARGETS=(text_test ingest_test pipeline_test serve_test cli_test web_cli_test serve_cli_test
  parallax)
# Every test of those binaries: the tests of binaries not built here show up as *_NOT_BUILT;
# the browser test drives Chromium against the normal build (step 1).
TSAN_EXCLUDE='_NOT_BUILT$|^browser_page$'

normal() { bash scripts/build.sh && ctest --test-dir build --output-on-failure -j"$jobs"; }
asan() {
  bash scripts/configure_asan.sh build-asan &&
    ninja -C build-asan -j"$jobs" all &&
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir build-asan --output-on-failure -j"$jobs"
}
tsan() {
  if [ ! -f build-tsan/build.ninja ]; then
    CC=clang CXX=clang++ cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
      -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 -DPARALLAX_SANITIZE=thread -DPARALLAX_BENCH=OFF >/dev/null || return 1
  fi
  ninja -C build-tsan -j"$jobs" "${TSAN_TARGETS[@]}" &&
    TSAN_OPTIONS="halt_on_error=1 history_size=7 second_deadlock_stack=1 \
      suppressions=$PWD/scripts/tsan.supp" \
      ctest --test-dir build-tsan --output-on-failure -j"$jobs" -E "$TSAN_EXCLUDE"
}
fuzz() { bash scripts/fuzz.sh "${PARALLAX_FUZZ_SECONDS:-60}"; }

time {
  # Lint compiles nothing, so it runs beside steps 1-4 at a low priority and uses the moments
  # they leave a core idle (links, a last long unity batch); step 5 waits for it and prints it.
  lint_log="$(mktemp)"
  (time nice -n 10 bash scripts/lint.sh) >"$lint_log" 2>&1 &
  lint_pid=$!
  lint_start=$SECONDS
  step "normal build + tests" normal
  step "ASan/UBSan build + tests" asan
  step "TSan build + concurrent tests" tsan
  step "fuzz targets" fuzz
  echo "== lint (clang-tidy, clang-format), run beside steps 1-4 at low priority"
  wait "$lint_pid" || failed+=("lint (clang-tidy, clang-format)")
  cat "$lint_log"
  rm -f "$lint_log"
  echo "  (done $((SECONDS - lint_start)) s after it started)"
  echo "== total"
}
if ((${#failed[@]})); then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all checks passed"
