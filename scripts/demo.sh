#!/usr/bin/env bash
# Sets up, builds and runs the main job on the example corpus: `bash scripts/demo.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
./build/tools/parallax digest examples/corpus "$@"
