#!/usr/bin/env bash
# The command line itself: help, version, usage errors (exit 2, never CLI11's 100+).
source "$(dirname "$0")/lib.sh"

case_ "--version"
run --version
expect_status 0
expect_out_re "^jixiao [0-9]+\.[0-9]+\.[0-9]+( \(git [0-9a-f]{7,}(-dirty)?\))?$"

case_ "--help lists the commands"
run --help
expect_status 0
for c in check eval template rules; do expect_out "$c"; done

for c in check eval template rules; do
  case_ "$c --help"
  run $c --help
  expect_status 0
  expect_out "Usage: jixiao $c"
done

case_ "no arguments: usage on stderr, exit 2"
run
expect_status 2
expect_err "Usage:"

case_ "an unknown command: exit 2"
run frobnicate
expect_status 2
expect_err "jixiao: error:"

case_ "an unknown flag: exit 2, not CLI11's 109"
run check --bogus examples/targets
expect_status 2
expect_err "The following argument was not expected: --bogus"

case_ "a missing required argument: exit 2"
run check
expect_status 2
expect_err "TARGETS is required"

case_ "a bad --color value: exit 2"
run check --color sometimes examples/targets
expect_status 2

case_ "a bad -j value: exit 2"
run eval -j 0 examples/targets -a examples/actuals
expect_status 2

case_ "an unknown format: exit 2"
run check -f yaml examples/targets
expect_status 2
expect_err "unknown format 'yaml': expected one of text, json"

case_ "two reports on standard output: exit 2"
run eval -f text -f json examples/targets -a examples/actuals
expect_status 2
expect_err "only one report can go to standard output"

case_ "--color always colours, NO_COLOR does not override the flag"
NO_COLOR=1 run check --color always tests/fixtures/check/bare-cost.yaml
expect_status 0
grep -q $'\x1b\[' "$ERR" || fail "expected colour codes on stderr"

case_ "auto colour: not a terminal, no colour codes even with TERM set"
TERM=xterm run check tests/fixtures/check/bare-cost.yaml
grep -q $'\x1b\[' "$ERR" && fail "unexpected colour codes"

case_ "FORCE_COLOR turns colour on for auto"
FORCE_COLOR=1 run check tests/fixtures/check/bare-cost.yaml
grep -q $'\x1b\[' "$ERR" || fail "expected colour codes with FORCE_COLOR"

case_ "NO_COLOR wins over FORCE_COLOR in auto mode"
NO_COLOR=1 FORCE_COLOR=1 run check tests/fixtures/check/bare-cost.yaml
grep -q $'\x1b\[' "$ERR" && fail "unexpected colour codes with NO_COLOR"

case_ "rules prints the built-in rules"
run rules
expect_status 0
expect_out "name: mof-2020"
expect_out "execution_weight: 10"

finish
