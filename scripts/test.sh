#!/usr/bin/env bash
# Every test, C++ and Python, through one ctest run: Catch2 cases, the lexicon
# compiler's errors, find_package(zhpolicy) against the install tree, pytest;
# then the Catch2 cases again under AddressSanitizer and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup_deps.sh
BUILD=${ZHPOLICY_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DZHPOLICY_BUILD_TESTS=ON \
  -DZHPOLICY_PYTEST_PYTHON="$PWD/.venv/bin/python" >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
(cd "$BUILD" && ctest --output-on-failure -j "$(nproc)")

# A read past a table or of a freed buffer fails here rather than passing
# unnoticed (adversarial inputs are among the cases).
SANITIZE=${ZHPOLICY_SANITIZE_DIR:-build-sanitize}
flags="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S . -B "$SANITIZE" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" -DZHPOLICY_BUILD_BENCH=OFF \
  -DZHPOLICY_BUILD_PYTHON=OFF -DZHPOLICY_INSTALL=OFF >/dev/null
cmake --build "$SANITIZE" -j "$(nproc)" --target zhpolicy_tests
echo "zhpolicy tests: the Catch2 cases under AddressSanitizer and UBSan"
"$SANITIZE/tests/zhpolicy_tests"
