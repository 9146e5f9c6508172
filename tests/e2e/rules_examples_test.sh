#!/usr/bin/env bash
# The rules files of examples/rules/ (installed in share/jixiao/rules): each
# loads, and scores the five example projects (examples/targets with
# examples/actuals) and the two projects of tests/fixtures/rules-examples,
# made so that the files differ on them, to the figures worked out below by
# hand from docs/reference.md §4.
source "$(dirname "$0")/lib.sh"

RULES=$EXAMPLES/rules
FX=$FIXTURES/rules-examples

# summarize: one line per project of the JSON report on stdout: id, total,
# grade, budget execution score, then each indicator flagged with its kind.
summarize() {
  python3 -c '
import json, sys
for p in json.load(open(sys.argv[1]))["projects"]:
    flags = " ".join(i["name"] + ":" + i["deviation_kind"] for i in p["indicators"] if i["deviation"])
    low = " low-execution" if p["budget"]["deviation"] else ""
    print(p["id"], "%.2f" % p["score"], p["grade"], "%.2f" % p["budget"]["score"] + low, flags)
' "$OUT" >"$WORK/summary" 2>&1
}

# expect_summary LINE...: the projects summarized are exactly these lines.
expect_summary() {
  summarize
  printf '%s\n' "$@" >"$WORK/expected"
  cmp -s "$WORK/summary" "$WORK/expected" || {
    fail "the scores differ from the figures worked out by hand"
    diff "$WORK/expected" "$WORK/summary" >&2
  }
}

# eval_examples FILE: the five example projects under rules FILE.
eval_examples() {
  run eval "$EXAMPLES/targets" -a "$EXAMPLES/actuals" --rules "$1" -f json
  expect_status 1  # projects 2 and 3 each have an unmet indicator
}
eval_fixture() {
  run eval "$FX/rx-a.yaml" "$FX/rx-b.yaml" -a "$FX/actuals.yaml" --rules "$1" -f json
  expect_status 1
}

case_ "the files: the five of the documentation, no other"
(cd "$RULES" && ls) >"$WORK/files"
printf '%s\n' grades-80-70-60.yaml guangxi.yaml hubei.yaml mof-2020.yaml reverse-linear.yaml \
  >"$WORK/expected"
cmp -s "$WORK/files" "$WORK/expected" || fail "examples/rules/ holds: $(tr '\n' ' ' <"$WORK/files")"

case_ "mof-2020.yaml is exactly what 'jixiao rules --lang zh' prints"
run rules --lang zh
expect_status 0
expect_same "$RULES/mof-2020.yaml"
run rules --rules "$RULES/mof-2020.yaml" --lang zh
expect_status 0
expect_same "$RULES/mof-2020.yaml"
# Every comment in the reader's language: none of English in a Chinese run,
# and the English run's comments are not the Chinese ones.
# (The words of the file itself, keys and values, are not English.)
grep -o '#.*' "$RULES/mof-2020.yaml" | sed -E 's/execution_weight|jixiao|ratio|linear|days|months|monitor|true//g' |
  grep -E '[A-Za-z]{3,}' && fail "a comment of 'jixiao rules --lang zh' is in English"
run rules --lang en
expect_out "execution_weight: 10        # weight of budget execution"
expect_no_out "预算执行率的分值"

for f in grades-80-70-60 guangxi hubei reverse-linear; do
  case_ "$f.yaml loads, under its own name"
  run rules --rules "$RULES/$f.yaml"
  expect_status 0
  expect_err_empty
  expect_out "name: $f"
done

case_ "each file cites where its rules come from"
for f in grades-80-70-60 guangxi hubei reverse-linear; do
  grep -q '^# 来源' "$RULES/$f.yaml" || fail "$f.yaml: no '# 来源' comment"
  grep -q '^# Source' "$RULES/$f.yaml" || fail "$f.yaml: no '# Source' comment"
done
grep -q '财预〔2020〕10号' "$RULES/mof-2020.yaml" || fail "mof-2020.yaml does not cite 财预〔2020〕10号"

