#!/usr/bin/env bash
# Static checks over every C++ source of the project (git ls-files: src, include, tools, tests,
# bench, fuzz): clang-tidy with the checked-in .clang-tidy, in parallel on the cores, and
# clang-format --dry-run -Werror with the checked-in .clang-format. Prints the findings, then
# counts per check and per folder; fails when there is any. `bash scripts/lint.sh [FILE...]`
# checks only the given files.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=build-lint
jobs="${PARALLAX_JOBS:-$(nproc)}"
# A configure-only build folder whose compile_commands.json covers every target (tests,
# benchmarks, fuzz targets), with clang's flags, one entry per source (no unity batches).
# Nothing is compiled.
if [ ! -f "$dir/compile_commands.json" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DPARALLAX_FUZZ=ON -DPARALLAX_TESTS=ON \
    -DCMAKE_UNITY_BUILD=OFF \
    -DPARALLAX_BENCH=ON >/dev/null || exit 1
fi
if (($#)); then
  files=("$@")
else
  mapfile -t files < <(git ls-files '*.cc' '*.h')
fi
sources=()
for f in "${files[@]}"; do [[ "$f" == *.cc ]] && sources+=("$PWD/$f"); done
status=0

# The configuration must parse and enable what it says: a .clang-tidy that does not parse only
# draws an error per file, and clang-tidy then runs its defaults and finds nothing of ours.
checks=$(clang-tidy -p "$dir" --list-checks 2>&1)
if grep -q 'Error parsing' <<<"$checks" || ! grep -q ' bugprone-use-after-move$' <<<"$checks" ||
  ! grep -q ' performance-' <<<"$checks" || ! grep -q ' modernize-' <<<"$checks"; then
  echo "clang-tidy: .clang-tidy does not parse or does not enable bugprone, performance and"
  echo "modernize checks:"
  head -20 <<<"$checks"
  exit 1
fi

# clang-tidy: one process per source file (headers are checked through the sources including
# them, HeaderFilterRegex), $jobs at a time.
log="$dir/clang-tidy.log"
printf '%s\n' "${sources[@]}" |
  xargs -P "$jobs" -n 1 clang-tidy -p "$dir" --quiet >"$log" 2>"$dir/clang-tidy.stderr"
tidy_status=$?
# The same header finding comes once per including file: count each location once.
grep -E '^/.*: (warning|error): .*\[[a-z0-9.,-]+\]$' "$log" | sort -u >"$dir/clang-tidy.findings"
n=$(wc -l <"$dir/clang-tidy.findings")
if ((n > 0)); then
  status=1
  sed "s|^$PWD/||" "$dir/clang-tidy.findings"
  echo "clang-tidy: $n findings; per check:"
  sed -E 's/.*\[([a-z0-9.-]+)(,[^]]*)?\]$/\1/' "$dir/clang-tidy.findings" | sort | uniq -c | sort -rn
  echo "clang-tidy: per folder:"
  sed -E "s|^$PWD/||; s|^([^/]+/[^/:]+)/.*|\1|; s|^([^/:]+)/[^/]*:.*|\1|" "$dir/clang-tidy.findings" |
    sort | uniq -c | sort -rn
elif ((tidy_status != 0)); then
  status=1
  echo "clang-tidy: failed (exit $tidy_status) without a finding:"
  tail -20 "$log" "$dir/clang-tidy.stderr"
else
  echo "clang-tidy: no findings in ${#sources[@]} sources"
fi

# clang-format: lines it would change, per folder.
changed=0
declare -A per_dir=()
for f in "${files[@]}"; do
  if ! clang-format --dry-run -Werror "$f" 2>/dev/null; then
    c=$(clang-format "$f" | diff "$f" - | grep -c '^<')
    changed=$((changed + c))
    d=$(dirname "$f")
    [[ "$d" == src/* ]] && d=$(echo "$d" | cut -d/ -f1-2) || d=${d%%/*}
    per_dir[$d]=$(( ${per_dir[$d]:-0} + c ))
    echo "clang-format: $f: $c lines to change"
  fi
done
if ((changed > 0)); then
  status=1
  echo "clang-format: $changed lines to change; per folder:"
  for d in "${!per_dir[@]}"; do printf '%7d %s\n' "${per_dir[$d]}" "$d"; done | sort -rn
else
  echo "clang-format: every file formatted"
fi
exit $status
