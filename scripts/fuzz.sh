#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang (AddressSanitizer and UBSan
# on the whole library) and runs each one.
#
#   scripts/fuzz.sh                 each target for 60 s (by hand; FUZZ_SECONDS=N to change)
#   scripts/fuzz.sh --runs N        each target for N inputs, seeds included (the lexicon
#                                   target N/10); CI runs this
#   scripts/fuzz.sh --runs N TARGET ...   only those targets (segment numbers entities
#                                   analyze parse_number user_dict lexicon)
#
# Seeds: pieces of ../shared/corpus and ../shared/reports when that folder is
# there, else the examples; the numerals in fuzz/seeds; and every input that
# once failed (fuzz/regressions/TARGET). A finding is written to
# build-fuzz/findings/ and fails the run: fix it, add a case among the
# adversarial tests, and copy the input to fuzz/regressions/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=""
if [[ "${1:-}" == "--runs" ]]; then
  RUNS=$2
  shift 2
fi
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=(segment numbers entities analyze parse_number user_dict lexicon)
BUILD=${ZHPOLICY_FUZZ_DIR:-build-fuzz}
FLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DZHPOLICY_BUILD_FUZZ=ON -DZHPOLICY_BUILD_TESTS=OFF -DZHPOLICY_BUILD_BENCH=OFF \
  -DZHPOLICY_BUILD_PYTHON=OFF -DZHPOLICY_INSTALL=OFF >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target $(printf 'fuzz_%s ' "${TARGETS[@]}")

# Text seeds: lines of the documents, cut into pieces of at most 2 KB; a
# fixed selection (every 7th piece) so runs are repeatable.
SEEDS="$BUILD/seeds"
if [[ ! -d "$SEEDS/text" ]]; then
  mkdir -p "$SEEDS/text"
  python3 - "$SEEDS/text" <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1])
shared = pathlib.Path("..", "shared")
files = sorted(shared.glob("corpus/*.txt")) + sorted(shared.glob("reports/**/*.txt"))
if not files:
    files = sorted(pathlib.Path("examples").glob("*.txt"))
pieces = []
for f in files:
    for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
        data = line.encode("utf-8")
        while data:
            cut = data[:2048]
            while cut and (cut[-1] & 0xC0) == 0x80:  # whole characters
                cut = cut[:-1]
            cut = cut or data[:2048]
            pieces.append(cut)
            data = data[len(cut):]
for i, p in enumerate(pieces[::7][:200]):
    (out / f"{i:04d}").write_bytes(p)
PY
fi
mkdir -p "$SEEDS/user_dict" "$SEEDS/lexicon" "$BUILD/findings"
cp -n src/data/words/*.txt src/data/entities/person.txt tests/data/*.txt "$SEEDS/user_dict/" 2>/dev/null || true
printf '\x01\x10\x00\x00\x00\xff' > "$SEEDS/lexicon/reseal"
printf '\x00\x10\x00\x00\x00\x01' > "$SEEDS/lexicon/flip"
printf '\x02\x00\x10\x00\x00\x00' > "$SEEDS/lexicon/cut"

status=0
for t in "${TARGETS[@]}"; do
  case $t in
    parse_number) seeds=(fuzz/seeds/parse_number) ;;
    user_dict) seeds=("$SEEDS/user_dict") ;;
    lexicon) seeds=("$SEEDS/lexicon") ;;
    *) seeds=("$SEEDS/text") ;;
  esac
  # What earlier runs found is run again every time.
  [[ -d fuzz/regressions/$t ]] && seeds+=("fuzz/regressions/$t")
  work="$BUILD/corpus/$t"
  mkdir -p "$work"
  if [[ -n "$RUNS" ]]; then
    # An input of the lexicon target builds a whole analyzer on the lexicon
    # it loaded (about 30 a second): a tenth of the runs keeps CI within a minute.
    if [[ $t == lexicon ]]; then limit=(-runs=$((RUNS / 10))); else limit=(-runs="$RUNS"); fi
  else
    limit=(-max_total_time="${FUZZ_SECONDS:-60}")
  fi
  echo "zhpolicy fuzz: $t (${limit[*]})"
  if ! "$BUILD/fuzz/fuzz_$t" "${limit[@]}" -seed=1 -max_len=4096 -timeout=25 -rss_limit_mb=4096 \
      -artifact_prefix="$BUILD/findings/$t-" -print_final_stats=1 "$work" "${seeds[@]}" \
      >"$BUILD/fuzz_$t.log" 2>&1; then
    echo "zhpolicy fuzz: $t FAILED; see $BUILD/fuzz_$t.log and $BUILD/findings/"
    tail -40 "$BUILD/fuzz_$t.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$BUILD/fuzz_$t.log" | tr '\n' ' '
    echo
  fi
done
exit $status