# ---- mof-2020, the national default ----
# Examples (docs/scoring.md §3): execution 10 x B/A, indicators 90.
#   1: 10 x 4.60/6 = 7.67 + 90 = 97.67; 项目总投资 4.6 < 0.8 x 6 = 4.8: cost under-run
#   2: 10 x 60.8/61 = 9.967 + 40 + 10 x 296/300 + 40 = 99.83
#   3: 10 x 0.92 = 9.2; 不适用 drops a 12.5 of 产出: x 90/77.5;
#      (67.5 + 10 x 88/90) x 90/77.5 = 89.742; 98.94
#   4: 9.8 + 90 = 99.80; 检查企业、点位数量 112 > 1.2 x 85 = 102: over-achieved
#   5: 10 x 116.52/116.60 (its adjusted budget) = 9.993 + 90 = 99.99
MOF_EXAMPLES=(
  "TJ-362303-2024-01 97.67 优 7.67 low-execution 项目总投资:cost_under_run"
  "TJ-362303-2024-02 99.83 优 9.97 网络稳定运行天数:unmet"
  "TJ-362303-2024-03 98.94 优 9.20 服务对象满意度指标:unmet"
  "TJ-362303-2024-04 99.80 优 9.80 检查企业、点位数量:over_achieved"
  "TJ-362303-2024-05 99.99 优 9.99 "
)
# Fixture RX-A: spent 8.5 of 10: 8.5; 产出 50/4 = 12.5 each: 甲 125 and 乙 130
# (> 1.2 x 100: over-achieved), 丙 ≤10天 in 15天 12.5 x 10/15 = 8.333 (unmet),
# 丁 7.5万元 < 0.8 x 10 (cost under-run); 效益 30, 满意度 10:
# 8.5 + 37.5 + 8.333 + 40 = 94.33. RX-B: 10 + 25 x 8/10 + 25 + 30 x 0.6 + 10 = 83: 良.
MOF_FIXTURE=(
  "RX-A 94.33 优 8.50 low-execution 甲:over_achieved 乙:over_achieved 丙:unmet 丁:cost_under_run"
  "RX-B 83.00 良 10.00 甲:unmet 丙:unmet"
)
case_ "mof-2020.yaml scores the examples as the built-in rules do"
eval_examples "$RULES/mof-2020.yaml"
expect_summary "${MOF_EXAMPLES[@]}"
run eval "$EXAMPLES/targets" -a "$EXAMPLES/actuals" -f json
expect_summary "${MOF_EXAMPLES[@]}"
case_ "mof-2020.yaml on the fixture"
eval_fixture "$RULES/mof-2020.yaml"
expect_summary "${MOF_FIXTURE[@]}"

# ---- Hubei: execution 20, indicators 80 (产出 40, 效益 30, 满意度 10),
# qualitative bands 100-80 / 80-50 / 50-0 ----
#   1: 20 x 4.60/6 = 15.333 + 80 = 95.33
#   2: 20 x 60.8/61 = 19.934; 产出 40/5 = 8 each: 32 + 8 x 296/300 = 39.893;
#      + 30 + 10: 99.828 -> 99.83
#   3: 20 x 0.92 = 18.4; 产出 10 each, 不适用 drops 10 of 80: x 80/70;
#      (60 + 10 x 88/90) x 8/7 = 79.746; 98.146 -> 98.15
#   4: 20 x 0.98 = 19.6 + 80 = 99.60
#   5: 20 x 116.52/116.60 = 19.986 + 80 = 99.99
# RX-A: 20 x 0.85 = 17; 产出 10 each: 丙 10 x 10/15 = 6.667; 17 + 36.667 + 40 = 93.67.
# RX-B: 20 + 20 x 0.8 + 20 + 30 x 0.6 + 10 = 84: 良.
case_ "hubei.yaml on the examples"
eval_examples "$RULES/hubei.yaml"
expect_summary \
  "TJ-362303-2024-01 95.33 优 15.33 low-execution 项目总投资:cost_under_run" \
  "TJ-362303-2024-02 99.83 优 19.93 网络稳定运行天数:unmet" \
  "TJ-362303-2024-03 98.15 优 18.40 服务对象满意度指标:unmet" \
  "TJ-362303-2024-04 99.60 优 19.60 检查企业、点位数量:over_achieved" \
  "TJ-362303-2024-05 99.99 优 19.99 "
expect_out '"rules": "hubei"'
case_ "hubei.yaml on the fixture"
eval_fixture "$RULES/hubei.yaml"
expect_summary \
  "RX-A 93.67 优 17.00 low-execution 甲:over_achieved 乙:over_achieved 丙:unmet 丁:cost_under_run" \
  "RX-B 84.00 良 20.00 甲:unmet 丙:unmet"

# A 部分达成 given the score 0.5: below the national band [0.6, 0.8), inside
# Hubei's [0.5, 0.8): 20 + 16 + 20 + 30 x 0.5 + 10 = 81.
case_ "a 部分达成 scored 0.5: an error under mof-2020, at the score"
run eval "$FX/rx-b.yaml" -a "$FX/actuals-bands.yaml"
expect_status 2
expect_err "$FX/actuals-bands.yaml:8:31: error[JX0585]: indicator '丙': score 0.5 does not fit the grade 部分达成, whose band is [0.6, 0.8): expected a score from 0.6 to below 0.8, or another grade"
case_ "a 部分达成 scored 0.5: 30 x 0.5 = 15 under hubei.yaml"
run eval "$FX/rx-b.yaml" -a "$FX/actuals-bands.yaml" --rules "$RULES/hubei.yaml" -f json
expect_status 1
expect_summary "RX-B 81.00 良 20.00 甲:unmet 丙:unmet"

# ---- grades 80 / 70 / 60: the same scores, other grades ----
case_ "grades-80-70-60.yaml on the examples: the scores of mof-2020, all 优"
eval_examples "$RULES/grades-80-70-60.yaml"
expect_summary "${MOF_EXAMPLES[@]}"
case_ "grades-80-70-60.yaml on the fixture: RX-B's 83 is 优 (良 under mof-2020)"
eval_fixture "$RULES/grades-80-70-60.yaml"
expect_summary "${MOF_FIXTURE[0]}" "RX-B 83.00 优 10.00 甲:unmet 丙:unmet"

