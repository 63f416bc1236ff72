#!/usr/bin/env bash
# The main job: set up (Debian packages, build, install into .venv), then
# analyze a policy document and print the result.
#
#   scripts/demo.sh [FILE]     default: examples/policy_sample.txt, and the
#                              first document of ../shared/corpus if present
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup_deps.sh
files=("$@")
if ((${#files[@]} == 0)); then
  files=(examples/policy_sample.txt)
  corpus_doc=$(ls ../shared/corpus/*.txt 2>/dev/null | head -n 1 || true)
  [[ -n "$corpus_doc" ]] && files+=("$corpus_doc")
fi
for f in "${files[@]}"; do
  .venv/bin/python examples/python/analyze_document.py "$f"
done
