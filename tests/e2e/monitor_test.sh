#!/usr/bin/env bash
# End-to-end tests of `jixiao monitor` (docs/monitor.md): golden reports of
# every format on examples/progress, the exit status under --fail-on, the
# worked examples of docs/monitor.md, `template --progress`, and every error
# of a progress file or of the rules' `monitor` key with its code and
# file:line:column.
#
# After an intended change of a report, UPDATE_GOLDEN=1 rewrites the golden
# files (see lib.sh): review the diff before committing.
source "$(dirname "$0")/lib.sh"
F=tests/fixtures/monitor
G=tests/golden
EX=(examples/targets -a examples/progress)
T=$F/targets.yaml

# progress NAME: writes standard input to $WORK/NAME (a progress file of a
# case), so that its lines and columns are the ones the case asserts.
progress() { cat >"$WORK/$1"; }

# ---- golden reports of the examples ----

golden() {
  local name=$1 status=$2 file=$3
  shift 3
  case_ "$name"
  run monitor "$@"
  expect_status "$status"
  sed "s/\"version\": \"[^\"]*\"/\"version\": \"VERSION\"/" "$OUT" >"$WORK/golden"
  expect_golden "$G/$file" "$WORK/golden"
}

golden "text: the examples, in Chinese (the default); exit 1 (two red)" 1 monitor-examples.txt \
  "${EX[@]}" --lang zh
golden "text: the examples in English" 1 monitor-examples-en.txt "${EX[@]}"
golden "text --show-work: every light with its arithmetic" 1 monitor-examples-work.txt \
  "${EX[@]}" --lang zh --show-work
for fmt in json jsonl csv markdown junit github; do
  ext=$fmt
  case $fmt in markdown) ext=md ;; junit) ext=xml ;; github) ext=github.txt ;; esac
  golden "$fmt: the examples" 1 "monitor-examples.$ext" "${EX[@]}" --lang zh -f $fmt
done

case_ "the examples flag what docs/monitor.md says they flag"
run monitor "${EX[@]}" -f json
expect_status 1
python3 - "$OUT" <<'EOF' || fail "the lights of the examples differ from docs/monitor.md"
import json, sys
r = json.load(open(sys.argv[1], encoding='utf-8'))
lights = {p['id']: p['light'] for p in r['projects']}
assert lights == {'TJ-362303-2024-01': 'green', 'TJ-362303-2024-02': 'yellow',
                  'TJ-362303-2024-03': 'yellow', 'TJ-362303-2024-04': 'red',
                  'TJ-362303-2024-05': 'red'}, lights
assert r['summary']['lights'] == {'green': 1, 'yellow': 2, 'red': 2}, r['summary']
assert r['as_of'] == '2024-07-31' and r['time_progress'] == 0.582, r['time_progress']
EOF

case_ "docs/monitor.md: a 数量指标 that does not build up, paced leniently, decided by its forecast"
cat >"$WORK/staff.yaml" <<'EOF'
project: 人员项目
id: S-1
year: 2024
budget: {total: 100}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 工作人员数量, target: ≥5人}
EOF
printf 'as_of: 2024-07-31\nprojects:\n  - {id: S-1, spent: 60, indicators: {工作人员数量: 3人}}\n' >"$WORK/staff-paced.yaml"
run monitor "$WORK/staff.yaml" -a "$WORK/staff-paced.yaml" --lang zh
expect_status 0
expect_out "● 绿 3人 / (5人 × 213/366) = 1.03"
printf 'as_of: 2024-07-31\nprojects:\n  - {id: S-1, spent: 60, indicators: {工作人员数量: {value: 3人, forecast: 3人}}}\n' >"$WORK/staff-forecast.yaml"
run monitor "$WORK/staff.yaml" -a "$WORK/staff-forecast.yaml" --lang zh
expect_status 1
expect_out "● 红 预计 3人 / 5人 = 0.60"

case_ "a ratio just short of the threshold that decided its light is not shown as the threshold"
cat >"$WORK/edge.yaml" <<'EOF'
project: 临界项目
id: E-1
year: 2024
budget: {total: 366}
indicators:
  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: ≥90%}
EOF
# 170.39 / 366 / (213/366) = 170.39 / 213 = 0.79995: yellow, "0.80" at 2 decimals.
# 89.995% / 90% = 0.99994: a target missed, "1.00" at 2 decimals.
printf 'as_of: 2024-07-31\nprojects:\n  - {id: E-1, spent: 170.39, note: 按季度结算, indicators: {满意度: {forecast: 89.995%%, reasons: [其他]}}}\n' >"$WORK/edge-progress.yaml"
run monitor "$WORK/edge.yaml" -a "$WORK/edge-progress.yaml" --lang zh -f text -f csv="$WORK/edge.csv"
expect_status 0
expect_out "进度比 0.79995 ● 黄"
expect_out "● 黄 预计 89.995% / 90% = 0.9999"
grep -qF '170.39 / 366 万元 = 46.55% ÷ 213/366 = 0.79995' "$WORK/edge.csv" || fail "csv: the budget figures show the pace at 2 decimals"
# --show-work: the ratio beside its band is not written as the line it is short of.
run monitor "$WORK/edge.yaml" -a "$WORK/edge-progress.yaml" --lang zh --show-work
expect_status 0
expect_out "= 0.4655 / 0.5820 = 0.79995（精确值 17039/21300）；0.6 ≤ v < 0.8 → 黄"
expect_out "未达成：0.9999（精确值 17999/18000） ≥ 0.8 → 黄"
# 89.9996% / 90% = 0.999996, "1.0000" at 4 decimals: a target missed.
sed 's/89.995%/89.9996%/' "$WORK/edge-progress.yaml" >"$WORK/edge-progress-2.yaml"
run monitor "$WORK/edge.yaml" -a "$WORK/edge-progress-2.yaml" --lang zh --show-work
expect_out "未达成：0.999996（精确值 224999/225000） ≥ 0.8 → 黄"

case_ "a cost capped in money already over its cap by as_of is decided by it, whatever a lower forecast"
cat >"$WORK/cost.yaml" <<'EOF'
project: 道路养护项目
id: R1
year: 2024
budget: {total: 100}
indicators:
  - {level1: 产出指标, level2: 成本指标, name: 养护成本, target: ≤50万元}
  - {level1: 产出指标, level2: 成本指标, name: 人均成本, target: ≤500元/人}
EOF
# 60万元 spent by July against ≤50万元: at least 60 for the year, 50 / 60 = 0.83 → 黄,
# and a forecast of 48万元 below it is JX0923. A cost per person may fall: 480 ≤ 500 → 绿.
printf 'as_of: 2024-07-31\nprojects:\n  - id: R1\n    spent: 60\n    indicators:\n      养护成本: {value: 60万元, forecast: 48万元, note: 材料涨价}\n      人均成本: {value: 520元/人, forecast: 480元/人, note: 上半年人少}\n' >"$WORK/cost-progress.yaml"
run monitor "$WORK/cost.yaml" -a "$WORK/cost-progress.yaml" --lang zh
expect_status 0
expect_out "养护成本 ≤50万元    60万元        48万元   ● 黄 50万元 / 60万元 = 0.83"
expect_out "● 绿 预计 480元/人 ≤ 500元/人"
expect_err "$WORK/cost-progress.yaml:6:37: 警告[JX0923]"

case_ "JSON keys of docs/reference.md §9"
run monitor "${EX[@]}" -f json
for key in tool command as_of time_progress projects id project light budget total spent rate pace \
           forecast_spent indicators name level1 level2 target value forecast likelihood reasons \
           basis ratio note summary lights green yellow red errors warnings; do
  grep -q "\"$key\":" "$OUT" || fail "JSON lacks key $key"
done
expect_out '"command": "monitor"'
expect_out '"light": null'

case_ "-j 1 and -j 4 give the same report"
run monitor "${EX[@]}" -f json -j 1
cp "$OUT" "$WORK/j1.json"
run monitor "${EX[@]}" -f json -j 4
expect_same "$WORK/j1.json"

case_ "a run with errors says so in its JSON report, and exits 2"
printf 'as_of: 2024-07-31\nprojects:\n  - id: TJ-362303-2024-01\n    spent: 1\n    indicators:\n      购置设备数量: {likelihood: 也许}\n' >"$WORK/bad.yaml"
run monitor examples/targets/01-radiation-safety.yaml -a "$WORK/bad.yaml" -f json
expect_status 2
python3 - "$OUT" <<'EOF' || fail "the JSON report does not list the errors"
import json, sys
r = json.load(open(sys.argv[1], encoding='utf-8'))
codes = [e.get('code') for e in r['errors']]
assert 'JX0905' in codes and 'JX0907' in codes, codes
EOF

