#!/usr/bin/env bash
# Configures the AddressSanitizer + UndefinedBehaviorSanitizer build (clang) into DIR (default
# build-asan/): the tests and the libFuzzer targets from one build, since fuzzing needs the same
# instrumentation (plus coverage). No benchmarks. -O1 with line tables only (the sanitizers'
# advice: readable stacks, less to compile than -O2 -g) and without -DNDEBUG, so assertions
# are checked too.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build-asan}"
[ -f "$dir/build.ninja" ] && exit 0
CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 \
  -DPARALLAX_FUZZ=ON -DPARALLAX_BENCH=OFF >/dev/null
