#!/usr/bin/env bash
# Runs a fuzz harness built with the standalone driver (standalone_driver.cc)
# once over its seed corpus and past findings (tests/fuzz/seeds.sh): the
# ctest "fuzz_NAME" of the normal build. No fuzzing, no mutation: a replay
# that fails when an input crashes the harness or breaks one of its
# invariants, and shows which input (the last "running" line; the seeds of a
# failed run are kept for reproducing it).
#
#   bash tests/fuzz/replay.sh PATH/TO/fuzz_NAME
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 PATH/TO/fuzz_NAME" >&2; exit 2; }
harness=$1
seeds=$(mktemp -d)
bash "$(dirname "$0")/seeds.sh" "$(basename "$harness")" "$seeds"
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if "$harness" "$seeds"; then
  rm -rf "$seeds"
else
  status=$?
  echo "replay.sh: $(basename "$harness") failed (exit $status); its inputs are kept in $seeds" >&2
  exit 1
fi