case_ "a run with errors: text, junit, csv, markdown and github carry each error's code, as eval's do"
run monitor examples/targets/01-radiation-safety.yaml -a "$WORK/bad.yaml" -f text="$WORK/bad.txt" \
  -f junit="$WORK/bad.xml" -f csv="$WORK/bad.csv" -f markdown="$WORK/bad.md" -f github="$WORK/bad.gh"
expect_status 2
grep -qF "  $WORK/bad.yaml:6:28: error[JX0905]: " "$WORK/bad.txt" || fail "text: no located error[JX0905]"
grep -qF '<testsuite name="input errors"' "$WORK/bad.xml" || fail "junit: no 'input errors' suite"
grep -qF 'type="JX0905"' "$WORK/bad.xml" || fail "junit: no type=JX0905"
grep -qF "bad.yaml:6:28: error[JX0905]: " "$WORK/bad.xml" || fail "junit: no located error[JX0905]"
grep -q '^error,.*,JX0905'$'\r''$' "$WORK/bad.csv" || fail "csv: no code in the error row"
head -1 "$WORK/bad.csv" | grep -q ',note,code'$'\r''$' || fail "csv: no code column"
grep -qF "bad.yaml:6:28: error[JX0905]: " "$WORK/bad.md" || fail "markdown: no error[JX0905]"
grep -qF "title=jixiao%3A input error [JX0905]::" "$WORK/bad.gh" || fail "github: no [JX0905] in the title"

case_ "a run with errors in Chinese: the text report's list and junit's suite say 错误 and 输入错误"
run monitor examples/targets/01-radiation-safety.yaml -a "$WORK/bad.yaml" --lang zh -o "$WORK/bad-zh.txt"
expect_status 2
run monitor examples/targets/01-radiation-safety.yaml -a "$WORK/bad.yaml" --lang zh -f junit="$WORK/bad-zh.xml"
expect_status 2
grep -qF "  $WORK/bad.yaml:6:28: 错误[JX0905]: " "$WORK/bad-zh.txt" || fail "text: no located 错误[JX0905]"
grep -qF '<testsuite name="输入错误"' "$WORK/bad-zh.xml" || fail "junit: the suite is not named 输入错误"
grep -qF '<testcase classname="输入错误" name="'"$WORK"'/bad.yaml:6:28"' "$WORK/bad-zh.xml" ||
  fail "junit: the case's classname is not 输入错误"

case_ "github: at most 10 annotations of each type, the rest counted in the notice"
{ for i in $(seq 1 12); do
    printf -- '---\nproject: 项目%s\nid: G-%s\nyear: 2024\nbudget: {total: 10}\nindicators:\n' "$i" "$i"
    printf '  - {level1: 产出指标, level2: 质量指标, name: 合格率, target: 100%%}\n'
  done; } >"$WORK/many.yaml"
{ printf 'as_of: 2024-07-31\nprojects:\n'
  for i in $(seq 1 12); do
    printf '  - id: G-%s\n    spent: 1\n    note: 上半年未支付\n    indicators:\n      合格率: 100%%\n' "$i"
  done; } >"$WORK/many-progress.yaml"
run monitor "$WORK/many.yaml" -a "$WORK/many-progress.yaml" -f github
# 1 / 10 = 10%; / (213/366) = 0.17: every budget light red
expect_status 1
[ "$(grep -c '^::error ' "$OUT")" = 10 ] || fail "expected 10 error annotations"
expect_out "2 error and 0 warning annotations left out"

case_ "github and junit: a light the likelihood gave says so; a green budget's low forecast is flagged"
printf -- 'project: 可能性项目\nid: L-1\nyear: 2024\nbudget: {total: 200}\nindicators:\n  - {level1: 产出指标, level2: 质量指标, name: 合格率, target: ≥90%%}\n  - {level1: 产出指标, level2: 质量指标, name: 达标率, target: ≥90%%}\n' >"$WORK/lk.yaml"
progress lk-progress.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: L-1
    spent: 93.12
    forecast_spent: 179
    note: 结余
    indicators:
      合格率: {value: 90%, likelihood: 完全不可能, note: 设备故障}
      达标率: {value: 95%, likelihood: 有可能, note: 人员不足}
EOF
# 93.12 / 200 = 46.56%; / (213/366) = 0.80: green. 179 / 200 = 89.5% < 90%.
run monitor "$WORK/lk.yaml" -a "$WORK/lk-progress.yaml" --lang zh -f github -f junit="$WORK/lk.xml"
expect_status 1
expect_out "的指标“合格率”为红灯：指标值 ≥90%25，90%25 ≥ 90%25；完全不可能：绿 → 红；说明：设备故障"
expect_out "的指标“达标率”为黄灯：指标值 ≥90%25，95%25 ≥ 90%25；有可能：绿 → 黄；说明：人员不足"
expect_out "::warning file=$WORK/lk-progress.yaml,line=4,col=12,title=全年预计执行 低于预算的 90%25::项目“可能性项目”（L-1）的预算执行为绿灯，但全年预计执行数 179.00 万元 低于预算的 90%25；说明：结余"
grep -qF '<failure message="红: 90% ≥ 90%；完全不可能：绿 → 红 (说明: 设备故障)"' "$WORK/lk.xml" || fail "junit: the red light's failure does not give the likelihood"
grep -qF '<system-out>黄: 95% ≥ 90%；有可能：绿 → 黄 (说明: 人员不足)</system-out>' "$WORK/lk.xml" || fail "junit: the yellow light does not give the likelihood"
grep -qF '<system-out>绿: 93.12 / 200 万元 = 46.56% ÷ 213/366 = 0.80；全年预计执行：低于预算的 90% (说明: 结余)</system-out>' "$WORK/lk.xml" || fail "junit: the green budget does not carry its forecast's flag"

case_ "a progress CSV's unknown column: the columns of a progress file are listed, a near one named"
printf 'project,indicator,value,note,forecast,extra\nTJ-362303-2024-01,as_of,2024-07-31,,,\n' >"$WORK/col.csv"
run monitor examples/targets/01-radiation-safety.yaml -a "$WORK/col.csv" --lang zh
expect_status 2
expect_err "$WORK/col.csv:1:39: 错误[JX0155]: 未知的列“extra”：应为 project、indicator、value、note、forecast、likelihood 或 reasons（或 项目、指标、实际值、说明、全年预计完成情况、完成目标可能性、偏差原因类别）"
printf 'project,indicator,value,note,forcast\nTJ-362303-2024-01,as_of,2024-07-31,,\n' >"$WORK/col.csv"
run monitor examples/targets/01-radiation-safety.yaml -a "$WORK/col.csv"
expect_status 2
expect_err "$WORK/col.csv:1:30: error[JX0155]: unknown column 'forcast': did you mean 'forecast'?"

case_ "a forecast share just under 90% is not shown rounded up to 90.00%"
printf -- 'project: 结余项目\nid: S-1\nyear: 2024\nbudget: {total: 366}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 设备数, target: 4台}\n' >"$WORK/share.yaml"
printf 'as_of: 2024-07-31\nprojects:\n  - id: S-1\n    spent: 200\n    forecast_spent: 329.39\n    note: 结余\n    indicators:\n      设备数: 3台\n' >"$WORK/share-progress.yaml"
# 329.39 / 366 = 89.997268…%: two places would say 90.00%.
run monitor "$WORK/share.yaml" -a "$WORK/share-progress.yaml" --lang zh
expect_status 0
expect_out "全年预计执行 329.39 万元（占预算 89.997268%） 低于预算的 90%"

# ---- the worked examples of docs/monitor.md (their figures, as printed) ----

case_ "docs/monitor.md: time progress 213/366, pace of a cumulative indicator"
run monitor "${EX[@]}" --lang zh
expect_out "时间进度 213/366 = 58.20%"
expect_out "2台 / (4台 × 213/366) = 0.86"
expect_out "3个 / (7个 × 213/366) = 0.74"
expect_out "40家次 / (85家次 × 213/366) = 0.81"

case_ "docs/monitor.md: budget execution 24.40 / 61.00 = 40.00%, pace 0.69 yellow"
run monitor "${EX[@]}" --lang zh
expect_out "预算执行 24.40 / 61.00 万元 = 40.00% · 时间进度 213/366 = 58.20% · 进度比 0.69 ● 黄"
expect_out "预算执行 40.00 / 117.00 万元 = 34.19% · 时间进度 213/366 = 58.20% · 进度比 0.59 ● 红"
expect_out "全年预计执行 100.00 万元（占预算 85.47%） 低于预算的 90%"

