#!/usr/bin/env bash
# Installs what parallax needs to build and test on Debian 12. Idempotent: packages already
# present are left alone, and apt is only called when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config  # toolchain
  libgtest-dev libgmock-dev libbenchmark-dev     # tests and benchmarks
  nlohmann-json3-dev                             # JSON Lines input, JSON output
  libutf8proc-dev                                # UTF-8 validation, NFC, case folding, categories
  libstemmer-dev                                 # Snowball stemmers
  libxxhash-dev                                  # pinned 64-bit hashing (dedup, tokens)
  libcli11-dev                                   # command line
  libtbb-dev                                     # parallel per-article stages
  libabsl-dev                                    # flat hash tables (clustering term statistics)
  libjemalloc-dev                                # the parallax binary's allocator (many-thread serve)
  libsqlite3-dev libcpp-httplib-dev              # parallax serve: store, HTTP
  wrk                                            # parallax serve benchmark (bench/)
  nodejs chromium                                # browser test of the serve page (tests/browser)
  liblinear-dev                                  # clustering model calibration (bench/)
  libxml2-dev libicu-dev zlib1g-dev              # HTML parser, encodings, gzip (web/ingest)
  clang                                          # libFuzzer targets (fuzz/, PARALLAX_FUZZ)
  python3                                        # ../shared/tools scorers used by benchmarks
  python3-nltk                                   # Porter stemmer of ../shared/tools/rouge.py
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null || missing+=(npm)  # Debian's npm, unless nodejs already brings one
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi

# playwright-core from npm for tests/browser (drives Debian's chromium; downloads no browser).
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -d "$root/tests/browser/node_modules/playwright-core" ]; then
  npm ci --prefix "$root/tests/browser" --no-audit --no-fund
fi
