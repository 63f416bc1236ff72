#!/usr/bin/env bash
# Every test, C++ and Python, through one ctest run: Catch2 cases, the lexicon
# compiler's errors, find_package(zhpolicy) against the install tree, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup_deps.sh
BUILD=${ZHPOLICY_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DZHPOLICY_BUILD_TESTS=ON \
  -DZHPOLICY_PYTEST_PYTHON="$PWD/.venv/bin/python" >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
cd "$BUILD"
ctest --output-on-failure -j "$(nproc)"