case_ "docs/monitor.md: forecasts judged as year-end actuals"
run monitor "${EX[@]}" --lang zh
expect_out "预计 298天 / 300天 = 0.99"
expect_out "预计 30辆 / 40辆 = 0.75"
expect_out "预计 3个 ≥ 3个"

case_ "docs/monitor.md: --show-work writes out the budget's arithmetic"
run monitor "${EX[@]}" --lang zh --show-work
expect_out "时间进度 p = 213/366 = 0.5820（精确值 71/122）（2024-07-31 为全年第 213 天，全年共 366 天）"

case_ "docs/monitor.md: 有可能 makes a met forecast (95% ≥ 90%) yellow"
progress likely.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: 3台
      验收合格率: 100%
      完成时间: 未完成
      执法能力: {grade: 达成}
      满意度: {forecast: 95%, likelihood: 有可能, reasons: [人员保障]}
EOF
run monitor $T -a $WORK/likely.yaml --lang zh
expect_out_re "满意度 +≥90% +95% +● 黄 预计 95% ≥ 90% +有可能：绿 → 黄；人员保障"

case_ "a grade with a space in it: the error asks whether the grade was meant"
progress spaced-grade.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: 3台
      验收合格率: 100%
      完成时间: 未完成
      执法能力: 部分 达成
      满意度: 95%
EOF
run monitor $T -a $WORK/spaced-grade.yaml
expect_status 2
expect_err "$WORK/spaced-grade.yaml:9:13: error[JX0446]: indicator '执法能力' has a qualitative target ('显著提升'): its value to date must be a grade — 达成, 部分达成 or 未达成 — not '部分 达成'; did you mean '部分达成'?"

case_ "a progress CSV open in Excel: its lock file (~\$进度.csv) is passed over; a file merely so named is read"
# Excel leaves "~$" and the file's name beside a file it has open: its
# owner's name, padded with NUL bytes. Read as CSV it stopped the run (JX0112).
cp -r examples/progress "$WORK/open"
run monitor examples/targets -a "$WORK/open" --lang zh
cp "$OUT" "$WORK/without-lock.txt"
printf '\005zhang                                                 \005\000z\000h\000a\000n\000g\000\000\000' \
  >"$WORK/open/~\$05-management.csv"
cp "$WORK/open/~\$05-management.csv" "$WORK/open/.~2024-07-progress.yaml"
run monitor examples/targets -a "$WORK/open" --lang zh
expect_status 1
expect_same "$WORK/without-lock.txt"
expect_err_empty
# Text under such a name is read, and its slips are reported as any file's.
printf 'as_of: 2024-07-31\nprojects: 3\n' >"$WORK/open/~\$真的.yaml"
run monitor examples/targets -a "$WORK/open" --lang zh
expect_status 2
expect_err "$WORK/open/~\$真的.yaml:2:"

# ---- exit status ----

case_ "--fail-on none: exit 0 with red projects"
run monitor "${EX[@]}" --fail-on none
expect_status 0

case_ "all green: exit 0 under --fail-on yellow"
run monitor $T -a $F/green.yaml --fail-on yellow
expect_status 0
expect_out "projects: 2 (2 green, 0 yellow, 0 red); errors: 0, warnings: 0"

progress yellow.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: 3台
      验收合格率: 100%
      完成时间: 未完成
      执法能力: {grade: 达成}
      满意度: {forecast: 95%}
  - id: M-2
    spent: 4
    note: 培训集中在下半年
    indicators:
      培训人次: 120人次
      学员满意度: {forecast: 92%}
EOF

case_ "a yellow project: exit 0 under --fail-on red (the default), 1 under yellow"
run monitor $T -a $WORK/yellow.yaml
expect_status 0
expect_out "4.00 / 10.00 万元 = 40.00% · time progress 213/366 = 58.20% · pace 0.69 ● yellow"
run monitor $T -a $WORK/yellow.yaml --fail-on yellow
expect_status 1

case_ "--fail-on takes red, yellow or none"
run monitor $T -a $F/green.yaml --fail-on unmet
expect_status 2
expect_err "--fail-on"

case_ "--as-of wins over the files' as_of: 2024-06-30 is day 182 of 366"
run monitor $T -a $F/green.yaml --as-of 2024-06-30
expect_status 0
expect_out "time progress 182/366 = 49.73%"
expect_out "3台 / (4台 × 182/366) = 1.51"
expect_err "warning[JX0912]: the file's as_of 2024-07-31 differs from --as-of 2024-06-30: time progress is taken from --as-of; if the file's figures are as of 2024-07-31, drop --as-of, else change the file's as_of to 2024-06-30"

case_ "a file's as_of that --as-of overrides is warned of once a file, whatever its projects"
run monitor examples/targets -a examples/progress --as-of 2024-06-30
expect_status 1
[ "$(grep -c 'JX0912' "$ERR")" = 2 ] || fail "expected one JX0912 for each of the two files: $(grep -c JX0912 "$ERR")"
expect_err "examples/progress/2024-07-progress.yaml:11:8: warning[JX0912]"
expect_err "examples/progress/05-management.csv:2:8: warning[JX0912]"
run monitor examples/targets -a examples/progress --as-of 2024-07-31
expect_no_err "JX0912"

case_ "a forecast below the value to date, a completion date after as_of: warned of, with the sum"
cat >"$WORK/m4t.yaml" <<'EOF'
project: 设备购置
id: M1
year: 2024
budget: {total: 100}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 设备数量, target: 10台}
  - {level1: 产出指标, level2: 时效指标, name: 完成时间, target: 2024年9月30日前}
EOF
printf 'as_of: 2024-07-31\nprojects:\n  - id: M1\n    spent: 60\n    indicators:\n      设备数量: {value: 6台, forecast: 4台, note: 再采购4台}\n      完成时间: 2024-09-15\n' >"$WORK/m4p.yaml"
run monitor "$WORK/m4t.yaml" -a "$WORK/m4p.yaml"
expect_status 1
expect_err "$WORK/m4p.yaml:6:35: warning[JX0923]: indicator '设备数量': the forecast for the year, 4台, is less than the 6台 done to date: a forecast is the year's total (what is done plus what is still to come), such as 10台; check it"
expect_err "$WORK/m4p.yaml:7:13: warning[JX0924]: indicator '完成时间' was completed on 2024-09-15, after the date of the figures, 2024-07-31: if it is not done yet, write 未完成 and give the expected date as its forecast"
sed -i 's/forecast: 4台/forecast: 10台/; s/完成时间: 2024-09-15/完成时间: 2024-07-15/' "$WORK/m4p.yaml"
run monitor "$WORK/m4t.yaml" -a "$WORK/m4p.yaml"
expect_no_err "JX0923"
expect_no_err "JX0924"

case_ "a date target's value written as 进行中: an error naming 未完成 and a date"
sed 's/完成时间: 2024-07-15/完成时间: 进行中/' "$WORK/m4p.yaml" >"$WORK/m7p.yaml"
run monitor "$WORK/m4t.yaml" -a "$WORK/m7p.yaml"
expect_status 2
expect_err "$WORK/m7p.yaml:7:13: error[JX0925]: indicator '完成时间' has a date target ('2024年9月30日前'): its value is the date it was done, such as 2024-06-20, or 未完成 if it is not done yet (with the expected date as its forecast), not '进行中'"

case_ "a deadline passed undone with a forecast before it: red by the value, JX0926 and JX0927"
printf 'as_of: 2024-07-31\nprojects:\n  - id: M1\n    spent: 60\n    indicators:\n      设备数量: 6台\n      完成时间: {value: 未完成, forecast: 2024-06-15, note: 延期}\n' >"$WORK/m8p.yaml"
sed -i 's/2024年9月30日前/2024年6月30日前/' "$WORK/m4t.yaml"
run monitor "$WORK/m4t.yaml" -a "$WORK/m8p.yaml"
expect_status 1
expect_err "$WORK/m8p.yaml:7:36: warning[JX0927]: indicator '完成时间' is not done, yet its expected date 2024-06-15 is before 2024-07-31, the date of the figures: give the date it is now expected to be done"
expect_err "$WORK/m8p.yaml:7:36: warning[JX0926]: indicator '完成时间': its value to date, '未完成', already decides the year (not done, 2024-07-31 > 2024-06-30); the forecast '2024-06-15' cannot change that, and the light follows the value: check the forecast and the value"
expect_out_re "完成时间 +2024年6月30日前 +未完成 +2024-06-15 +● red +not done, 2024-07-31 > 2024-06-30"
sed -i 's/2024年6月30日前/2024年9月30日前/' "$WORK/m4t.yaml"

