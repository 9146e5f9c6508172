# End-to-end test helpers: source this, then call `run` and the `expect_*`
# functions, and finish with `finish`. Usage: bash foo_test.sh PATH/TO/jixiao
#
# Golden files: `expect_golden tests/golden/FILE` compares stdout with FILE.
# With UPDATE_GOLDEN=1 in the environment it writes stdout to FILE instead
# (and says so on stderr), so that an intended change of a report shows in
# `git diff tests/golden`, to review and commit with the change:
#   UPDATE_GOLDEN=1 bash tests/e2e/formats_test.sh build/jixiao
#   (cd build && UPDATE_GOLDEN=1 ctest -R e2e)      # every golden file
set -u
JIXIAO=${1:?usage: $0 PATH/TO/jixiao}
# jixiao speaks Chinese by default (--lang zh). The tests run it in English
# unless a case asks for Chinese with --lang zh (or unsets JIXIAO_LANG to
# check the default): most assert English messages.
export JIXIAO_LANG=en
SRC=${JIXIAO_SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
FIXTURES=$SRC/tests/fixtures
EXAMPLES=$SRC/examples
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$SRC"

passed=0
failed=0
current=""
case_failed=0
STATUS=0
OUT=$WORK/stdout
ERR=$WORK/stderr

# Starts a named case.
case_() {
  end_case
  current=$1
  case_failed=0
}

end_case() {
  [ -z "$current" ] && return
  if [ "$case_failed" -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
  current=""
}

fail() {
  echo "FAIL [$current]: $*" >&2
  echo "  command: jixiao ${LAST_ARGS:-}" >&2
  echo "  exit status: $STATUS" >&2
  echo "  --- stdout (first 20 lines)" >&2
  head -n 20 "$OUT" | sed 's/^/  | /' >&2
  echo "  --- stderr (first 20 lines)" >&2
  head -n 20 "$ERR" | sed 's/^/  | /' >&2
  case_failed=1
}

# Runs jixiao with the given arguments (stdin from /dev/null), recording its
# status, stdout and stderr. A run over 20 s is killed and fails the case:
# a hang guard, not a timing test. Outside sanitizer builds memory is capped
# at JIXIAO_TEST_MEMORY_KB (default 200 MB) of address space.
run() {
  LAST_ARGS="$*"
  local mem=${JIXIAO_TEST_MEMORY_KB:-204800}
  if [ "${JIXIAO_SANITIZED:-0}" = 1 ]; then
    timeout 20 "$JIXIAO" "$@" </dev/null >"$OUT" 2>"$ERR"
  else
    (ulimit -v "$mem"; exec timeout 20 "$JIXIAO" "$@" </dev/null >"$OUT" 2>"$ERR")
  fi
  STATUS=$?
  if [ "$STATUS" -eq 124 ]; then fail "timed out (hang?)"; fi
  if [ "$STATUS" -gt 2 ]; then fail "crashed or killed (status $STATUS)"; fi
}

expect_status() {
  [ "$STATUS" -eq "$1" ] || fail "expected exit status $1, got $STATUS"
}

# expect_out / expect_err FIXED-STRING: the output contains the string.
expect_out() { grep -qF -- "$1" "$OUT" || fail "stdout lacks: $1"; }
expect_err() { grep -qF -- "$1" "$ERR" || fail "stderr lacks: $1"; }
# expect_err_re REGEX (extended).
expect_err_re() { grep -qE -- "$1" "$ERR" || fail "stderr does not match: $1"; }
expect_out_re() { grep -qE -- "$1" "$OUT" || fail "stdout does not match: $1"; }
expect_no_err() { ! grep -qF -- "$1" "$ERR" || fail "stderr should not contain: $1"; }
expect_no_out() { ! grep -qF -- "$1" "$OUT" || fail "stdout should not contain: $1"; }
expect_err_empty() { [ ! -s "$ERR" ] || fail "stderr should be empty"; }
# expect_same FILE: stdout equals FILE byte for byte.
expect_same() { cmp -s "$OUT" "$1" || { fail "stdout differs from $1"; diff "$1" "$OUT" | head -20 >&2; }; }

# expect_golden FILE [ACTUAL]: ACTUAL (default: stdout) equals the golden
# FILE byte for byte; under UPDATE_GOLDEN=1, ACTUAL is written to FILE.
expect_golden() {
  local golden=$1 actual=${2:-$OUT}
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    if ! cmp -s "$actual" "$golden"; then
      cp "$actual" "$golden"
      echo "updated $golden" >&2
    fi
    return
  fi
  if [ ! -f "$golden" ]; then
    fail "no golden file $golden (UPDATE_GOLDEN=1 writes it)"
  elif ! cmp -s "$actual" "$golden"; then
    fail "output differs from $golden (UPDATE_GOLDEN=1 rewrites it)"
    diff "$golden" "$actual" | head -20 >&2
  fi
}

# five_projects_in_two_departments FILE: targets P-1 … P-5 of 2024 (budget 10,
# one indicator 数量 of 4台), the odd ones in department 101 部门1 and the even
# ones in 100 部门0, interleaved in input order.
five_projects_in_two_departments() {
  local k dept
  for k in 1 2 3 4 5; do
    dept=$(( k % 2 ))
    printf -- "---\nproject: 项目%d\nid: P-%d\nyear: 2024\ndepartment: {code: \"10%d\", name: 部门%d}\n" $k $k $dept $dept
    printf "budget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n"
  done >"$1"
}

finish() {
  end_case
  echo "$(basename "$0" .sh): $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