# ---- reverse: linear ----
# No example project misses a reverse (≤) target: the figures of mof-2020.
# RX-A's 丙 ≤10天 in 15天: 12.5 x (1 - 5/10) = 6.25 (ratio: 8.333);
# 8.5 + 37.5 + 6.25 + 40 = 92.25.
case_ "reverse-linear.yaml on the examples: the figures of mof-2020"
eval_examples "$RULES/reverse-linear.yaml"
expect_summary "${MOF_EXAMPLES[@]}"
case_ "reverse-linear.yaml on the fixture: 丙 scores 6.25"
eval_fixture "$RULES/reverse-linear.yaml"
expect_summary \
  "RX-A 92.25 优 8.50 low-execution 甲:over_achieved 乙:over_achieved 丙:unmet 丁:cost_under_run" \
  "${MOF_FIXTURE[1]}"
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["projects"][0]["indicators"][2]; sys.exit(i["score"] != 6.25 or "score_exact" in i)' "$OUT" \
  || fail "丙 should score exactly 6.25"

# ---- Guangxi: 30%, at the threshold included ----
# The same scores as mof-2020; the flags move: 项目总投资 4.6 > 0.7 x 6 = 4.2 is
# no longer a cost under-run; 112 >= 1.3 x 85 = 110.5 is still over-achieved.
# RX-A: 甲 125 < 130 is not flagged, 乙 130 = 1.3 x 100 is (at the threshold),
# 丁 7.5 > 0.7 x 10 is not.
case_ "guangxi.yaml on the examples: the scores of mof-2020, one flag fewer"
eval_examples "$RULES/guangxi.yaml"
expect_summary \
  "TJ-362303-2024-01 97.67 优 7.67 low-execution " \
  "${MOF_EXAMPLES[@]:1}"
case_ "guangxi.yaml on the fixture: 130% is flagged, 125% and a 25% saving are not"
eval_fixture "$RULES/guangxi.yaml"
expect_summary \
  "RX-A 94.33 优 8.50 low-execution 乙:over_achieved 丙:unmet" \
  "${MOF_FIXTURE[1]}"

# ---- the rules-file keys these files need: each error, located ----
# bad_rules NAME TEXT LOCATION CODE MESSAGE: a rules file holding TEXT is
# refused by `jixiao rules` (exit 2, nothing printed) with MESSAGE at
# LOCATION, under CODE (JX0580) or, for a message not yet catalogued, none.
bad_rules() {
  printf '%s' "$2" >"$WORK/$1.yaml"
  case_ "rules file $1: $5"
  run rules --rules "$WORK/$1.yaml"
  expect_status 2
  expect_no_out "execution_weight"
  if [ -n "$4" ]; then
    expect_err "$WORK/$1.yaml:$3: error[$4]: $5"
  else
    expect_err_re "^$(printf '%s' "$WORK/$1.yaml:$3" | sed 's/[.[\*^$/]/\\&/g'): error(\[JX[0-9]{4}\])?: "
    expect_err "$5"
  fi
}
bad_rules band-not-achieved $'qualitative_bands:\n  达成: 0.8\n  未达成: 0.1\n' 3:8 JX0580 \
  "the band of 未达成 starts at 0 (every score below 部分达成's band is 未达成), not at 0.1"
bad_rules band-range $'qualitative_bands: {达成: 80}\n' 1:25 JX0581 \
  "the band of 达成 must start above 0 and at most at 1 (0.5 means 50%), not at 80"
bad_rules band-zero $'qualitative_bands: {部分达成: 0}\n' 1:27 JX0581 \
  "the band of 部分达成 must start above 0 and at most at 1 (0.5 means 50%), not at 0"
bad_rules band-order $'qualitative_bands:\n  达成: 0.6\n  部分达成: 0.7\n' 2:7 JX0582 \
  "the band of 达成 must start above that of 部分达成, not at 0.6 against 0.7"
bad_rules band-ratio $'name: x\nqualitative_bands:\n  部分达成: 0.7\n' 2:1 JX0583 \
  "the default ratio of 部分达成 (0.6) lies outside its new band [0.7, 0.8): give one within it under qualitative, such as '部分达成: 0.7'"
bad_rules band-ratio-given $'qualitative_bands: {部分达成: 0.5}\nqualitative: {部分达成: 0.45}\n' 2:21 "" \
  "the ratio of 部分达成 must lie in [0.5, 0.8), not 0.45"
bad_rules band-key $'qualitative_bands: {达成: 0.8, 部份达成: 0.5}\n' 1:30 "" \
  "unknown key '部份达成' in qualitative_bands: did you mean '部分达成'?"
bad_rules inclusive $'deviation_threshold: 0.3\ndeviation_inclusive: yes\n' 2:22 JX0584 \
  "'deviation_inclusive' must be true or false, not 'yes'"

finish