case_ "a count over its cap by as_of: red by the value; a forecast below it, JX0923"
cat >"$WORK/capt.yaml" <<'EOF'
project: 安全生产项目
id: AQ-1
year: 2024
budget: {total: 10}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 安全事故, target: ≤2起}
EOF
printf 'as_of: 2024-07-31\nprojects:\n  - id: AQ-1\n    spent: 6\n    indicators:\n      安全事故: {value: 3起, forecast: 0起, likelihood: 确定能, note: 已整改}\n' >"$WORK/capp.yaml"
run monitor "$WORK/capt.yaml" -a "$WORK/capp.yaml"
expect_status 1
expect_out_re "安全事故 +≤2起 +3起 +0起 +● red +2起 / 3起 = 0.67"
expect_err "$WORK/capp.yaml:6:35: warning[JX0923]: indicator '安全事故': the forecast for the year, 0起, is less than the 3起 done to date: a forecast is the year's total (what is done plus what is still to come), such as 3起; check it"
expect_no_err "JX0926"
expect_err "$WORK/capp.yaml:6:51: warning[JX0921]"

case_ "CSV: the forecast spending in a row 全年预计执行数; given twice, JX0161 at the second"
printf '项目,指标,实际值,说明,全年预计完成情况\n,截至日期,2024-07-31,,\nAQ-1,执行数,6,,\nAQ-1,全年预计执行数,8.5,,\nAQ-1,安全事故,1起,,1起\n' >"$WORK/fs.csv"
run monitor "$WORK/capt.yaml" -a "$WORK/fs.csv" -f json
expect_out '"forecast_spent": 8.5'
expect_no_err "JX0445"
sed -i 's/AQ-1,执行数,6,,/AQ-1,执行数,6,,9/' "$WORK/fs.csv"
run monitor "$WORK/capt.yaml" -a "$WORK/fs.csv"
expect_status 2
expect_err "$WORK/fs.csv:4:14: error[JX0161]: project 'AQ-1' gives its forecast spending twice (first on line 3)"

case_ "an as_of written as Excel's date serial: JX0902 says its date, at the cell"
printf 'project,indicator,value,note\n,截至日期,45504,\nAQ-1,执行数,6,\nAQ-1,安全事故,1起,\n' >"$WORK/serial.csv"
run monitor "$WORK/capt.yaml" -a "$WORK/serial.csv"
expect_status 2
expect_err "$WORK/serial.csv:2:7: error[JX0902]: as_of '45504' is a date as Excel numbers it (45504 is 2024-07-31): format the cell as a date, or write 2024-07-31"

case_ "an as_of the calendar does not have (29 February 2023): JX0902 says why, in the file and on the command line"
printf 'project,indicator,value,note\n,截至日期,2023-02-29,\nAQ-1,执行数,6,\nAQ-1,安全事故,1起,\n' >"$WORK/feb29.csv"
run monitor "$WORK/capt.yaml" -a "$WORK/feb29.csv"
expect_status 2
expect_err "$WORK/feb29.csv:2:7: error[JX0902]: as_of '2023-02-29' is not a calendar date: 2023年2月 has 28 days; give a date the calendar has"
run monitor "$WORK/capt.yaml" -a "$WORK/serial.csv" --as-of 2024-04-31 --lang zh
expect_status 2
expect_err "错误[JX0902]: --as-of “2024-04-31”不是日历上的日期：2024年4月只有 30 天；请写日历上有的日期"

case_ "--as-of 45504 (Excel's serial) says the date it is: a usage error"
run monitor "$WORK/capt.yaml" -a "$WORK/serial.csv" --as-of 45504
expect_status 2
expect_err "error[JX0902]: --as-of 45504 is a date as Excel numbers it (45504 is 2024-07-31): write --as-of 2024-07-31"

case_ "a row 全年预计执行数 left empty: JX0256 at its value cell"
printf 'project,indicator,value,note\n,截至日期,2024-07-31,\nAQ-1,执行数,6,\nAQ-1,全年预计执行数,,\nAQ-1,安全事故,1起,\n' >"$WORK/fs-empty.csv"
run monitor "$WORK/capt.yaml" -a "$WORK/fs-empty.csv"
expect_status 2
expect_err "$WORK/fs-empty.csv:4:14: error[JX0256]: 'forecast_spent' (全年预计执行数) is empty: expected an amount such as 5.86"

case_ "不适用 with a likelihood, a forecast_spent ten times the budget: located errors"
printf 'as_of: 2024-07-31\nprojects:\n  - id: M1\n    spent: 60\n    forecast_spent: 950000\n    indicators:\n      设备数量: {value: 不适用, likelihood: 完全不可能}\n      完成时间: 未完成\n' >"$WORK/m9p.yaml"
run monitor "$WORK/m4t.yaml" -a "$WORK/m9p.yaml"
expect_status 2
expect_err "$WORK/m9p.yaml:5:21: error[JX0803]: forecast_spent 950000 is 9500 times the budget of 100.00 万元: was it written in 元? 950000元 = 95万元; write 95 or 950000元"
expect_err "$WORK/m9p.yaml:7:38: error[JX0908]: indicator '设备数量' is 不适用 (not applicable) but also gives a likelihood"

case_ "forecast_spent above the budget, or below what is spent: warned of at it"
printf 'as_of: 2024-07-31\nprojects:\n  - id: M1\n    spent: 60\n    forecast_spent: 120\n    note: 说明\n    indicators:\n      设备数量: 6台\n      完成时间: 未完成\n' >"$WORK/m11p.yaml"
run monitor "$WORK/m4t.yaml" -a "$WORK/m11p.yaml"
expect_status 0
expect_err "$WORK/m11p.yaml:5:21: warning[JX0804]: project '设备购置' forecasts spending of 120 万元, more than its budget of 100.00 万元 (120.00%): an expected overspend; check the amount"
sed -i 's/forecast_spent: 120/forecast_spent: 50/' "$WORK/m11p.yaml"
run monitor "$WORK/m4t.yaml" -a "$WORK/m11p.yaml"
expect_err "$WORK/m11p.yaml:5:21: warning[JX0923]: project '设备购置' forecasts spending of 50 万元 for the year, less than the 60 万元 spent to date"

case_ "spent at mid-year is 'spent to date' in JX0803 and JX0804, not the year's"
printf 'as_of: 2024-07-31\nprojects:\n  - id: M1\n    spent: 600000\n    indicators:\n      设备数量: 6台\n      完成时间: 未完成\n' >"$WORK/m10p.yaml"
run monitor "$WORK/m4t.yaml" -a "$WORK/m10p.yaml"
expect_status 2
expect_err "$WORK/m10p.yaml:4:12: error[JX0803]: spent to date 600000 is 6000 times the budget of 100.00 万元: was it written in 元?"
sed -i 's/spent: 600000/spent: 120/' "$WORK/m10p.yaml"
run --lang zh monitor "$WORK/m4t.yaml" -a "$WORK/m10p.yaml"
expect_err "$WORK/m10p.yaml:4:12: 警告[JX0804]: 项目“设备购置”截至目前的执行数 120 万元，已超过年初预算数 100.00 万元（120.00%）"

case_ "--as-of on the deadline: 未完成 is still green (due on as_of itself)"
run monitor $T -a $F/green.yaml --as-of 2024-09-30
expect_status 0
expect_out "not done, 2024-09-30 ≤ 2024-09-30"

case_ "--as-of the day after the deadline: 未完成 is red"
run monitor $T -a $F/green.yaml --as-of 2024-10-01 -f json
expect_status 1
expect_out '"figures": "not done, 2024-10-01 > 2024-09-30"'

case_ "--as-of 31 December: time progress 366/366 = 1 in a leap year"
run monitor $T -a $F/green.yaml --as-of 2024-12-31 -f json
expect_out '"time_progress": 1,'

case_ "rules: time_progress months counts July as 7/12"
cat >"$WORK/months.yaml" <<'EOF'
monitor:
  time_progress: months
EOF
run monitor $T -a $F/green.yaml -r "$WORK/months.yaml"
expect_status 0
expect_out "time progress 7/12 = 58.33%"
expect_out "3台 / (4台 × 7/12) = 1.29"

case_ "rules: jixiao rules prints the monitor key"
run rules
expect_status 0
expect_out "monitor:"
expect_out "  time_progress: days"
expect_out "  budget_green: 0.8"
expect_out "  cumulative: [数量指标]"

case_ "CSV progress: the example of project 5, with its as_of row"
run monitor examples/targets/04-05-more-projects.yaml -a examples/progress/05-management.csv \
  --fail-on none 2>/dev/null
# project 4 has no entry in that file: an error naming it
expect_status 2
expect_err "2024年度移动污染源第三方辅助执法项目"

