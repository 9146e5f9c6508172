#!/usr/bin/env bash
# Output safety and input never skipped in silence (docs/reference.md §11):
# what jixiao does to the files it writes, and every input it cannot read
# or take as meant is an error.
source "$(dirname "$0")/lib.sh"
T=tests/fixtures/eval/target.yaml
A=tests/fixtures/eval/ok.yaml

# ---------------------------------------------------------------------------
# Reading: the same answer whichever YAML reader reads a file.

# An indicator named by 342 CJK characters (1026 bytes): as a key of the
# actuals, longer than the 1024 bytes yaml-cpp takes.
long_name=$(printf '指%.0s' $(seq 342))
sed "s/name: 设备数量/name: $long_name/" $T > "$WORK/long-target.yaml"
sed "s/设备数量: 4台/$long_name: 4台/" $A > "$WORK/long-actuals.yaml"
{ printf '#\t(a tab: the file is read by yaml-cpp alone)\n'; cat "$WORK/long-actuals.yaml"; } \
  > "$WORK/long-actuals-tab.yaml"

case_ "a map key over 1024 bytes is an error at the key, with or without a tab in the file"
run eval "$WORK/long-target.yaml" -a "$WORK/long-actuals.yaml"
expect_status 2
expect_err "$WORK/long-actuals.yaml:5:7: error: YAML syntax error: a map key of 1026 bytes, longer than the 1024 bytes YAML allows: shorten it (an indicator can be named by its id)"
run eval "$WORK/long-target.yaml" -a "$WORK/long-actuals-tab.yaml"
expect_status 2
expect_err "$WORK/long-actuals-tab.yaml:6:7: error: YAML syntax error: a map key of 1026 bytes"

case_ "a map key of 1023 bytes is read by either reader"
short_name=$(printf '指%.0s' $(seq 341))
sed "s/name: 设备数量/name: $short_name/" $T > "$WORK/short-target.yaml"
sed "s/设备数量: 4台/$short_name: 4台/" $A > "$WORK/short-actuals.yaml"
run eval "$WORK/short-target.yaml" -a "$WORK/short-actuals.yaml" -q
expect_status 0
{ printf '#\t\n'; cat "$WORK/short-actuals.yaml"; } > "$WORK/short-actuals-tab.yaml"
run eval "$WORK/short-target.yaml" -a "$WORK/short-actuals-tab.yaml" -q
expect_status 0

finish
