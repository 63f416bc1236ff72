#!/usr/bin/env bash
# Every test, C++ and Python, through one ctest run: Catch2 cases, the lexicon
# compiler's errors, find_package(zhpolicy) against the install tree, pytest,
# resource bounds (a 200 MB stream, pathological inputs in linear time); then
# the Catch2 cases again under AddressSanitizer and UBSan, the fuzz targets
# for a fixed number of inputs, and the cases that share objects between
# threads under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup_deps.sh
BUILD=${ZHPOLICY_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DZHPOLICY_BUILD_TESTS=ON \
  -DZHPOLICY_PYTEST_PYTHON="$PWD/.venv/bin/python" >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
(cd "$BUILD" && ctest --output-on-failure -j "$(nproc)")

# The Catch2 cases built with a sanitizer into DIR: sanitized_tests DIR SANITIZERS EXTRA_FLAGS.
sanitized_tests() {
  cmake -S . -B "$1" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS="-O1 -g -fsanitize=$2 $3 -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=$2" -DZHPOLICY_BUILD_BENCH=OFF \
    -DZHPOLICY_BUILD_PYTHON=OFF -DZHPOLICY_INSTALL=OFF >/dev/null
  cmake --build "$1" -j "$(nproc)" --target zhpolicy_tests
}

# A read past a table or of a freed buffer fails here rather than passing
# unnoticed (adversarial inputs are among the cases).
SANITIZE=${ZHPOLICY_SANITIZE_DIR:-build-sanitize}
sanitized_tests "$SANITIZE" address,undefined -fno-sanitize-recover=undefined
echo "zhpolicy tests: the Catch2 cases under AddressSanitizer and UBSan"
"$SANITIZE/tests/zhpolicy_tests"

# The libFuzzer targets (fuzz/), each for a fixed number of inputs after its
# seeds and the inputs that once failed: a crash or a broken invariant fails here.
scripts/fuzz.sh --runs "${ZHPOLICY_FUZZ_RUNS:-1500}"

# Data races between threads sharing a segmenter, an extractor or an
# analyzer (workspaces, the entity model, OpenCC's converter loaded on first
# need) fail here: the cases tagged [threads] under ThreadSanitizer.
THREADS=${ZHPOLICY_TSAN_DIR:-build-tsan}
sanitized_tests "$THREADS" thread ""
echo "zhpolicy tests: the cases that share objects between threads, under ThreadSanitizer"
TSAN_OPTIONS="halt_on_error=1" "$THREADS/tests/zhpolicy_tests" "[threads]"