# ---- warnings: exit 0 (or 1 for red), 2 under --strict ----

progress warn.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 2
    forecast_spent: 5
    indicators:
      设备数量: {value: 1台, forecast: 2台, likelihood: 确定能}
      验收合格率: 100%
      完成时间: 未完成
      执法能力: {grade: 部分达成}
      满意度: {forecast: 95%}
  - id: M-2
    spent: 6
    indicators:
      培训人次: 120人次
      学员满意度: {forecast: 92%}
EOF

case_ "JX0920 JX0921 JX0922: warnings at their place"
run monitor $T -a $WORK/warn.yaml
expect_status 1
# 2 / 6 = 33.33%; / (213/366) = 0.57: red, and no note
expect_err "$WORK/warn.yaml:4:12: warning[JX0920]: the budget execution of project '设备购置项目' is red"
expect_err "$WORK/warn.yaml:7:51: warning[JX0921]: indicator '设备数量' is reported as 确定能"
expect_err "(forecast 2台 / 4台 = 0.50)"
expect_err "$WORK/warn.yaml:10:7: warning[JX0920]: indicator '执法能力' is yellow (部分达成)"
# 5 < 0.9 × 6 = 5.4
expect_err "$WORK/warn.yaml:5:21: warning[JX0922]: project '设备购置项目' forecasts spending of 5 万元 for the year, below 90% of its budget of 6 万元"

case_ "--strict: the warnings are errors, exit 2"
run monitor $T -a $WORK/warn.yaml --strict
expect_status 2
expect_err "$WORK/warn.yaml:7:51: error[JX0921]"

# ---- errors of a progress file: exit 2, code and file:line:column ----

# expect_error FILE LINE COL CODE TEXT: the run exits 2 with the error there.
expect_error() {
  expect_status 2
  expect_err "$1:$2:$3: error[$4]: $5"
}

progress no-as-of.yaml <<'EOF'
projects:
  - id: M-1
    spent: 3.5
EOF
case_ "JX0901: a YAML progress file without as_of"
run monitor $T -a $WORK/no-as-of.yaml
expect_error $WORK/no-as-of.yaml 1 1 JX0901 "the progress file gives no as_of"
expect_err "add 'as_of: 2024-07-31' at its top"
# A file that gives its year is shown a date in that year.
sed '1i year: 2023' $WORK/no-as-of.yaml >$WORK/no-as-of-2023.yaml
run monitor $T -a $WORK/no-as-of-2023.yaml
expect_error $WORK/no-as-of-2023.yaml 1 1 JX0901 "the progress file gives no as_of (the date its figures are for): add 'as_of: 2023-07-31' at its top"

progress no-as-of.csv <<'EOF'
project,indicator,value,note
M-1,spent,3.5,
EOF
case_ "JX0901: a CSV progress file without an as_of row"
run monitor $T -a $WORK/no-as-of.csv
expect_error $WORK/no-as-of.csv 1 1 JX0901 "the progress file has no as_of row"

case_ "--as-of stands for a missing as_of"
run monitor $T -a $WORK/no-as-of.yaml --as-of 2024-07-31
expect_no_err "JX0901"

# The as_of row left empty, as `template --progress -f csv` writes it for
# targets of several years: no as_of, as YAML's `as_of:` left empty.
printf -- 'project: 测试项目\nid: P-1\nyear: 2024\nunit: 万元\nbudget: {total: 100}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 工作人员数量, target: ≥5人}\n' >"$WORK/staff.yaml"
printf '项目,指标,实际值\r\n,截至日期,\r\nP-1,执行数,60\r\nP-1,工作人员数量,5人\r\n' >"$WORK/empty-as-of.csv"
case_ "CSV: an empty as_of cell with --as-of is --as-of's date, as YAML's empty as_of"
run monitor "$WORK/staff.yaml" -a "$WORK/empty-as-of.csv" --as-of 2024-07-31 --lang zh
expect_status 0
expect_no_err "JX0902"
expect_out "截至 2024-07-31"
case_ "JX0901: an empty as_of cell without --as-of, at the cell"
run monitor "$WORK/staff.yaml" -a "$WORK/empty-as-of.csv"
expect_error "$WORK/empty-as-of.csv" 2 7 JX0901 "the progress file's as_of row (截至日期) gives no date: write the date its figures are for, such as 2024-07-31, in its '实际值' column; or pass --as-of"
expect_no_err "JX0902"

progress bad-as-of.yaml <<'EOF'
as_of: 2024-07-32
projects: []
EOF
case_ "JX0902: as_of that is not a date"
run monitor $T -a $WORK/bad-as-of.yaml
expect_error $WORK/bad-as-of.yaml 1 8 JX0902 "as_of '2024-07-32' is not a calendar date: 2024年7月 has 31 days"

progress bad-as-of.csv <<'EOF'
project,indicator,value,note
,as_of,7月底,
EOF
case_ "JX0902: a CSV as_of row that is not a date, at its cell"
run monitor $T -a $WORK/bad-as-of.csv
expect_error $WORK/bad-as-of.csv 2 8 JX0902 "as_of '7月底' is not a date"
expect_no_err "JX0901"

# 截止日期 is the other common way of writing 截至日期; as_of in capitals too.
for label_column in 截止日期:7 AS_OF:8; do
  label=${label_column%:*}
  progress "as-of-$label.csv" <<EOF
project,indicator,value,note
,$label,2024-07-32,
M-1,spent,3.5,
EOF
  case_ "CSV progress: an as_of row labelled $label is the as_of row"
  run monitor $T -a "$WORK/as-of-$label.csv"
  expect_error "$WORK/as-of-$label.csv" 2 "${label_column#*:}" JX0902 \
    "as_of '2024-07-32' is not a calendar date: 2024年7月 has 31 days"
  expect_no_err "JX0160"
  expect_no_err "JX0901"
done

case_ "JX0902: --as-of that is not a date is a usage error"
run monitor $T -a $F/green.yaml --as-of 2024-02-30
expect_status 2
expect_err "jixiao: error[JX0902]: --as-of '2024-02-30' is not a calendar date: 2024年2月 has 29 days; give a date the calendar has"
expect_err "Run 'jixiao monitor --help' for usage."
run monitor $T -a $F/green.yaml --as-of 7月底
expect_status 2
expect_err "jixiao: error[JX0902]: --as-of takes a date such as 2024-07-31, not '7月底'"

progress file-year.yaml <<'EOF'
as_of: 2024-07-31
year: 2023
projects: []
EOF
case_ "JX0903: as_of outside the file's year"
run monitor $T -a $WORK/file-year.yaml
expect_error $WORK/file-year.yaml 1 8 JX0903 "as_of 2024-07-31 is not in 2023, the year of this file"

progress last-year.yaml <<'EOF'
as_of: 2023-07-31
projects:
  - id: M-1
    spent: 3.5
  - id: M-2
    spent: 6
EOF
case_ "JX0903: as_of outside the projects' year, once for both projects"
run monitor $T -a $WORK/last-year.yaml
expect_error $WORK/last-year.yaml 1 8 JX0903 "as_of 2023-07-31 is not in 2024, the year of project '设备购置项目'"
expect_err "$WORK/last-year.yaml:1:8: error[JX0903]: the error above holds for 1 more projects as well"
[ "$(grep -c 'JX0903' "$ERR")" = 2 ] || fail "expected the error once and its repeat count once"

progress june.yaml <<'EOF'
as_of: 2024-06-30
projects:
  - id: M-2
    spent: 6
    indicators:
      培训人次: 120人次
      学员满意度: {forecast: 92%}
EOF
progress july.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: 3台
      验收合格率: 100%
      完成时间: 未完成
      执法能力: {grade: 达成}
      满意度: {forecast: 95%}
EOF
case_ "JX0904: two files of different dates"
run monitor $T -a $WORK/july.yaml $WORK/june.yaml
expect_error $WORK/june.yaml 1 8 JX0904 "as_of 2024-06-30 differs from as_of 2024-07-31 at $WORK/july.yaml:1:8"

case_ "JX0904: --as-of settles the date of two files"
run monitor $T -a $WORK/july.yaml $WORK/june.yaml --as-of 2024-07-31
expect_status 0

progress two-dates.csv <<'EOF'
project,indicator,value,note
,as_of,2024-07-31,
,截至日期,2024-06-30,
EOF
case_ "JX0904: two as_of rows of one CSV file"
run monitor $T -a $WORK/two-dates.csv
expect_error $WORK/two-dates.csv 3 7 JX0904 "as_of 2024-06-30 differs from as_of 2024-07-31 at $WORK/two-dates.csv:2:8"

