#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz/ (clang, ASan + UBSan) in
# build-fuzz/ and runs each for SECONDS, one at a time on one core, then
# prints executions, coverage and findings per harness.
#
#   tests/fuzz/run.sh SECONDS [HARNESS...]     e.g. tests/fuzz/run.sh 600
#
# Each harness is seeded by tests/fuzz/seeds.sh (examples/, tests/fixtures/
# and the committed seeds and past findings in tests/fuzz/seeds/), with a
# dictionary built from tests/fuzz/dict/.
# Corpora grow in build-fuzz/corpus/HARNESS/ (kept between runs, never
# committed); a crash, timeout, leak or failed invariant is saved in
# build-fuzz/findings/HARNESS/ and makes the script exit 1. Reproduce one
# with: build-fuzz/HARNESS build-fuzz/findings/HARNESS/crash-…
#
# Environment: FUZZ_BUILD_JOBS (default 2) compile jobs; FUZZ_FLAGS extra
# libFuzzer flags (e.g. "-seed=1"); FUZZ_BUILD_DIR another build directory
# than build-fuzz/ (to build and run while a run in build-fuzz/ goes on).
set -euo pipefail

usage() { echo "usage: $0 SECONDS [HARNESS...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
SECONDS_EACH=$1
shift
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || usage

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FUZZ=$ROOT/tests/fuzz
B=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}

command -v clang++ >/dev/null || { echo "run.sh: clang++ not found (apt-get install clang)" >&2; exit 2; }

echo "== building the harnesses in $B"
cmake -S "$FUZZ" -B "$B" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$B" -j"${FUZZ_BUILD_JOBS:-2}" >"$B/build.log" 2>&1 || {
  tail -n 40 "$B/build.log" >&2
  echo "run.sh: the build failed (full log: $B/build.log)" >&2
  exit 2
}

if [ $# -gt 0 ]; then
  HARNESSES=("$@")
else
  HARNESSES=()
  for h in fuzz_value fuzz_target fuzz_actuals_yaml fuzz_actuals_csv fuzz_rules fuzz_eval \
           fuzz_yaml_fast fuzz_yaml_doc fuzz_import_text fuzz_import_docx; do
    [ -x "$B/$h" ] && HARNESSES+=("$h")
  done
fi

# ---- dictionaries: token lists (one a line, \n \t \r \\ \xNN escapes) ----
make_dict() {  # OUT LIST...
  local out=$1
  shift
  python3 - "$out" "$@" <<'EOF'
import sys
out, lists = sys.argv[1], sys.argv[2:]
seen, lines = set(), []
for path in lists:
    for raw in open(path, encoding="utf-8").read().split("\n"):
        if raw == "" or raw.startswith("# "):
            continue
        b, i = bytearray(), 0
        s = raw.encode("utf-8")
        while i < len(s):
            if s[i:i+1] == b"\\" and i + 1 < len(s):
                c = chr(s[i+1])
                if c in "ntr\\":
                    b += {"n": b"\n", "t": b"\t", "r": b"\r", "\\": b"\\"}[c]; i += 2; continue
                if c == "x":
                    b.append(int(s[i+2:i+4], 16)); i += 4; continue
            b.append(s[i]); i += 1
        tok = bytes(b)
        if tok in seen:
            continue
        seen.add(tok)
        lines.append('"' + "".join(chr(x) if 0x20 <= x < 0x7f and x not in (0x22, 0x5c)
                                   else "\\x%02X" % x for x in tok) + '"')
open(out, "w").write("\n".join(lines) + "\n")
EOF
}

dict_lists() {
  local d=$FUZZ/dict
  case $1 in
    fuzz_value) echo "$d/values.txt" ;;
    fuzz_actuals_csv) echo "$d/csv.txt $d/values.txt" ;;
    fuzz_rules) echo "$d/yaml.txt $d/rules.txt" ;;
    fuzz_import_text | fuzz_import_docx) echo "$d/import.txt $d/values.txt" ;;
    *) echo "$d/yaml.txt $d/values.txt" ;;
  esac
}

max_len() {
  case $1 in
    fuzz_value) echo 256 ;;
    fuzz_actuals_csv | fuzz_rules) echo 4096 ;;
    fuzz_eval) echo 16384 ;;
    fuzz_import_docx) echo 65536 ;;
    *) echo 8192 ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

SUMMARY=()
STATUS=0
for h in "${HARNESSES[@]}"; do
  [ -x "$B/$h" ] || { echo "run.sh: no harness $h in $B" >&2; exit 2; }
  corpus=$B/corpus/$h seeds=$B/seeds/$h findings=$B/findings/$h logs=$B/logs/$h
  mkdir -p "$corpus" "$findings" "$logs"
  bash "$FUZZ/seeds.sh" "$h" "$seeds"
  # shellcheck disable=SC2046
  make_dict "$B/$h.dict" $(dict_lists "$h")
  before=$(find "$findings" -type f | wc -l)
  echo "== $h: ${SECONDS_EACH}s, $(find "$seeds" -type f | wc -l) seeds, $(find "$corpus" -type f | wc -l) in corpus"
  rm -f "$logs"/fuzz-*.log
  # -jobs=1 -workers=1: one process on one core; its log is fuzz-0.log.
  # shellcheck disable=SC2086
  (cd "$logs" && "$B/$h" -jobs=1 -workers=1 -max_total_time="$SECONDS_EACH" -timeout=10 \
     -rss_limit_mb=2048 -max_len="$(max_len "$h")" -dict="$B/$h.dict" \
     -artifact_prefix="$findings/" -print_final_stats=1 ${FUZZ_FLAGS:-} \
     "$corpus" "$seeds" >"$logs/driver.log" 2>&1) || true
  log=$logs/fuzz-0.log
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  [ -n "$execs" ] || execs=$(echo "$last" | grep -oE '^#[0-9]+' | tr -d '#' || true)
  cov=$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || true)
  ft=$(echo "$last" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+' || true)
  eps=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  after=$(find "$findings" -type f | wc -l)
  new=$((after - before))
  [ "$new" -eq 0 ] || STATUS=1
  if grep -qE 'ERROR: (AddressSanitizer|UndefinedBehaviorSanitizer|LeakSanitizer|libFuzzer)|INVARIANT FAILED|runtime error' "$log"; then
    STATUS=1
    [ "$new" -gt 0 ] || new="see log"
  fi
  line=$(printf '%-18s %12s execs %8s/s  cov: %-6s ft: %-6s corpus: %-6s findings: %s' "$h" \
         "${execs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "$(find "$corpus" -type f | wc -l)" "$new")
  echo "$line"
  SUMMARY+=("$line")
  if [ "$new" != 0 ]; then
    grep -E -A12 'INVARIANT FAILED|ERROR: |runtime error' "$log" | head -n 30 | sed 's/^/    /'
    ls -t "$findings" | head -n "$((after - before))" | sed "s|^|    finding: $findings/|"
  fi
done

echo
echo "== summary (${SECONDS_EACH}s each; logs in $B/logs/)"
printf '%s\n' "${SUMMARY[@]}"
exit "$STATUS"
