#!/usr/bin/env bash
# Where full analyze spends its work, counted rather than timed (valgrind's
# counts repeat exactly, whatever else the machine does): instructions of
# analyze and of segmentation alone, and of the number and entity stages;
# then cachegrind's model of branch mispredictions per stage.
#
#   bench/profile.sh [MB]      on the first MB (default 2) of ../shared/corpus
#                              concatenated, one pass, line by line
set -euo pipefail
cd "$(dirname "$0")/.."
ZHPOLICY_EXTRA_PACKAGES="valgrind" scripts/setup_deps.sh  # the build tools and libraries too, on a fresh machine
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DZHPOLICY_BUILD_BENCH=ON >/dev/null
cmake --build build -j "$(nproc)" --target zhpolicy_bench zhpolicy_lexicon >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 - "${1:-2}" "$out/corpus.txt" <<'EOF'
import sys
from pathlib import Path
docs = [p.read_text(encoding="utf-8") for p in sorted(Path("../shared/corpus").glob("*.txt"))]
if not docs:
    sys.exit("profile: no *.txt under ../shared/corpus")
limit = int(float(sys.argv[1]) * 1e6)
text = ""
while len(text.encode()) < limit:
    text += "\n".join(docs) + "\n"
data = text.encode()[:limit].decode("utf-8", "ignore")
Path(sys.argv[2]).write_text(data[: data.rfind("\n") + 1], encoding="utf-8")
EOF
run=(build/bench/zhpolicy_bench --engine analyze --lexicon build/zhpolicy.zpl --corpus "$out/corpus.txt" --repeat 1)
valgrind --tool=callgrind --callgrind-out-file="$out/cg" "${run[@]}" >/dev/null 2>&1
valgrind --tool=cachegrind --cache-sim=no --branch-sim=yes --cachegrind-out-file="$out/br" "${run[@]}" >/dev/null 2>&1
callgrind_annotate --inclusive=yes "$out/cg" >"$out/cg.txt" 2>/dev/null
callgrind_annotate --inclusive=yes --tree=caller "$out/cg" >"$out/callers.txt" 2>/dev/null
cg_annotate --show=Bcm,Bim --auto=no "$out/br" >"$out/br.txt" 2>/dev/null
python3 - "$out/cg.txt" "$out/br.txt" "$out/callers.txt" <<'EOF'
import re, sys
def count(text, pattern):
    for line in text.splitlines():
        if re.search(pattern, line):
            return int(line.split()[0].replace(",", ""))
    return 0
def count_from(text, callee, caller):
    # The part of callee's inclusive count spent in calls from caller: the
    # "< caller" line in the block above callee's "*" line.
    block = []
    for line in text.splitlines():
        if not line.strip():
            block = []
        elif "*" in line and re.search(callee, line):
            for b in block:
                if re.search(caller, b):
                    return int(b.split()[0].replace(",", ""))
            block = []
        else:
            block.append(line)
    return 0
cg = open(sys.argv[1]).read()
callers = open(sys.argv[3]).read()
stages = [
    ("segmentation alone (normalize + segment)", r"zhpolicy::Segmenter::segment\(std::basic_string_view<char, std::char_traits<char> >, zhpolicy::SegmentMode\)"),
    ("full analyze", r"zhpolicy::internal::AnalyzerImpl::analyze\("),
    ("  number extraction", r"zhpolicy::internal::NumberExtractorImpl::extract_normalized\("),
    ("  entity extraction", r"zhpolicy::internal::EntityExtractorImpl::extract\(zhpolicy::internal::entity_detail::SegmentedText"),
    ("    rules (rule_pass)", r"zhpolicy::internal::EntityExtractorImpl::rule_pass\("),
    ("    learned model (apply_model)", r"zhpolicy::internal::EntityExtractorImpl::apply_model\("),
    ("  targets", r"zhpolicy::internal::TargetExtractorImpl::extract\(zhpolicy::NormalizedText"),
]
values = {name: count(cg, pattern) for name, pattern in stages}
# The Analyzer drives the segmenter's implementation directly (a long text in pieces: analyze_part).
stages.insert(2, ("  segmentation inside analyze", None))
values["  segmentation inside analyze"] = count_from(callers, r"SegmenterImpl::segment_normalized\(", r"< .*AnalyzerImpl::analyze(_part)?\(")
print("instructions (callgrind, one pass):")
for name, _ in stages:
    print(f"  {name:<44} {values[name] / 1e6:8.1f} M")
alone, full = values[stages[0][0]], values[stages[1][0]]
if alone and full:
    print(f"  segmentation alone / full analyze: {alone / full:.2f}")
    # Issue 14 asks full analyze for 0.4x of segmentation alone: what that
    # leaves the entity stage once the other stages have run, against what
    # its model alone costs (by instructions; bench/run.sh times it).
    budget = alone / 0.4
    others = full - values["  entity extraction"]
    print(f"  full analyze at 0.4x would be {budget / 1e6:.1f} M; the stages other than entities take "
          f"{others / 1e6:.1f} M ({others / budget:.0%} of it), leaving the entity stage "
          f"{max(budget - others, 0) / 1e6:.1f} M ({max(budget - others, 0) / alone:.2f}x segmentation alone);")
    print(f"  the entity stage takes {values['  entity extraction'] / 1e6:.1f} M "
          f"({values['  entity extraction'] / alone:.2f}x), its model alone "
          f"{values['    learned model (apply_model)'] / 1e6:.1f} M ({values['    learned model (apply_model)'] / alone:.2f}x)")
# Branch mispredictions by function (a release build: inlined code counts in
# the function it was inlined into); library calls (malloc, memcpy, re2) and
# functions that several stages call are in the whole program only.
br = open(sys.argv[2]).read()
groups = {"segmentation": r"SegmenterImpl::|build_word_graph|best_path|hmm_cut|match_numeric|zhpolicy::normalize|icu_",
          "numbers": r"NumberExtractorImpl::|parse_chinese_numeral|UnitTable::|parse_arabic|Decimal::",
          "entities": r"EntityExtractorImpl::|TermIndex::"}
totals = dict.fromkeys(groups, 0)
program = 0
for line in br.splitlines():
    # "Bcm (pct) Bim (pct) where": a zero count has no percentage.
    m = re.match(r"\s*([\d,]+)(?: \([ \d.]+%\))?\s+([\d,]+)(?: \([ \d.]+%\))?\s+(\S.*)$", line)
    if not m:
        continue
    n = int(m.group(1).replace(",", "")) + int(m.group(2).replace(",", ""))
    if "PROGRAM TOTALS" in m.group(3):
        program = n
        continue
    for g, pattern in groups.items():
        if re.search(pattern, m.group(3)):
            totals[g] += n
            break
print("branch mispredictions (cachegrind's model; segmentation: both passes):")
for g, n in totals.items():
    print(f"  {g:<44} {n / 1e6:8.2f} M")
print(f"  {'whole program':<44} {program / 1e6:8.2f} M")
EOF