progress likelihood.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: {value: 3台, likelihood: 应该能}
EOF
case_ "JX0905: an unknown likelihood"
run monitor $T -a $WORK/likelihood.yaml
expect_error $WORK/likelihood.yaml 6 37 JX0905 "unknown likelihood '应该能' of indicator '设备数量'"

progress likelihood.csv <<'EOF'
project,indicator,value,note,forecast,likelihood,reasons
,as_of,2024-07-31,,,,
M-1,设备数量,3台,,,maybe,
EOF
case_ "JX0905: an unknown likelihood in CSV, at its cell"
run monitor $T -a $WORK/likelihood.csv
expect_error $WORK/likelihood.csv 3 15 JX0905 "unknown likelihood 'maybe' of indicator '设备数量'"

progress reason.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: {value: 3台, reasons: [经费保障, 天气]}
EOF
case_ "JX0906: an unknown reason, at the item"
run monitor $T -a $WORK/reason.yaml
expect_error $WORK/reason.yaml 6 41 JX0906 "unknown reason '天气' of indicator '设备数量'"

progress reason-map.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: {value: 3台, reasons: {经费保障: 是}}
EOF
case_ "JX0906: reasons that are not a list"
run monitor $T -a $WORK/reason-map.yaml
expect_error $WORK/reason-map.yaml 6 34 JX0906 "'reasons' of indicator '设备数量' must be a list of reasons"

progress reason.csv <<'EOF'
project,indicator,value,note,forecast,likelihood,reasons
,as_of,2024-07-31,,,,
M-1,设备数量,3台,,,,经费保障、天气
EOF
case_ "JX0906: an unknown reason in CSV, at its cell"
run monitor $T -a $WORK/reason.csv
expect_error $WORK/reason.csv 3 16 JX0906 "unknown reason '天气' of indicator '设备数量'"

# The paper 监控表's headers: 偏差原因 beside 备注 is the reasons, 备注 the note.
printf '项目,指标,实际值,全年预计完成情况,完成目标可能性,偏差原因,备注\r\n,截至日期,2024/7/31,,,,\r\nP-1,执行数,60,,,,\r\nP-1,工作人员数量,4人,4人,有可能,人员保障,招聘中\r\n' >"$WORK/paper.csv"
case_ "CSV: 偏差原因 beside 备注 (the paper form's headers) gives the reasons; 备注 the note"
run monitor "$WORK/staff.yaml" -a "$WORK/paper.csv" -f csv
expect_status 0
expect_no_err "JX0156"
expect_out "indicator,P-1,测试项目,,产出指标,数量指标,工作人员数量,≥5人,4人,4人,forecast,0.8000,yellow,likely,staff,forecast 4人 / 5人 = 0.80,招聘中,"
# The 自评表's note header beside 偏差原因: the note, 偏差原因 the reasons.
sed '1s/,备注/,偏差原因分析及改进措施/' "$WORK/paper.csv" >"$WORK/paper-analysis.csv"
case_ "CSV: 偏差原因 beside 偏差原因分析及改进措施 gives the reasons; the other the note"
run monitor "$WORK/staff.yaml" -a "$WORK/paper-analysis.csv" -f csv
expect_status 0
expect_no_err "JX0155"
expect_out "indicator,P-1,测试项目,,产出指标,数量指标,工作人员数量,≥5人,4人,4人,forecast,0.8000,yellow,likely,staff,forecast 4人 / 5人 = 0.80,招聘中,"
# The headers of jixiao's own 监控表 (年度指标值, 1-7月执行情况), the sheet saved as CSV.
printf '项目,指标,年度指标值,1-7月执行情况,全年预计完成情况,完成目标可能性,偏差原因,备注\r\n,截至日期,,2024-07-31,,,,\r\nP-1,执行数,,60,,,,\r\nP-1,工作人员数量,≥6人,4人,4人,有可能,人员保障,招聘中\r\n' >"$WORK/form.csv"
case_ "CSV: the 监控表's headers 年度指标值 and 1-7月执行情况 are the target and value columns"
run monitor "$WORK/staff.yaml" -a "$WORK/form.csv" -f csv
expect_status 0
expect_no_err "JX0155"
expect_out "indicator,P-1,测试项目,,产出指标,数量指标,工作人员数量,≥5人,4人,4人,forecast,0.8000,yellow,likely,staff,forecast 4人 / 5人 = 0.80,招聘中,"
# The target written there is compared with the target file's, as 指标值's.
expect_err "$WORK/form.csv:4:12: warning[JX0455]: the row of indicator '工作人员数量' of project '测试项目' gives its target as '≥6人', but the target file has '≥5人'"
# The notes of a progress sheet's special rows: as in eval.
printf '项目,指标,指标值,实际值,说明\r\n,截至日期,,2024-07-31,\r\nP-1,执行数,,60,进度正常\r\nP-1,全年预算数,,90,年中调减10万元\r\nP-1,实际完成情况,招聘到位5人,,另附名单\r\nP-1,工作人员数量,≥5人,4人,招聘中\r\n' >"$WORK/rows.csv"
case_ "CSV progress: the 全年预算数 row's note is the project's; the 实际完成情况 row's note and edited 指标值 are warned of"
run monitor "$WORK/staff.yaml" -a "$WORK/rows.csv" -f json
expect_status 0
expect_out '"note": "进度正常；年中调减10万元"'
expect_err "$WORK/rows.csv:5:20: warning[JX0167]: the '说明' cell of the '实际完成情况' row is not read, so '另附名单' appears in no report: what has come of the overall goals so far goes in this row's '实际值' cell (it fills the 监控表's 1-N月执行情况)"
expect_err "$WORK/rows.csv:5:12: warning[JX0455]: the 实际完成情况 row of project '测试项目' has '招聘到位5人' in its 指标值 column, but the target file gives no overall goals (goals) ($WORK/staff.yaml:1)"
# The forecast spending typed as 95,000 without quotes: "95" and, in the
# likelihood column, "000". JX0164 alone: the rest of the number is no
# likelihood on a row that takes none (JX0910), and no forecast is judged.
printf '项目,指标,实际值,说明,全年预计完成情况,完成目标可能性\r\n,截至日期,2024-07-31,,,\r\nP-1,执行数,60,,95,000\r\nP-1,工作人员数量,4人,,5人,有可能\r\n' >"$WORK/split-forecast.csv"
case_ "CSV progress: a forecast split by its thousands comma is JX0164 alone"
run monitor "$WORK/staff.yaml" -a "$WORK/split-forecast.csv"
expect_status 2
expect_err "$WORK/split-forecast.csv:3:13: error[JX0164]: '95' in the column '全年预计完成情况' and the next cell '000' look like one number, '95,000'"
expect_no_err "JX0910"
expect_out "errors: 1, warnings: 0"
# A note typed on the 截至日期 row, as the template lays the sheet out: the
# row is the file's, read for its date only, so the note is said at its
# cell with where a note goes, not dropped without a word.
printf '\xEF\xBB\xBF项目,一级指标,二级指标,指标,指标值,实际值,说明,全年预计完成情况,完成目标可能性,偏差原因类别\r\n,,,截至日期,,2024-07-31,数据来自财务系统,,,\r\nP-1,,,执行数,,60,,,,\r\nP-1,产出指标,数量指标,工作人员数量,≥5人,4人,,,,\r\n' >"$WORK/as-of-note.csv"
case_ "CSV progress: JX0168, a note on the 截至日期 row is said at its cell"
run monitor "$WORK/staff.yaml" -a "$WORK/as-of-note.csv"
expect_status 0
expect_err "$WORK/as-of-note.csv:2:21: warning[JX0168]: the '说明' cell of the '截至日期' row is not read, so '数据来自财务系统' appears in no report: the row gives the date of the figures only, in its '实际值' cell; a project's note (why its spending is behind, say) goes in the '说明' cell of the project's 执行数 row"
expect_out "errors: 0, warnings: 1"
run monitor "$WORK/staff.yaml" -a "$WORK/as-of-note.csv" --lang zh
expect_status 0
expect_err "$WORK/as-of-note.csv:2:21: 警告[JX0168]: “截至日期”一行的“说明”格不读取，这里写的“数据来自财务系统”不会出现在任何报告中"
printf '项目,指标,指标值,实际值,说明\r\n,截至日期,,2024-07-31,\r\nP-1,执行数,,60,\r\nP-1,全年预算数,90,,年中调减10万元\r\nP-1,工作人员数量,≥5人,4人,\r\n' >"$WORK/budget-target.csv"
case_ "CSV progress: JX0169, the budget typed in the 全年预算数 row's 指标值 cell"
run monitor "$WORK/staff.yaml" -a "$WORK/budget-target.csv"
expect_status 2
expect_err "$WORK/budget-target.csv:4:14: error[JX0256]"
expect_err "$WORK/budget-target.csv:4:11: warning[JX0169]: the '指标值' cell of the '全年预算数' row is not read, so '90' is taken as no budget: the budget after adjustment is read from this row's '实际值' cell, which is empty: write it there"
sed 's/,人员保障,招聘中/,招聘进度慢,/' "$WORK/paper.csv" >"$WORK/paper-text.csv"
case_ "JX0906: text in 偏差原因 beside 备注, at its cell, saying where it goes"
run monitor "$WORK/staff.yaml" -a "$WORK/paper-text.csv"
expect_error "$WORK/paper-text.csv" 4 22 JX0906 "unknown reason '招聘进度慢' of indicator '工作人员数量': beside the note column '备注', the column 偏差原因 takes reasons only"
expect_err "write the details in '备注'"

