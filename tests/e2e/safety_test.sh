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

# ---------------------------------------------------------------------------
# Reports: no text from an input acts on a terminal or a reader.

# has_c1 FILE: FILE holds a C1 control (U+0080..U+009F) as UTF-8.
has_c1() { LC_ALL=C grep -qa $'\xc2[\x80-\x9f]' "$1"; }

case_ "C1 controls (U+0080..U+009F) from an input reach no report and no message"
cat > "$WORK/c1.yaml" <<'YAML'
projects:
  - id: T-1
    spent: 6
    note: "a\u009B31mb\u0085c\u0080d"
    indicators:
      设备数量: {value: 3台, note: "e\u009b2Jf"}
      完成时间: 10个月
      满意度: 95%
YAML
for f in text markdown junit github csv json jsonl; do
  run eval $T -a "$WORK/c1.yaml" -f $f
  expect_status 1
  expect_out "T-1"
  has_c1 "$OUT" && fail "the $f report holds a C1 control"
done
run eval $T -a "$WORK/c1.yaml" -f json
expect_out '"note": "e\u009b2Jf"'
run eval $T -a "$WORK/c1.yaml" -f text
expect_out "(说明: a31mbcd)"
sed 's/      满意度: 95%/      "x\\u009b31my": 1台/' "$WORK/c1.yaml" > "$WORK/c1-key.yaml"
run eval $T -a "$WORK/c1-key.yaml"
expect_status 2
expect_err "c1-key.yaml:8:7: error: 'x31my' is not an indicator of project '测试项目'"
has_c1 "$ERR" && fail "the messages hold a C1 control"

case_ "template writes a C1 control of a name as an escape that reads back"
printf 'project: 项目\nid: C1\nyear: 2024\nbudget: {total: 1}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: "设备\\u0085数量", target: 4台}\n' \
  > "$WORK/c1-target.yaml"
run template "$WORK/c1-target.yaml"
expect_status 0
expect_out '      "设备\x85数量":'
has_c1 "$OUT" && fail "the template holds a raw C1 control"

finish
