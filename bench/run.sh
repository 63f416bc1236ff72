#!/usr/bin/env bash
# The segmentation benchmark, from a fresh clone: installs the peers (jieba from
# Debian, jieba-rs from npm, Node.js if missing), builds, and prints MB/s, load
# time, peak memory and ratios of every engine measured in this one run.
#
#   bench/run.sh [run_bench.py options]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || ZHPOLICY_EXTRA_PACKAGES="nodejs npm"
ZHPOLICY_EXTRA_PACKAGES="${ZHPOLICY_EXTRA_PACKAGES:-}" scripts/setup_deps.sh
if [[ ! -d bench/.peers/node_modules/@node-rs/jieba ]]; then
  echo "bench: installing @node-rs/jieba (jieba-rs) from npm into bench/.peers"
  npm install --silent --no-audit --no-fund --prefix bench/.peers @node-rs/jieba@2 >/dev/null
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DZHPOLICY_BUILD_BENCH=ON >/dev/null
cmake --build build -j "$(nproc)" --target zhpolicy_bench icu_segment zhpolicy_lexicon >/dev/null
.venv/bin/python bench/run_bench.py --build build "$@"