progress neither.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: {likelihood: 有可能, note: 待定}
EOF
case_ "JX0907: neither value nor forecast"
run monitor $T -a $WORK/neither.yaml
expect_error $WORK/neither.yaml 6 13 JX0907 "indicator '设备数量' has neither a value to date (value) nor a forecast for the year (forecast)"

progress empty-key.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量:
EOF
case_ "JX0907: an indicator left empty, as the YAML template leaves it"
run monitor $T -a $WORK/empty-key.yaml
expect_error $WORK/empty-key.yaml 6 7 JX0907 "indicator '设备数量' has neither a value to date (value) nor a forecast for the year (forecast)"

progress neither.csv <<'EOF'
project,indicator,value,note,forecast,likelihood,reasons
,as_of,2024-07-31,,,,
M-1,设备数量,,,,有可能,
EOF
case_ "JX0907: neither value nor forecast in CSV, at the value cell"
run monitor $T -a $WORK/neither.csv
expect_error $WORK/neither.csv 3 10 JX0907 "indicator '设备数量' has neither"

progress forecast-na.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: {value: 3台, forecast: 不适用}
EOF
case_ "JX0908: 不适用 as a forecast"
run monitor $T -a $WORK/forecast-na.yaml
expect_error $WORK/forecast-na.yaml 6 35 JX0908 "不适用 is not a forecast"

progress all-na.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-2
    spent: 5
    indicators: {培训人次: 不适用, 学员满意度: 不适用}
EOF
case_ "JX0443: every indicator 不适用 is an error, as in eval; the project has no light"
run monitor $T -a $WORK/all-na.yaml -f json
expect_error $WORK/all-na.yaml 3 5 JX0443 "every indicator of project '培训项目' is 不适用: at least one must be monitored"
expect_no_out '"id": "M-2"'

progress forecast-empty.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: {value: 3台, forecast: ""}
EOF
case_ "JX0908: an empty forecast"
run monitor $T -a $WORK/forecast-empty.yaml
expect_error $WORK/forecast-empty.yaml 6 35 JX0908 "the forecast of indicator '设备数量' is empty"

progress not-done.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: 未完成
      验收合格率: 100%
      完成时间: 未完成
      执法能力: {grade: 达成}
      满意度: {forecast: 95%}
EOF
case_ "JX0909: 未完成 for a quantity"
run monitor $T -a $WORK/not-done.yaml
expect_error $WORK/not-done.yaml 6 13 JX0909 "未完成 (not done) is for a date or a time limit"

progress spent-row.csv <<'EOF'
project,indicator,value,note,forecast,likelihood,reasons
,as_of,2024-07-31,,,,
M-1,spent,3.5,,6,,经费保障
EOF
case_ "JX0910: reasons on the spending row of a CSV file"
run monitor $T -a $WORK/spent-row.csv
expect_error $WORK/spent-row.csv 3 19 JX0910 "the 'spent' row takes no reasons"

progress as-of-row.csv <<'EOF'
project,indicator,value,note,forecast,likelihood,reasons
,as_of,2024-07-31,,2024-12-31,,
EOF
case_ "JX0910: a forecast on the as_of row"
run monitor $T -a $WORK/as-of-row.csv
expect_error $WORK/as-of-row.csv 2 20 JX0910 "the 'as_of' row takes no forecast"

progress forecast-spent.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    forecast_spent: 6台
    indicators:
      设备数量: 3台
      验收合格率: 100%
      完成时间: 未完成
      执法能力: {grade: 达成}
      满意度: {forecast: 95%}
EOF
case_ "JX0911: a forecast of spending that is not an amount"
run monitor $T -a $WORK/forecast-spent.yaml
expect_error $WORK/forecast-spent.yaml 5 21 JX0911 "bad forecast_spent (全年预计执行数) '6台'"

progress spent-empty.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-2
    spent:
    indicators: {培训人次: 120人次, 学员满意度: 95%}
EOF
progress spent-row.csv <<'EOF'
project,indicator,value
,as_of,2024-07-31
M-2,培训人次,120人次
M-2,学员满意度,95%
EOF
case_ "JX0256: an empty spent asks for the spending to date, not the year's"
run monitor $T -a $WORK/spent-empty.yaml
expect_error $WORK/spent-empty.yaml 4 5 JX0256 "empty 'spent' (执行数): expected the amount spent up to as_of"
expect_no_err "in the year"
run monitor $T -a $WORK/spent-row.csv
expect_error $WORK/spent-row.csv 3 1 JX0256 "project 'M-2' has no 'spent' row: add a row with the indicator 'spent' (or 执行数) and the amount spent up to as_of"

# Matching a progress entry to its project: eval's errors, in monitoring's
# words (a progress entry and file, not actuals).
progress stranger.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1x
    spent: 3.5
    indicators: {设备数量: 2台, 验收合格率: 100%, 完成时间: 未完成, 执法能力: 达成, 满意度: 95%}
  - id: M-2
    spent: 5
    indicators: {培训人次: 120人次}
  - id: M-2
    spent: 5
    indicators: {培训人次: 120人次, 学员满意度: 95%}
EOF
case_ "JX0401 JX0402 JX0721 JX0444: a progress entry's matching errors speak of progress"
run monitor $T -a $WORK/stranger.yaml
expect_status 2
expect_err "$WORK/stranger.yaml:3:5: error[JX0401]: the progress entry for id 'M-1x' matches no target project: did you mean 'M-1'?"
expect_err "$WORK/stranger.yaml:9:5: error[JX0402]: a second progress entry for 'M-2' (the first is at $WORK/stranger.yaml:6:5)"
expect_err "$T:4:5: error[JX0721]: project '设备购置项目' has no progress entry: add one with \`id: M-1\` or \`project: 设备购置项目\` to a progress file"
expect_no_err "actuals"
run monitor $T -a $WORK/stranger.yaml --lang zh
expect_err "$WORK/stranger.yaml:3:5: 错误[JX0401]: 编号“M-1x”的进度条目没有对应的目标项目：是否应为“M-1”？"
expect_err "错误[JX0721]: 项目“设备购置项目”没有进度条目：请在进度文件中加一项"
expect_no_err "实际完成值"
head -8 $WORK/stranger.yaml | sed 's/M-1x/M-1/' >$WORK/missing.yaml
run monitor $T -a $WORK/missing.yaml
expect_error $WORK/missing.yaml 6 5 JX0444 "no progress for indicator '学员满意度' of project '培训项目' (target '≥90%' at $T:22): give its value to date (value) or the year's forecast (forecast), or 不适用"

progress forecast-unit.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-2
    spent: 5
    indicators:
      培训人次: {value: 120人次, forecast: 200台}
      学员满意度: {forecast: 0.95}
EOF
case_ "JX0801 JX0351 JX0311: a CSV spent that is not an amount is the spending to date"
for bad in 40台 -5 '"40,0000"'; do
  printf 'project,indicator,value\n,as_of,2024-07-31\nM-1,spent,%s\nM-1,设备数量,2台\n' "$bad" > "$WORK/spent-$bad.csv"
  run monitor $T -a "$WORK/spent-$bad.csv" --lang zh
  expect_status 2
  expect_err "截至目前的执行数"
  expect_no_err "全年执行数"
done
run monitor $T -a "$WORK/spent-40台.csv"
expect_err "$WORK/spent-40台.csv:3:11: error[JX0801]: 'spent to date' of project '设备购置项目': '40台' is not an amount of money"

case_ "JX0450 JX0451: a forecast that cannot be judged is called a forecast"
run monitor $T -a $WORK/forecast-unit.yaml
expect_error $WORK/forecast-unit.yaml 6 38 JX0450 "the forecast '200台' of indicator '培训人次' cannot be compared with its target '200人次'"
expect_error $WORK/forecast-unit.yaml 7 25 JX0451 "the forecast '0.95' of indicator '学员满意度' has no unit and its target '≥90%' is a percentage: write '95%'"
run monitor $T -a $WORK/forecast-unit.yaml --lang zh
expect_err "错误[JX0450]: 指标“培训人次”的全年预计“200台”无法与指标值“200人次”比较"
expect_no_err "实际完成值"

progress value-unit.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: 2个
      验收合格率: 0.95
      完成时间: 5个月
      执法能力: 达成
      满意度: 95%
EOF
case_ "JX0450 JX0451 JX0448: a value to date that cannot be judged is called the value to date"
run monitor $T -a $WORK/value-unit.yaml
expect_error $WORK/value-unit.yaml 6 13 JX0450 "the value to date '2个' of indicator '设备数量' cannot be compared with its target '4台'"
expect_error $WORK/value-unit.yaml 7 14 JX0451 "the value to date '0.95' of indicator '验收合格率' has no unit and its target '100%' is a percentage: write '95%'"
expect_error $WORK/value-unit.yaml 8 13 JX0448 "indicator '完成时间' has a date target ('≤2024-09-30'): its value to date is the date it was done, such as 2024-06-20, or 未完成 if it is not done yet"
expect_no_err "actual"
run monitor $T -a $WORK/value-unit.yaml --lang zh
expect_err "错误[JX0450]: 指标“设备数量”的执行情况“2个”无法与指标值“4台”比较"
expect_no_err "实际完成值"

case_ "an error of a progress file in Chinese"
run monitor $T -a $WORK/likelihood.yaml --lang zh
expect_status 2
expect_err "$WORK/likelihood.yaml:6:37: 错误[JX0905]: 指标“设备数量”的完成目标可能性“应该能”无法识别"

case_ "an actuals file without progress keys is still read by monitor (with --as-of)"
run monitor examples/targets -a examples/actuals --as-of 2024-12-31 --fail-on none
expect_status 0

# ---- the rules' monitor key: JX0590-0593, exit 2 before anything is read ----

# rules_error YAML LINE COL CODE TEXT
rules_error() {
  printf '%s\n' "$1" >"$WORK/rules.yaml"
  run monitor $T -a $F/green.yaml -r "$WORK/rules.yaml"
  expect_status 2
  expect_err "$WORK/rules.yaml:$2:$3: error[$4]: $5"
}
case_ "JX0590: an unknown time_progress"
rules_error $'monitor:\n  time_progress: weeks' 2 18 JX0590 "'time_progress' in monitor must be days"
case_ "JX0591: a threshold that is not a fraction"
rules_error $'monitor:\n  pace_green: 80' 2 15 JX0591 "'pace_green' in monitor is a fraction and must lie in [0, 1]"
case_ "JX0592: yellow above green"
rules_error $'monitor:\n  budget_green: 0.5' 2 17 JX0592 "'budget_yellow' in monitor (0.6) is above 'budget_green' (0.5)"
case_ "JX0593: a cumulative 二级指标 not in the taxonomy, with a hint"
rules_error $'monitor:\n  cumulative: [数量指标, 质量指]' 2 22 JX0593 "'质量指' in monitor's cumulative is not a 二级指标 of the taxonomy: did you mean '质量指标'?"
case_ "JX0593: cumulative that is not a list"
rules_error $'monitor:\n  cumulative: {数量指标: 1}' 2 15 JX0593 "'cumulative' in monitor must be a list of 二级指标"

case_ "rules: an extra cumulative 二级指标 judges it by pace"
printf 'monitor:\n  cumulative: [数量指标, 质量指标]\n' >"$WORK/rules.yaml"
progress rate.yaml <<'EOF'
as_of: 2024-07-31
projects:
  - id: M-1
    spent: 3.5
    indicators:
      设备数量: 3台
      验收合格率: 60%
      完成时间: 未完成
      执法能力: {grade: 达成}
      满意度: {forecast: 95%}
EOF
run monitor $T -a $WORK/rate.yaml -r "$WORK/rules.yaml" -f json
# a percent never accumulates: 60% is judged as at year end, 60/100 = 0.6 < 0.8, red
expect_out '"basis": "value"'
expect_out '"ratio": 0.6,'

# ---- template --progress ----

case_ "template --progress: the YAML skeleton"
run template --progress $T --lang zh
expect_status 0
expect_golden $G/monitor-template.yaml

case_ "template --progress -f csv: the CSV skeleton, BOM and CRLF"
run template --progress -f csv $T --lang zh
expect_status 0
expect_golden $G/monitor-template.csv
[ "$(head -c 3 "$OUT" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 BOM"
[ "$(grep -c $'\r$' "$OUT")" = "$(wc -l <"$OUT")" ] || fail "a line does not end with CRLF"

case_ "template --progress, filled in, is read back by monitor"
run template --progress $T
sed -e 's/^    spent: *#.*/    spent: 3.5/' -e 's/^    forecast_spent: *#.*/    forecast_spent: 6/' \
    -e 's/^      设备数量: *#.*/      设备数量: 3台/' -e 's/^      验收合格率: *#.*/      验收合格率: 100%/' \
    -e 's/^      完成时间: *#.*/      完成时间: 未完成/' -e 's/^      执法能力: *#.*/      执法能力: {grade: 达成}/' \
    -e 's/^      满意度: *#.*/      满意度: {forecast: 95%}/' -e 's/^      培训人次: *#.*/      培训人次: 120人次/' \
    -e 's/^      学员满意度: *#.*/      学员满意度: {forecast: 92%}/' \
    -e '0,/^    # achieved: .*/s//    achieved: 已完成设备招标/' "$OUT" >"$WORK/filled.yaml"
sed -i -e '/^  - id: M-2/,$ s/^    spent: 3.5/    spent: 6/' \
    -e '/^  - id: M-2/,$ s/^    forecast_spent: 6/    forecast_spent: 10/' "$WORK/filled.yaml"
run monitor $T -a "$WORK/filled.yaml" -f text -f xlsx="$WORK/filled-yaml.xlsx"
expect_status 0
expect_out "projects: 2 (2 green, 0 yellow, 0 red); errors: 0, warnings: 0"
# The skeleton's `# achieved:` line, filled in, is the form's 1-7月执行情况.
python3 -c 'import sys, zipfile; sys.exit("已完成设备招标" not in zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode())' \
  "$WORK/filled-yaml.xlsx" || fail "the achieved text is not in the 监控表"

case_ "template --progress -f csv, filled in, is read back by monitor"
run template --progress -f csv $T
python3 - "$OUT" "$WORK/filled.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
fill = {'设备数量': ('3台', ''), '验收合格率': ('100%', ''), '完成时间': ('未完成', ''),
        '执法能力': ('达成', ''), '满意度': ('', '95%'), '培训人次': ('120人次', ''),
        '学员满意度': ('', '92%')}
spent = {'M-1': '3.5', 'M-2': '6'}
for r in rows[1:]:
    if r[3] == '执行数':
        r[5] = spent[r[0]]
    elif r[3] == '实际完成情况' and r[0] == 'M-1':
        r[5] = '已完成设备招标'  # what the goals came to, for the form
    elif r[3] in fill:
        r[5], r[7] = fill[r[3]]
csv.writer(open(sys.argv[2], 'w', encoding='utf-8-sig', newline='')).writerows(rows)
EOF
run monitor $T -a "$WORK/filled.csv" -f text -f xlsx="$WORK/filled-csv.xlsx"
expect_status 0
expect_out "projects: 2 (2 green, 0 yellow, 0 red); errors: 0, warnings: 0"
python3 -c 'import sys, zipfile; sys.exit("已完成设备招标" not in zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode())' \
  "$WORK/filled-csv.xlsx" || fail "the achieved row's text is not in the 监控表"

case_ "a target edited in the filled-in progress sheet: warned of at its cell, the lights unchanged"
python3 - "$WORK/filled.csv" "$WORK/edited.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
for r in rows:
    if r[3] == '设备数量' and r[0] == 'M-1':
        r[4] = '3台'  # the value to date, written as if it were the target
csv.writer(open(sys.argv[2], 'w', encoding='utf-8-sig', newline='')).writerows(rows)
EOF
line=$(grep -n '^M-1,.*,设备数量,' "$WORK/edited.csv" | cut -d: -f1)
run monitor $T -a "$WORK/edited.csv"
expect_status 0
expect_out "projects: 2 (2 green, 0 yellow, 0 red); errors: 0, warnings: 1"
expect_err "$WORK/edited.csv:$line:20: warning[JX0455]: the row of indicator '设备数量' of project"
expect_err "gives its target as '3台', but the target file has '4台'"

finish
