#!/usr/bin/env bash
# End-to-end tests of the slips a finance officer makes in targets and
# actuals (docs/mistakes.md, docs/reference.md §2–§4): amounts in the wrong
# unit, Excel's percentages, 万 before a unit, dates without a year, figures
# in qualitative targets, weights, the new budget fields, the exact level-1
# summary. Most inputs are the cases of tests/fixtures/mistakes/.
source "$(dirname "$0")/lib.sh"
M=tests/fixtures/mistakes

# ---- spending checked against the budget

case_ "spent written in 元 in a 万元 project: an error naming the slip, not scored"
D=$M/10-spent-written-in-yuan
run eval $D/targets.yaml -a $D/actuals.yaml
expect_status 2
expect_err "$D/actuals.yaml:4:12: error[JX0803]: spent 9624000 is 9624 times the budget of 1000.00 万元: was it written in 元? 9624000元 = 962.4万元; write 962.4 or 9624000元"
expect_no_out "执行率"

case_ "spent above the budget: a warning (超预算), scored"
D=$M/11-spent-over-budget
run eval $D/targets.yaml -a $D/actuals.yaml
expect_status 0
expect_err "$D/actuals.yaml:4:12: warning[JX0804]: project '2024年度中小学课后服务项目' spent 1012.5 万元, more than its budget of 1000.00 万元 (101.25%): 超预算 (over budget); check the amount, or give the budget after adjustment (全年预算数): 'budget:' in a YAML entry, a row 'budget' (or 全年预算数) in a CSV file"
expect_out "rate 101.25% · execution score 10.00 / 10"
run eval $D/targets.yaml -a $D/actuals.yaml --strict
expect_status 2

case_ "spent of a CSV row, ten times the budget: the same error at its cell"
cat >"$WORK/a.csv" <<'EOF'
project,indicator,value,note
QS-2024-02,spent,9624000,
QS-2024-02,服务学生人次,12500人次,
QS-2024-02,课程合格率,100%,
QS-2024-02,家长满意度,96%,
EOF
run eval $M/10-spent-written-in-yuan/targets.yaml -a "$WORK/a.csv"
expect_status 2
expect_err "$WORK/a.csv:2:18: error[JX0803]: spent 9624000 is 9624 times the budget of 1000.00 万元: was it written in 元?"

# ---- Excel's percentages

case_ "0.992 against 100%: an error with both readings"
D=$M/12-percent-written-as-fraction
run eval $D/targets.yaml -a $D/actuals.yaml
expect_status 2
expect_err "$D/actuals.yaml:7:14: error[JX0451]: actual '0.992' of indicator '课程合格率' has no unit and its target '100%' is a percentage: write '99.2%' (or '0.992%' if that is meant)"
expect_err "$D/actuals.yaml:8:14: error[JX0451]: actual '0.935' of indicator '家长满意度' has no unit and its target '≥90%' is a percentage: write '93.5%' (or '0.935%' if that is meant)"

case_ "1.02 against 100% (Excel's 102%): an error with both readings, in a CSV cell and a forecast"
cat >"$WORK/over.csv" <<'EOF'
project,indicator,value,note
QS-2024-02,spent,962.40,
QS-2024-02,服务学生人次,12500人次,
QS-2024-02,课程合格率,1.02,超额完成
QS-2024-02,家长满意度,1.5,
EOF
run eval $M/12-percent-written-as-fraction/targets.yaml -a "$WORK/over.csv"
expect_status 2
expect_err "$WORK/over.csv:4:18: error[JX0451]: actual '1.02' of indicator '课程合格率' has no unit and its target '100%' is a percentage: write '102%' (or '1.02%' if that is meant)"
expect_err "$WORK/over.csv:5:18: error[JX0451]: actual '1.5' of indicator '家长满意度' has no unit and its target '≥90%' is a percentage: write '150%' (or '1.5%' if that is meant)"
cat >"$WORK/over-progress.csv" <<'EOF'
project,indicator,value,forecast
,as_of,2024-07-31,
QS-2024-02,spent,500,
QS-2024-02,服务学生人次,6000人次,
QS-2024-02,课程合格率,,1.02
QS-2024-02,家长满意度,,96%
EOF
run monitor $M/12-percent-written-as-fraction/targets.yaml -a "$WORK/over-progress.csv"
expect_status 2
expect_err "$WORK/over-progress.csv:5:19: error[JX0451]: the forecast '1.02' of indicator '课程合格率' has no unit and its target '100%' is a percentage: write '102%' (or '1.02%' if that is meant)"

case_ "a percentage over 100% and five times its target (960% for 96.0%): a warning at it, in eval and monitor"
D=$M/12-percent-written-as-fraction
printf 'year: 2024\nprojects:\n  - id: QS-2024-02\n    spent: 962.40\n    indicators:\n      服务学生人次: 12500人次\n      课程合格率: 100%%\n      家长满意度: 950%%\n' >"$WORK/far-over.yaml"
run eval $D/targets.yaml -a "$WORK/far-over.yaml"
expect_status 0
# 950 / 90 = 10.56, shown 10.6; not JX0805 (over its target without a note) as well.
expect_err "$WORK/far-over.yaml:8:14: warning[JX0456]: actual 950% of indicator '家长满意度' is over 100% and 10.6 times its target '≥90%': was a digit added (960% for 96.0%)? check it; if it is right, give the reason in the note"
expect_no_err "JX0805"
run eval $D/targets.yaml -a "$WORK/far-over.yaml" --strict
expect_status 2
expect_err "$WORK/far-over.yaml:8:14: error[JX0456]"
# A note that explains it: no warning.
printf 'year: 2024\nprojects:\n  - id: QS-2024-02\n    spent: 962.40\n    indicators:\n      服务学生人次: 12500人次\n      课程合格率: 100%%\n      家长满意度: {value: 950%%, note: 按人次累计}\n' >"$WORK/far-over-note.yaml"
run eval $D/targets.yaml -a "$WORK/far-over-note.yaml" --strict
expect_status 0
cat >"$WORK/far-over-progress.csv" <<'EOF'
project,indicator,value,forecast
,as_of,2024-07-31,
QS-2024-02,spent,500,
QS-2024-02,服务学生人次,6000人次,
QS-2024-02,课程合格率,,100%
QS-2024-02,家长满意度,,920%
EOF
run monitor $D/targets.yaml -a "$WORK/far-over-progress.csv" --lang zh
expect_status 0
expect_err "$WORK/far-over-progress.csv:6:19: 警告[JX0456]: 指标“家长满意度”的全年预计 920% 超过 100%，是指标值“≥90%”的 10.2 倍：是否多写了一位（如 96.0% 写成了 960%）？请核对；数字无误的，请在说明（note）中写明原因"

case_ "a quantity ten times its target (125000人次 for 12500人次): a warning at it, in eval and monitor"
D=$M/12-percent-written-as-fraction
printf 'year: 2024\nprojects:\n  - id: QS-2024-02\n    spent: 962.40\n    indicators:\n      服务学生人次: 125000人次\n      课程合格率: 100%%\n      家长满意度: 95%%\n' >"$WORK/qty-over.yaml"
run eval $D/targets.yaml -a "$WORK/qty-over.yaml"
expect_status 0
# 125000 / 12000 = 10.42, shown 10.4; not JX0805 (over its target without a note) as well.
expect_err "$WORK/qty-over.yaml:6:15: warning[JX0457]: actual 125000人次 of indicator '服务学生人次' is 10.4 times its target '≥12000人次': was a digit or a zero added (12000 for 1200)? check it; if it is right, give the reason in the note"
expect_no_err "JX0805"
run eval $D/targets.yaml -a "$WORK/qty-over.yaml" --strict
expect_status 2
expect_err "$WORK/qty-over.yaml:6:15: error[JX0457]"
# At mid-year: 125000人次 by July is already 10.4 times the year's target (lit green as written).
printf 'as_of: 2024-07-31\nprojects:\n  - id: QS-2024-02\n    spent: 500\n    indicators:\n      服务学生人次: 125000人次\n      课程合格率: 100%%\n      家长满意度: {forecast: 95%%}\n' >"$WORK/qty-over-progress.yaml"
run monitor $D/targets.yaml -a "$WORK/qty-over-progress.yaml" --lang zh
expect_status 0
expect_err "$WORK/qty-over-progress.yaml:6:15: 警告[JX0457]: 指标“服务学生人次”的执行情况 125000人次 已是全年指标值“≥12000人次”的 10.4 倍：是否多写了一位或多打了 0（如 1200 写成了 12000）？请核对；数字无误的，请在说明（note）中写明原因"

case_ "a letter O typed for a zero in an actual, a CSV cell and a forecast: named, as in a target"
D=$M/12-percent-written-as-fraction
printf 'year: 2024\nprojects:\n  - id: QS-2024-02\n    spent: 962.40\n    indicators:\n      服务学生人次: 125OO人次\n      课程合格率: 1OO\n      家长满意度: 9O%%\n' >"$WORK/letter-o.yaml"
run eval $D/targets.yaml -a "$WORK/letter-o.yaml"
expect_status 2
expect_err "$WORK/letter-o.yaml:6:15: error[JX0304]: bad value '125OO人次' of indicator '服务学生人次': expected a number and a unit, got '125OO人次': 'OO人次' is not a unit (a letter typed for a digit?)"
expect_err "$WORK/letter-o.yaml:7:14: error[JX0304]: bad value '1OO' of indicator '课程合格率': expected a number and a unit, got '1OO': 'OO' is not a unit (the letter 'O' typed for the digit 0?)"
expect_err "$WORK/letter-o.yaml:8:14: error[JX0304]: bad value '9O%' of indicator '家长满意度': expected a number and a unit, got '9O%': 'O%' is not a unit (the letter 'O' typed for the digit 0?)"
run eval $D/targets.yaml -a "$WORK/letter-o.yaml" --lang zh
expect_err "$WORK/letter-o.yaml:7:14: 错误[JX0304]: 指标“课程合格率”的实际完成值“1OO”有误：应为数字和单位，而不是“1OO”：“OO”不是单位（是否把字母 O 当成了数字 0？）"
cat >"$WORK/letter-o.csv" <<'EOF'
project,indicator,value,note
QS-2024-02,spent,962.40,
QS-2024-02,服务学生人次,12500人次,
QS-2024-02,课程合格率,1OO%,
QS-2024-02,家长满意度,95%,
EOF
run eval $D/targets.yaml -a "$WORK/letter-o.csv"
expect_status 2
expect_err "$WORK/letter-o.csv:4:18: error[JX0304]: bad value '1OO%' of indicator '课程合格率': expected a number and a unit, got '1OO%': 'OO%' is not a unit (the letter 'O' typed for the digit 0?)"
cat >"$WORK/letter-o-progress.csv" <<'EOF'
project,indicator,value,forecast
,as_of,2024-07-31,
QS-2024-02,spent,500,
QS-2024-02,服务学生人次,6000人次,
QS-2024-02,课程合格率,,1OO%
QS-2024-02,家长满意度,9O%,
EOF
run monitor $D/targets.yaml -a "$WORK/letter-o-progress.csv"
expect_status 2
expect_err "$WORK/letter-o-progress.csv:5:19: error[JX0908]: bad forecast '1OO%' of indicator '课程合格率': expected a number and a unit, got '1OO%': 'OO%' is not a unit (the letter 'O' typed for the digit 0?)"
expect_err "$WORK/letter-o-progress.csv:6:18: error[JX0304]: bad value '9O%' of indicator '家长满意度': expected a number and a unit, got '9O%': 'O%' is not a unit (the letter 'O' typed for the digit 0?)"
# In a target, 1OO was a quantity of the unit 'OO'.
sed 's/    target: 100%/    target: 1OO/' $D/targets.yaml >"$WORK/letter-o-targets.yaml"
run check "$WORK/letter-o-targets.yaml"
expect_status 2
expect_err "$WORK/letter-o-targets.yaml:16:13: error[JX0304]: bad target '1OO': expected a number and a unit, got '1OO': 'OO' is not a unit (the letter 'O' typed for the digit 0?)"

case_ "a letter O typed for a zero before a space and a unit, or before an ASCII unit: named"
D=$M/12-percent-written-as-fraction
printf 'year: 2024\nprojects:\n  - id: QS-2024-02\n    spent: 962.40\n    indicators:\n      服务学生人次: 125O 人次\n      课程合格率: 1OO %%\n      家长满意度: 9OmSv\n' >"$WORK/letter-o-space.yaml"
run eval $D/targets.yaml -a "$WORK/letter-o-space.yaml"
expect_status 2
expect_err "$WORK/letter-o-space.yaml:6:15: error[JX0304]: bad value '125O 人次' of indicator '服务学生人次': expected a number and a unit, got '125O 人次': 'O 人次' is not a unit (the letter 'O' typed for the digit 0?)"
expect_err "$WORK/letter-o-space.yaml:7:14: error[JX0304]: bad value '1OO %' of indicator '课程合格率': expected a number and a unit, got '1OO %': 'OO %' is not a unit (the letter 'O' typed for the digit 0?)"
expect_err "$WORK/letter-o-space.yaml:8:14: error[JX0304]: bad value '9OmSv' of indicator '家长满意度': expected a number and a unit, got '9OmSv': 'OmSv' is not a unit (the letter 'O' typed for the digit 0?)"
run eval $D/targets.yaml -a "$WORK/letter-o-space.yaml" --lang zh
expect_err "$WORK/letter-o-space.yaml:7:14: 错误[JX0304]: 指标“课程合格率”的实际完成值“1OO %”有误：应为数字和单位，而不是“1OO %”：“OO %”不是单位（是否把字母 O 当成了数字 0？）"
cat >"$WORK/letter-o-space.csv" <<'EOF'
project,indicator,value,note
QS-2024-02,spent,962.40,
QS-2024-02,服务学生人次,125O 人次,
QS-2024-02,课程合格率,1OO %,
QS-2024-02,家长满意度,95%,
EOF
run eval $D/targets.yaml -a "$WORK/letter-o-space.csv"
expect_status 2
expect_err "$WORK/letter-o-space.csv:3:19: error[JX0304]: bad value '125O 人次' of indicator '服务学生人次': expected a number and a unit, got '125O 人次': 'O 人次' is not a unit (the letter 'O' typed for the digit 0?)"
expect_err "$WORK/letter-o-space.csv:4:18: error[JX0304]: bad value '1OO %' of indicator '课程合格率': expected a number and a unit, got '1OO %': 'OO %' is not a unit (the letter 'O' typed for the digit 0?)"
cat >"$WORK/letter-o-space-progress.csv" <<'EOF'
project,indicator,value,forecast
,as_of,2024-07-31,
QS-2024-02,spent,500,
QS-2024-02,服务学生人次,6000人次,
QS-2024-02,课程合格率,,1OO %
QS-2024-02,家长满意度,9O %,
EOF
run monitor $D/targets.yaml -a "$WORK/letter-o-space-progress.csv"
expect_status 2
expect_err "$WORK/letter-o-space-progress.csv:5:19: error[JX0908]: bad forecast '1OO %' of indicator '课程合格率': expected a number and a unit, got '1OO %': 'OO %' is not a unit (the letter 'O' typed for the digit 0?)"
expect_err "$WORK/letter-o-space-progress.csv:6:18: error[JX0304]: bad value '9O %' of indicator '家长满意度': expected a number and a unit, got '9O %': 'O %' is not a unit (the letter 'O' typed for the digit 0?)"
# In a target: 1O 台 was only "not a unit", 1OmSv a count of the unit 'OmSv'.
sed 's/    target: 100%/    target: 1O 台/' $D/targets.yaml >"$WORK/letter-o-space-targets.yaml"
run check "$WORK/letter-o-space-targets.yaml"
expect_status 2
expect_err "$WORK/letter-o-space-targets.yaml:16:13: error[JX0304]: bad target '1O 台': expected a number and a unit, got '1O 台': 'O 台' is not a unit (the letter 'O' typed for the digit 0?)"
sed 's/    target: 100%/    target: 1OmSv/' $D/targets.yaml >"$WORK/letter-o-ascii-targets.yaml"
run check "$WORK/letter-o-ascii-targets.yaml"
expect_status 2
expect_err "$WORK/letter-o-ascii-targets.yaml:16:13: error[JX0304]: bad target '1OmSv': expected a number and a unit, got '1OmSv': 'OmSv' is not a unit (the letter 'O' typed for the digit 0?)"
# A counter that only starts with an O is a counter.
sed 's/    target: 100%/    target: ≥1Ohm/' $D/targets.yaml >"$WORK/ohm-targets.yaml"
run check "$WORK/ohm-targets.yaml"
expect_status 0
expect_no_err "letter 'O'"

case_ "target: >=90% in a flow map: the quotes it needs; its entry is not called a stray"
cat >"$WORK/flow.yaml" <<'EOF'
project: 目标测试
id: X1
year: 2024
budget: {total: 10}
indicators:
  - {level1: 产出指标, level2: 质量指标, name: 甲, target: ≥90%}
  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 乙, target: >=90%}
EOF
printf 'project,indicator,value\nX1,spent,10\nX1,甲,95%%\nX1,乙,95%%\n' > "$WORK/flow.csv"
run eval "$WORK/flow.yaml" -a "$WORK/flow.csv"
expect_status 2
expect_err "$WORK/flow.yaml:7:57: error[JX0128]: a value starting with '>' must be in quotes: YAML reads '>' as the start of a folded block of text; write 'target: \">=90%\"'"
expect_err "$WORK/flow.csv:2:1: error[JX0401]: actuals for 'X1' match no target project, but the target file '$WORK/flow.yaml' could not be read in full (see the errors above): fix it first; the project may be there"
[ "$(grep -c 'error\[' "$ERR")" = 2 ] || fail "two errors expected"
printf 'project,indicator,value\n,as_of,2024-07-31\nX1,spent,5\nX1,甲,95%%\nX1,乙,95%%\n' > "$WORK/flow-progress.csv"
run monitor "$WORK/flow.yaml" -a "$WORK/flow-progress.csv" --lang zh
expect_status 2
expect_err "$WORK/flow-progress.csv:3:1: 错误[JX0401]: “X1”的进度条目没有对应的目标项目，但目标文件“$WORK/flow.yaml”未能完整读取（见上面的错误）：请先修正它，该项目可能就在其中"

case_ "ids Excel changed (3.62303E+14, 7 for 007): JX0401 says what Excel did and how to undo it"
sed -e 's/^id: QS-2024-02/id: "362303202401001"/' $M/12-percent-written-as-fraction/targets.yaml > "$WORK/long-id.yaml"
sed -e 's/^id: QS-2024-02/id: "007"/' -e 's/^project: .*/project: 第二个项目/' $M/12-percent-written-as-fraction/targets.yaml > "$WORK/zero-id.yaml"
printf '项目编号,指标,实际值\n3.62303E+14,spent,962.40\n7,spent,962.40\n' > "$WORK/excel-ids.csv"
run eval "$WORK/long-id.yaml" "$WORK/zero-id.yaml" -a "$WORK/excel-ids.csv"
expect_status 2
expect_err "$WORK/excel-ids.csv:2:1: error[JX0401]: actuals for '3.62303E+14' match no target project: that is a long numeric id as Excel shows it (scientific notation), its last digits lost: format the column as Text and type the full ids again"
expect_err "$WORK/excel-ids.csv:3:1: error[JX0401]: actuals for '7' match no target project: did you mean '007'? Excel drops the leading zeros of a numeric id: format the column as Text and type the ids again"

case_ "a date cell from Excel: 45627 says it is 2024-12-01; 2024-12-01 00:00:00 is that date"
cat >"$WORK/dated.yaml" <<'EOF'
project: 日期项目
id: D1
year: 2024
budget: {total: 10}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}
  - {level1: 产出指标, level2: 时效指标, name: 完成时间, target: 2024年12月31日前}
EOF
printf 'project,indicator,value\nD1,spent,10\nD1,数量,4台\nD1,完成时间,45627\n' > "$WORK/serial.csv"
run eval "$WORK/dated.yaml" -a "$WORK/serial.csv"
expect_status 2
expect_err "$WORK/serial.csv:4:9: error[JX0448]: indicator '完成时间' has a date target ('2024年12月31日前'), and its actual '45627' is a date as Excel numbers it (45627 is 2024-12-01): format the cell as a date, or write 2024-12-01"
printf 'project,indicator,value\nD1,spent,10\nD1,数量,4台\nD1,完成时间,2024-12-01 00:00:00\n' > "$WORK/midnight.csv"
run eval "$WORK/dated.yaml" -a "$WORK/midnight.csv"
expect_status 0
expect_out "完成时间  2024年12月31日前 2024-12-01 00:0"
expect_out "met"

# ---- amounts with units, the adjusted budget, the funding parts

case_ "spent with its unit converts exactly: 3148500元 = 314.85万元"
D=$M/13-spent-with-its-unit
run eval $D/targets.yaml -a $D/actuals.yaml
expect_status 0
expect_err_empty
expect_out "budget 320.00 万元 · spent 314.85 万元 · rate 98.39% · execution score 9.84 / 10"

case_ "spent in a unit that is not money: an error naming the project's unit"
D=$M/14-spent-in-another-unit
run eval $D/targets.yaml -a $D/actuals.yaml
expect_status 2
expect_err "$D/actuals.yaml:4:12: error[JX0801]: 'spent' of project '2024年度中小学课后服务项目': '314.85人次' is not an amount of money ('人次' counts 人次): write it in 万元, the project's budget unit (such as 314.85), or with 元, 千元, 万元 or 亿元"

case_ "the parts of spent must add up to its total"
D=$M/15-spent-parts-do-not-add-up
run eval $D/targets.yaml -a $D/actuals.yaml
expect_status 2
expect_err "$D/actuals.yaml:6:15: error[JX0802]: 'spent' of project '2024年度中小学课后服务项目': fiscal (300.00) + carryover (15.00) = 315 万元, but total is 314.85 万元: they must add up (an absent part counts as 0)"

case_ "the parts of the target's budget must add up to its total"
D=$M/16-budget-parts-do-not-add-up
run check $D/targets.yaml
expect_status 2
expect_err "$D/targets.yaml:9:11: error[JX0237]: fiscal (300.00) + carryover (15.00) = 315, but total is 320.00: they must add up (an absent part counts as 0)"

case_ "supervisor, carryover, the adjusted budget, its parts and achieved: in the JSON report"
sed 's/  carryover: 15.00/  carryover: 20.00/' $M/16-budget-parts-do-not-add-up/targets.yaml >"$WORK/t.yaml"
cat >"$WORK/a.yaml" <<'EOF'
year: 2024
projects:
  - id: QS-2024-02
    spent: {total: 3148500元, fiscal: 3000000元, carryover: 148500元}
    budget: {total: 330.00, fiscal: 310.00, carryover: 20.00}   # 年中追加 10 万元
    achieved: 全年开设课后服务课程 42 门，服务学生 12500 人次。
    indicators:
      服务学生人次: 12500人次
      课程合格率: 100%
      家长满意度: 96%
EOF
run eval "$WORK/t.yaml" -a "$WORK/a.yaml" -f json
expect_status 0
expect_out '"supervisor": {'
expect_out '"name": "青山区人民政府教育督导室"'
expect_out '"adjusted": 330,'
expect_out '"spent": 314.85,'
# 314.85 / 330 = 0.954090…
expect_out '"rate": 0.9541,'
expect_out '"carryover": {'
expect_out '"achieved": "全年开设课后服务课程 42 门，服务学生 12500 人次。"'
tr -d ' \n' <"$OUT" >"$WORK/flat"
grep -qF '"parts":{"fiscal":{"total":300,"adjusted":310,"spent":300},"carryover":{"total":20,"adjusted":20,"spent":14.85}}' "$WORK/flat" \
  || fail "budget.parts: $(grep -o '"parts":{[^}]*}[^}]*}[^}]*}' "$WORK/flat")"
run eval "$WORK/t.yaml" -a "$WORK/a.yaml"
expect_out "budget 320.00 (adjusted 330.00) 万元 · spent 314.85 万元 · rate 95.41%"
run eval "$WORK/t.yaml" -a "$WORK/a.yaml" --lang zh
expect_out "年初预算数 320.00 万元 · 全年预算数 330.00 万元 · 全年执行数 314.85 万元 · 预算执行率 95.41%"

case_ "an adjusted budget of 0 is an error at its value"
sed -e 's/    budget: {total: 330.00.*/    budget: 0/' "$WORK/a.yaml" >"$WORK/zero.yaml"
run eval "$WORK/t.yaml" -a "$WORK/zero.yaml"
expect_status 2
expect_err "$WORK/zero.yaml:5:13: error[JX0353]: 'budget' (全年预算数) must be greater than 0: leave it out to use the target's total"

case_ "an adjusted budget alone in 元 beside spent in 万元: the error is at the budget"
printf 'project: 甲\nid: B-1\nyear: 2024\nbudget: {total: 12}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 设备, target: 4台}\n' >"$WORK/tb.yaml"
printf 'projects:\n  - id: B-1\n    spent: 11.5\n    budget: 115000\n    indicators: {设备: 4台}\n' >"$WORK/ab.yaml"
run eval "$WORK/tb.yaml" -a "$WORK/ab.yaml"
expect_status 2
expect_err "$WORK/ab.yaml:4:13: error[JX0803]: the adjusted budget 115000 is 9583.3 times the target's total of 12.00 万元: was it written in 元? 115000元 = 11.5万元; write 11.5 or 115000元"
expect_no_err "spent 11.5"

case_ "score written as a percent: an error at it, naming the ratio"
printf 'project: 乙\nid: G-1\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 效益指标, level2: 社会效益指标, name: 能力, target: 显著提升}\n' >"$WORK/tg.yaml"
printf 'projects:\n  - id: G-1\n    spent: 9\n    indicators:\n      能力: {grade: 部分达成, score: 70%%}\n' >"$WORK/ag.yaml"
run eval "$WORK/tg.yaml" -a "$WORK/ag.yaml"
expect_status 2
expect_err "$WORK/ag.yaml:5:32: error[JX0206]: 'score' must be a ratio from 0 to 1, not the text '70%': write 0.7"

case_ "an id that is another indicator's name: check warns; eval names the cause"
cat >"$WORK/tid.yaml" <<'EOF'
project: 编号
id: I-1
year: 2024
budget: {total: 10}
indicators:
  - {id: 合格率, level1: 产出指标, level2: 质量指标, name: 验收合格率, target: ≥95%}
  - {id: Q2, level1: 产出指标, level2: 质量指标, name: 合格率, target: ≥50%}
EOF
run check "$WORK/tid.yaml"
expect_err "$WORK/tid.yaml:6:5: warning[JX0243]: indicator id '合格率' is the name of another indicator (line 7)"
run check --strict "$WORK/tid.yaml"
expect_status 2
printf 'projects:\n  - id: I-1\n    spent: 9\n    indicators: {验收合格率: 98%%, 合格率: 40%%}\n' >"$WORK/aid.yaml"
run eval "$WORK/tid.yaml" -a "$WORK/aid.yaml"
expect_status 2
expect_err "$WORK/aid.yaml:4:18: error[JX0445]: '验收合格率' is the name of an indicator of project '编号' that took, by its id, the entry '合格率'"
# One indicator given twice, by its id and by its name: said so (its id is
# no indicator's name, so the advice above would be wrong).
printf 'project: 两次\nid: I-2\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {id: K1, level1: 产出指标, level2: 数量指标, name: 设备数量, target: ≥4台}\n' >"$WORK/tid2.yaml"
printf 'projects:\n  - id: I-2\n    spent: 9\n    indicators: {K1: 4台, 设备数量: 2台}\n' >"$WORK/aid.yaml"
run eval "$WORK/tid2.yaml" -a "$WORK/aid.yaml"
expect_status 2
expect_err "$WORK/aid.yaml:4:26: error[JX0445]: '设备数量' is the name of an indicator of project '两次' that already took, by its id, the entry 'K1': the indicator is given twice (by id and by name); keep one of the two"

case_ "template writes budget and achieved as commented lines; filled in, they are read"
run template $M/13-spent-with-its-unit/targets.yaml -o "$WORK/tpl.yaml"
expect_status 0
grep -qF "    # budget:    # budget after mid-year adjustment, if any (default: 320 万元); the execution rate is spent / budget" "$WORK/tpl.yaml" \
  || fail "no budget line: $(cat "$WORK/tpl.yaml")"
grep -qF "    # achieved:  # what the year achieved, as text" "$WORK/tpl.yaml" \
  || fail "no achieved line"
sed -i -e 's/^    spent: .*/    spent: 300/' -e 's/^    # budget: .*/    budget: 3200000元/' \
       -e 's/^    # achieved: .*/    achieved: 全年完成/' -e 's/^      服务学生人次: .*/      服务学生人次: 1.25万人次/' \
       -e 's/^      课程合格率: .*/      课程合格率: 100%/' -e 's/^      家长满意度: .*/      家长满意度: 96%/' "$WORK/tpl.yaml"
run eval $M/13-spent-with-its-unit/targets.yaml -a "$WORK/tpl.yaml" -f json
expect_status 0
expect_out '"adjusted": 320,'
expect_out '"achieved": "全年完成"'

case_ "import fills supervisor from 主管部门, and department from 实施单位"
run import $M/27-import-names-supervisor/绩效目标表.txt
expect_status 0
expect_out 'supervisor:
  code: "362"
  name: 天津市生态环境局'
tr '\n' '|' <"$OUT" | grep -qF 'department:|  code: "362303"|  name: 天津市生态环境保护综合行政执法总队|supervisor:|  code: "362"|  name: 天津市生态环境局|' \
  || fail "department and supervisor"
run import tests/fixtures/import/supervisor.txt -o "$WORK/imported"
expect_status 0
run check "$WORK/imported"
expect_status 0
expect_out "2 projects, 12 indicators; 0 errors, 0 warnings"
tr '\n' '|' <"$WORK/imported/TJ-362-2024-01.yaml" | grep -qF 'department:|  code: "362"|  name: 天津市生态环境局|supervisor:|  code: "362"|  name: 天津市生态环境局|' \
  || fail "a 主管部门 alone is the department too"

# ---- 万/千/亿 before a unit, 平米

case_ "1.2万人次, 100平米 and 0.011万平方米 compare with 人次 and 平方米"
D=$M/17-wan-before-a-unit
run eval --lang zh $D/targets.yaml -a $D/actuals.yaml
expect_status 0
expect_err_empty
expect_out "服务学生人次 ≥1.2万人次 12500人次     25.00 25.00 达成"
expect_out "新增活动场地 ≥100平米   0.011万平方米 25.00 25.00 达成"

case_ "counted units that count different things: said in plain words"
sed 's/      服务学生人次: 12500人次/      服务学生人次: 12500人/' $D/actuals.yaml >"$WORK/people.yaml"
run eval $D/targets.yaml -a "$WORK/people.yaml"
expect_status 2
expect_err "$WORK/people.yaml:6:15: error[JX0450]: actual '12500人' of indicator '服务学生人次' cannot be compared with its target '≥1.2万人次': '人' cannot be compared with '万人次': '人' counts 人 and '万人次' is 10,000 人次; counted units must count the same thing"
expect_no_err "measures"
expect_no_err "counter"

case_ "a cost written with 万 but no 元: a warning with the rewrite"
D=$M/18-wan-without-unit
run check $D/targets.yaml
expect_status 0
expect_err "$D/targets.yaml:24:13: warning[JX0305]: target '≤850万' of 成本指标 '课后服务成本' has no unit: '万' is the number 10,000; if it is money, write '≤850万元'"

# ---- (含), 完成, dates without a year, quarters

case_ "≥95%（含）, 100%完成 and 2024年12月31日前完成 are read as meant"
D=$M/19-inclusive-and-done
run check --lang zh $D/targets.yaml
expect_status 0
expect_err_empty
expect_out "1 个项目，4 个指标；0 个错误，0 个警告"

case_ "a date without its year: the rewrite with the project's year"
D=$M/20-date-without-year
run check $D/targets.yaml
expect_status 2
expect_err "$D/targets.yaml:24:13: error[JX0322]: bad target '12月底前': '12月底前' has no year: write '2024年12月底前'"
expect_no_err "did you mean"
sed 's/    target: 12月底前/    target: 6月30日前完成/' $D/targets.yaml >"$WORK/june.yaml"
run check "$WORK/june.yaml"
expect_err "$WORK/june.yaml:24:13: error[JX0322]: bad target '6月30日前完成': '6月30日前完成' has no year: write '2024年6月30日前完成'"
run check --lang zh $D/targets.yaml
expect_status 2
expect_err "$D/targets.yaml:24:13: 错误[JX0322]: 指标值“12月底前”有误：“12月底前”没有年份：请写“2024年12月底前”"

case_ "a quarter: the deadline it means"
D=$M/21-quarter-as-deadline
run check $D/targets.yaml
expect_status 2
expect_err "$D/targets.yaml:24:13: error[JX0323]: bad target '2024年第三季度': '2024年第三季度' names a period, not a date: write the deadline it means, '2024年9月30日前'"

case_ "a quarter's number and 季度 with a comparator (1季度以内, ≥1季度): the quarter or a length of time, both offered"
# "1季度以内" was read as a count of a unit 季度, "一季度内" as qualitative,
# and "≥1季度" as the first quarter: one slip, three readings.
for t in 1季度以内 一季度内; do
  sed "s/    target: 2024年第三季度/    target: $t/" $D/targets.yaml >"$WORK/q.yaml"
  run check --lang zh "$WORK/q.yaml"
  expect_status 2
  expect_err "$WORK/q.yaml:24:13: 错误[JX0323]: 指标值“$t”有误：“$t”可指一年中的某个季度，也可指几个季度的时长：若是期限，写“2024年3月31日前”；若是时长，写“≤3个月”"
done
sed "s/    target: 2024年第三季度/    target: ≥1季度/" $D/targets.yaml >"$WORK/q.yaml"
run check "$WORK/q.yaml"
expect_status 2
expect_err "$WORK/q.yaml:24:13: error[JX0323]: bad target '≥1季度': '≥1季度' may mean a quarter of the year or that many quarters of time: for a deadline write '≥2024年3月31日', for a length of time '≥3个月'"
# Written as the message says, it checks.
sed "s/    target: 2024年第三季度/    target: ≤3个月/" $D/targets.yaml >"$WORK/q.yaml"
run check "$WORK/q.yaml"
expect_status 0

# ---- figures in qualitative targets, 约

case_ "a figure in a qualitative target: a warning at check and at eval"
D=$M/22-figure-in-qualitative-target
run check $D/targets.yaml
expect_status 0
expect_err "$D/targets.yaml:24:13: warning[JX0307]: target '控制在850万元以内' of 成本指标 '课后服务总成本' holds the figure 850万元 but reads as qualitative, so its actual must be a grade (达成, 部分达成 or 未达成); to score it against the figure, write '≤850万元'"
expect_err "$D/targets.yaml:28:13: warning[JX0307]: target '每生每天5元' of 成本指标 '生均补助标准' holds the figure 5元 but reads as qualitative, so its actual must be a grade (达成, 部分达成 or 未达成); to score it against the figure, write '≤5元/生/天'"
cat >"$WORK/a22.yaml" <<'EOF'
projects:
  - id: QS-2024-02
    spent: 962.40
    indicators: {服务学生人次: 12500人次, 课程合格率: 100%, 家长满意度: 96%, 课后服务总成本: 达成, 生均补助标准: 达成}
EOF
run eval $D/targets.yaml -a "$WORK/a22.yaml"
expect_status 0
expect_err "$D/targets.yaml:24:13: warning[JX0307]: target '控制在850万元以内'"
sed 's/    target: 控制在850万元以内/    target: ≤850万元/; s/    target: 每生每天5元/    target: ≤5元\/生\/天/' $D/targets.yaml >"$WORK/rewritten.yaml"
run check "$WORK/rewritten.yaml"
expect_status 0
expect_err_empty

case_ "约7000户 is approximate, like 7000户左右: an error"
D=$M/23-approximate-yue
run check $D/targets.yaml
expect_status 2
expect_err "$D/targets.yaml:24:13: error[JX0317]: bad target '约7000户': '约7000户' is approximate and cannot be scored: instead of '约' write a comparator such as '≥7000户' or '≤7000户', or a range"

# ---- weights

case_ "weights that do not add up to 90: the error says why 90"
D=$M/24-weights-do-not-add-up-to-90
run check $D/targets.yaml
expect_status 2
expect_err "$D/targets.yaml:9:3: error[JX0245]: indicator weights add up to 100, but must add up to 90 (±0.01): 100 less the 10 of 预算执行率 (budget execution)"

case_ "weights under a rules file: 100 less its execution weight"
printf 'execution_weight: 20\npools: {产出指标: 40, 效益指标: 30, 满意度指标: 10}\n' >"$WORK/rules.yaml"
run check $D/targets.yaml -r "$WORK/rules.yaml"
expect_status 2
expect_err "$D/targets.yaml:9:3: error[JX0245]: indicator weights add up to 100, but must add up to 80 (±0.01): 100 less the 20 of 预算执行率 (budget execution)"

case_ "weights off the rules' 50/30/10: a warning"
D=$M/25-weights-off-the-pools
run check $D/targets.yaml
expect_status 0
expect_err "$D/targets.yaml:9:3: warning[JX0247]: the indicator weights give 产出指标 60, 效益指标 20, 满意度指标 10, but the rules give 产出指标 50, 效益指标 30, 满意度指标 10: check them (another split is for special cases)"

# ---- the level-1 summary

case_ "the level-1 summary adds exact values: 16.67 x 3 is 50, rounded once"
D=$M/26-summary-adds-exact-values
run eval --lang zh $D/targets.yaml -a $D/actuals.yaml
expect_status 1
# 产出: (50 + 50 - 25/3) / 100 = 91.666…% -> 91.67% (the rounded rows gave
# 91.68 / 100.02 = 91.66%).
expect_out_re "^  产出指标    6       5     1       0       91\.67%$"
run eval $D/targets.yaml -a $D/actuals.yaml -f json
tr -d ' \n' <"$OUT" >"$WORK/flat"
grep -qF '"name":"产出指标","projects":2,"indicators":6,"met":5,"unmet":1,"not_applicable":0,"weight":100,"score":91.67,"attainment":0.9167' "$WORK/flat" \
  || fail "summary.level1: $(grep -o '"level1":\[{[^}]*}' "$WORK/flat")"
expect_out '"weight_exact": "50/3"'
expect_out '"score_exact": "25/3"'

case_ "merge rebuilds the exact summary from the reports' exact figures"
awk '/^---$/{d++; next} d==0' $D/targets.yaml >"$WORK/t1.yaml"
awk '/^---$/{d++; next} d==1' $D/targets.yaml >"$WORK/t2.yaml"
awk '/^  - id:/{n++} n!=2' $D/actuals.yaml >"$WORK/a1.yaml"
awk '/^  - id:/{n++} n!=1' $D/actuals.yaml >"$WORK/a2.yaml"
run eval "$WORK/t1.yaml" -a "$WORK/a1.yaml" -f json -o "$WORK/p1.json"
expect_status 0
run eval "$WORK/t2.yaml" -a "$WORK/a2.yaml" -f json -o "$WORK/p2.json"
expect_status 1
run merge "$WORK/p1.json" "$WORK/p2.json" -f json
tr -d ' \n' <"$OUT" >"$WORK/flat"
grep -qF '"weight":100,"score":91.67,"attainment":0.9167' "$WORK/flat" || fail "merged summary.level1"

# ---- a CSV file saved with another separator than ','

QS=$M/10-spent-written-in-yuan/targets.yaml
separator() {  # CHARACTER HEADER COLUMN NAME: the header written with CHARACTER
  case_ "a CSV header separated by $4: an error naming the separator, at it"
  printf '%s\nQS-2024-02%sspent%s962.4%s\n' "$2" "$1" "$1" "$1" >"$WORK/sep.csv"
  run eval $QS -a "$WORK/sep.csv"
  expect_status 2
  expect_err "$WORK/sep.csv:1:$3: error[JX0163]: the columns of the header are separated by $4: a CSV file separates them with an ASCII comma ',': replace each $4 with ',' (in Excel or WPS, use Save As \"CSV UTF-8 (Comma delimited)\")"
  expect_no_err "JX0154"
}
separator ';' 'project;indicator;value;note' 8 "a semicolon ';'"
separator $'\t' $'project\tindicator\tvalue\tnote' 8 "a tab"
separator '，' '项目，指标，实际值，说明' 3 "a full-width comma '，'"

case_ "a progress CSV separated by semicolons: the same error"
printf '项目;指标;实际值\n;截至日期;2024-07-31\n' >"$WORK/sep.csv"
run monitor $QS -a "$WORK/sep.csv" --lang zh
expect_status 2
expect_err "$WORK/sep.csv:1:3: 错误[JX0163]: 表头的各列是用分号“;”分隔的：CSV 文件要用半角逗号“,”分隔各列，请把分号“;”都换成“,”（在 Excel 或 WPS 中请“另存为”“CSV UTF-8（逗号分隔）”）"

# ---- a number split in two by a thousands comma nobody quoted

case_ "12,500人次 unquoted in a CSV row: an error at the value, not a score of 12"
cat >"$WORK/split.csv" <<'EOF'
project,indicator,value,note
QS-2024-02,spent,962.4,
QS-2024-02,服务学生人次,12,500人次
QS-2024-02,课程合格率,100%,
QS-2024-02,家长满意度,96%,
EOF
run eval $QS -a "$WORK/split.csv"
expect_status 2
expect_err "$WORK/split.csv:3:19: error[JX0164]: '12' in the column 'value' and the next cell '500人次' look like one number, '12,500人次', split in two by its thousands comma: put the value in double quotes, \"12,500人次\", or write it without the comma, 12500人次; if the next cell really is something else, put that cell in double quotes"
expect_no_out "服务学生人次"
sed 's/12,500人次/"12,500人次",/' "$WORK/split.csv" >"$WORK/quoted.csv"
run eval $QS -a "$WORK/quoted.csv"
expect_status 0
expect_err_empty
# Full-width digits split so: the same error.
sed 's/12,500人次/１２,５００人次/' "$WORK/split.csv" >"$WORK/wide.csv"
run eval $QS -a "$WORK/wide.csv"
expect_status 2
expect_err "$WORK/wide.csv:3:19: error[JX0164]: '１２' in the column 'value' and the next cell '５００人次' look like one number"
# A note that merely starts with three digits, as Excel saves it: a note.
sed -e 's/12,500人次/12500人次,/' -e 's/96%,$/96,120份问卷调查结果/' "$WORK/split.csv" >"$WORK/note.csv"
run eval $QS -a "$WORK/note.csv" -f json
expect_status 0
expect_err_empty
expect_out '"note": "120份问卷调查结果"'

case_ "a spending forecast split so in a progress CSV: the same error, in Chinese"
cat >"$WORK/split.csv" <<'EOF'
项目,指标,实际值,说明,全年预计,完成目标可能性
,截至日期,2024-07-31,,,
QS-2024-02,执行数,500,,1,000
QS-2024-02,服务学生人次,8000人次,,,
QS-2024-02,课程合格率,100%,,,
QS-2024-02,家长满意度,96%,,,
EOF
run monitor $QS -a "$WORK/split.csv" --lang zh
expect_status 2
expect_err "$WORK/split.csv:3:21: 错误[JX0164]: “全年预计”列的“1”和后一格“000”像是一个数“1,000”被它的千位逗号分成了两格"

case_ "Excel's scientific notation in a CSV: an error giving the decimal it shows"
cat >"$WORK/sci.csv" <<'EOF'
project,indicator,value,note
QS-2024-02,spent,9.624E+02,
QS-2024-02,服务学生人次,1.25E+04,
QS-2024-02,课程合格率,100%,
QS-2024-02,家长满意度,96%,
EOF
run eval $QS -a "$WORK/sci.csv"
expect_status 2
expect_err "$WORK/sci.csv:2:18: error[JX0350]: the amount spent (全年执行数) must be an amount, and '9.624E+02' is scientific notation (Excel shows a long number so, and may have dropped its last digits), that is 962.4: write 962.4"
sed -i 's/9.624E+02/962.4/' "$WORK/sci.csv"
run eval $QS -a "$WORK/sci.csv"
expect_status 2
expect_err "$WORK/sci.csv:3:19: error[JX0449]: the actual '1.25E+04' of indicator '服务学生人次' is scientific notation (Excel shows a long number so, and may have dropped its last digits), that is 12500: write 12500 (check that it is complete, and add its unit)"

case_ "thousands grouped by a space (a no-break one looks like any other): an error naming it"
NB=$'\xc2\xa0'  # a no-break space
printf 'project,indicator,value,note\nQS-2024-02,spent,9\xc2\xa0624,\nQS-2024-02,服务学生人次,12\xc2\xa0500,\nQS-2024-02,课程合格率,100%%,\nQS-2024-02,家长满意度,96%%,\n' >"$WORK/nbsp.csv"
run eval $QS -a "$WORK/nbsp.csv"
expect_status 2
expect_err "$WORK/nbsp.csv:2:18: error[JX0350]: the amount spent (全年执行数) must be an amount, and '9${NB}624' has a no-break space (U+00A0) between its digits: write the number without it, 9624"
sed -i 's/9\xc2\xa0624/962.4/' "$WORK/nbsp.csv"
run eval $QS -a "$WORK/nbsp.csv" --lang zh
expect_status 2
expect_err "$WORK/nbsp.csv:3:19: 错误[JX0449]: 指标“服务学生人次”的实际完成值“12${NB}500”在数字之间有不换行空格（U+00A0）：数字中间不加空格，请写成 12500"
# An ordinary space too, and in a progress file's forecast.
cat >"$WORK/spaced-forecast.csv" <<'EOF'
project,indicator,value,note,forecast
,as_of,2024-07-31,,
QS-2024-02,spent,500,,
QS-2024-02,服务学生人次,,,12 500人次
QS-2024-02,课程合格率,100%,,
QS-2024-02,家长满意度,96%,,
EOF
run monitor $QS -a "$WORK/spaced-forecast.csv"
expect_status 2
expect_err "$WORK/spaced-forecast.csv:4:21: error[JX0449]: the forecast '12 500人次' of indicator '服务学生人次' has a space between its digits: write the number without it, 12500人次"

case_ "an actual written as '/' or '无': an error naming 不适用 and zero, for eval and monitor"
cat >"$WORK/slash.csv" <<'EOF'
project,indicator,value,note
QS-2024-02,spent,962.4,
QS-2024-02,服务学生人次,/,
QS-2024-02,课程合格率,100%,
QS-2024-02,家长满意度,无,
EOF
run eval $QS -a "$WORK/slash.csv"
expect_status 2
expect_err "$WORK/slash.csv:3:19: error[JX0452]: the actual of indicator '服务学生人次' is '/', which is not a value: if the indicator does not apply this year, write 不适用 and give the reason in its note; if it is zero, write 0 (with its unit); otherwise give what was achieved (the target is '≥12000人次')"
expect_err "$WORK/slash.csv:5:18: error[JX0452]: the actual of indicator '家长满意度' is '无'"
printf ',as_of,2024-07-31,\n' >>"$WORK/slash.csv"
run monitor $QS -a "$WORK/slash.csv" --lang zh
expect_status 2
expect_err "$WORK/slash.csv:3:19: 错误[JX0452]: 指标“服务学生人次”的执行情况（value）是“/”，这不是一个值：若这个指标本年度不适用，请写“不适用”并在 note 中说明原因"

case_ "480000 against ≤50万元: an error naming 元, in eval and in monitor"
cat >"$WORK/cost.yaml" <<'EOF'
project: 设备购置
id: CB-01
year: 2024
budget: {total: 60}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 设备数量, target: ≥4台}
  - {level1: 成本指标, level2: 经济成本指标, name: 设备购置成本, target: ≤50万元}
EOF
printf 'projects:\n  - id: CB-01\n    spent: 55\n    indicators:\n      设备数量: 4台\n      设备购置成本: 480000\n' >"$WORK/cost-actuals.yaml"
run eval "$WORK/cost.yaml" -a "$WORK/cost-actuals.yaml"
expect_status 2
expect_err "$WORK/cost-actuals.yaml:6:15: error[JX0453]: actual '480000' of indicator '设备购置成本' has no unit and is 9600 times its target '≤50万元': was it written in 元? 480000元 = 48万元; write '48万元' or '480000元'"
expect_no_out "设备购置成本"
sed -i '1i as_of: 2024-07-31' "$WORK/cost-actuals.yaml"
run monitor "$WORK/cost.yaml" -a "$WORK/cost-actuals.yaml"
expect_status 2
expect_err "$WORK/cost-actuals.yaml:7:15: error[JX0453]"

case_ "in a project kept in 元, spent 5.8 of 60000: an error naming 万元"
cat >"$WORK/yuan.yaml" <<'EOF'
project: 元项目
id: Y-01
year: 2024
unit: 元
budget: {total: 60000}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 设备数量, target: 4台}
  - {level1: 成本指标, level2: 经济成本指标, name: 设备采购成本, target: ≤50000元}
EOF
printf 'projects:\n  - id: Y-01\n    spent: 5.8\n    indicators: {设备数量: 4台, 设备采购成本: 4.8}\n' >"$WORK/yuan-actuals.yaml"
run eval "$WORK/yuan.yaml" -a "$WORK/yuan-actuals.yaml"
expect_status 2
expect_err "$WORK/yuan-actuals.yaml:3:12: error[JX0803]: spent 5.8 is only 0.0097% of the budget of 60000.00 元: was it written in 万元? 5.8万元 = 58000元; write 58000 or 5.8万元"
sed -i 's/spent: 5.8/spent: 58000/' "$WORK/yuan-actuals.yaml"
run eval "$WORK/yuan.yaml" -a "$WORK/yuan-actuals.yaml"
expect_status 2
expect_err "error[JX0453]: actual '4.8' of indicator '设备采购成本' has no unit and is only 0.0096% of its target '≤50000元': was it written in 万元? 4.8万元 = 48000元"

case_ "不适用 with its reason in the value: an error saying where the reason goes"
sed 's#QS-2024-02,服务学生人次,/,#QS-2024-02,服务学生人次,不适用（本年未开展）,#; s#QS-2024-02,家长满意度,无,#QS-2024-02,家长满意度,96%,#' "$WORK/slash.csv" | grep -v as_of >"$WORK/na.csv"
run eval $QS -a "$WORK/na.csv"
expect_status 2
expect_err "$WORK/na.csv:3:19: error[JX0452]: the actual of indicator '服务学生人次' is '不适用（本年未开展）': for an indicator that does not apply, write just 不适用 and give the reason in its note"

case_ "未完成 at year end: an error asking for the date or the time, expected if need be"
cat >"$WORK/late.yaml" <<'EOF'
project: 测试项目
id: LATE-1
year: 2024
department: {code: "1", name: 测试局}
unit: 万元
budget: {total: 10}
indicators:
  - {level1: 产出指标, level2: 时效指标, name: 完成时间, target: ≤2024-12-31}
  - {level1: 产出指标, level2: 时效指标, name: 完成时限, target: ≤12个月}
  - {level1: 产出指标, level2: 数量指标, name: 设备数, target: 4台}
EOF
printf 'projects:\n  - id: LATE-1\n    spent: 9\n    indicators:\n      完成时间: 未完成\n      完成时限: 未完成\n      设备数: 4台\n' >"$WORK/late-actuals.yaml"
run eval "$WORK/late.yaml" -a "$WORK/late-actuals.yaml"
expect_status 2
expect_err "$WORK/late-actuals.yaml:5:13: error[JX0448]: indicator '完成时间' (target '≤2024-12-31') says 未完成 (not done): at year end write the date it was done or, if it is still not done, the date it is expected (such as 2025-03-31); it scores as unmet"
expect_err "$WORK/late-actuals.yaml:6:13: error[JX0449]: indicator '完成时限' (target '≤12个月') says 未完成 (not done): at year end write the time it took or, if it is still not done, the whole time it is expected to take (such as 15个月); it scores as unmet"
# As advised: a date in the next year, with its note, scores as unmet (0).
printf 'projects:\n  - id: LATE-1\n    spent: 9\n    indicators:\n      完成时间: {value: 2025-03-31, note: 设备延迟到货}\n      完成时限: {value: 15个月, note: 设备延迟到货}\n      设备数: 4台\n' >"$WORK/late-actuals.yaml"
run eval "$WORK/late.yaml" -a "$WORK/late-actuals.yaml" -f json
expect_status 1
python3 - "$OUT" <<'EOF' || fail "the late date and time are not scored as unmet"
import json, sys
p = json.load(open(sys.argv[1]))["projects"][0]
ind = {i["name"]: i for i in p["indicators"]}
assert ind["完成时间"]["status"] == "unmet" and ind["完成时间"]["score"] == 0, ind["完成时间"]
# ≤12个月 with 15个月: unmet, ratio 12/15 = 0.8 of its weight 30 (90 / 3) = 24.
assert ind["完成时限"]["status"] == "unmet" and ind["完成时限"]["score"] == 24, ind["完成时限"]
EOF

case_ "two target projects of one name, one entry by name: the second is told why, warnings once"
sed 's/^id: LATE-1/id: SAME-1/' "$WORK/late.yaml" >"$WORK/same1.yaml"
sed 's/^id: LATE-1/id: SAME-2/' "$WORK/late.yaml" >"$WORK/same2.yaml"
printf 'projects:\n  - project: 测试项目\n    spent: 2\n    indicators:\n      完成时间: 2024-10-01\n      完成时限: 10个月\n      设备数: 2台\n' >"$WORK/same-actuals.yaml"
for cmd in eval monitor; do
  if [ $cmd = monitor ]; then
    sed -i '1i as_of: 2024-12-31' "$WORK/same-actuals.yaml"
  fi
  run $cmd "$WORK/same1.yaml" "$WORK/same2.yaml" -a "$WORK/same-actuals.yaml" -j2
  expect_status 2
  entry=actuals
  [ $cmd = monitor ] && entry=progress  # monitor's words for its file
  expect_err "$WORK/same2.yaml:2:5: error[JX0721]: project '测试项目' (SAME-2) has no $entry entry: the entry \`project: 测试项目\` ($WORK/same-actuals.yaml:"
  # The entry's own warnings (设备数 2台 of 4台 without a note), once: not
  # again for the project it did not go to.
  [ "$(grep -c "same-actuals.yaml:[0-9]*:7: warning" "$ERR")" = 1 ] || fail "$cmd: the entry's warnings are not given once"
done

case_ "a plain number against ≥1万 is a plain number: 9000 is unmet; 1.2 asks about 万"
cat >"$WORK/wan.yaml" <<'EOF'
project: 社区健康宣传项目
id: WAN-1
year: 2024
budget: {total: 10}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 宣传覆盖人数, target: ≥1万}
  - {level1: 效益指标, level2: 社会效益指标, name: 知晓率, target: ≥80%}
  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: ≥90%}
EOF
printf 'projects:\n  - id: WAN-1\n    spent: 10\n    indicators: {宣传覆盖人数: 9000, 知晓率: 85%%, 满意度: 95%%}\n' >"$WORK/wan-actuals.yaml"
run eval "$WORK/wan.yaml" -a "$WORK/wan-actuals.yaml" -f json
expect_status 1
# 产出指标 50 × 9000/10000 = 45; 知晓率 30 and 满意度 10 met; budget 10: 95.
python3 - "$OUT" <<'EOF' || fail "9000 against ≥1万 is not scored as 9000"
import json, sys
p = json.load(open(sys.argv[1]))["projects"][0]
assert p["indicators"][0]["status"] == "unmet" and p["indicators"][0]["score"] == 45, p["indicators"][0]
assert p["score"] == 95, p["score"]
EOF
printf 'projects:\n  - id: WAN-1\n    spent: 10\n    indicators: {宣传覆盖人数: 1.2, 知晓率: 85%%, 满意度: 95%%}\n' >"$WORK/wan-actuals.yaml"
run eval "$WORK/wan.yaml" -a "$WORK/wan-actuals.yaml"
expect_status 2
expect_err "$WORK/wan-actuals.yaml:4:26: error[JX0453]: actual '1.2' of indicator '宣传覆盖人数' has no unit and is only 0.012% of its target '≥1万': was it written in 万? 1.2万 = 12000; write '12000' or '1.2万'"

# ---- a workbook where text is read

case_ "a workbook given to -a is named for what it is, without its bytes: JX0137"
"$JIXIAO" eval $QS -a examples/actuals -f xlsx="$WORK/book.xlsx" -q >/dev/null 2>&1
run monitor $QS -a "$WORK/book.xlsx"
expect_status 2
expect_err "$WORK/book.xlsx: error[JX0137]: this is an Excel workbook (.xlsx), not a text file: save actuals or progress from Excel as \"CSV UTF-8 (Comma delimited)\" and give jixiao the .csv file"
expect_no_err " 1 | PK"
# Renamed .csv (read as CSV, which may be GB18030): the same.
cp "$WORK/book.xlsx" "$WORK/book.csv"
run monitor $QS -a "$WORK/book.csv"
expect_status 2
expect_err "$WORK/book.csv: error[JX0137]: this is an Excel workbook (.xlsx)"

case_ "a workbook, an .ods or a .tsv in a directory of actuals: a warning names it, the CSV beside it is read"
mkdir -p "$WORK/acts"
cp "$WORK/book.xlsx" "$WORK/acts/执行情况.xlsx"
: >"$WORK/acts/~\$执行情况.xlsx"
printf 'project,indicator,value,note\nQS-2024-02,spent,962.4,\n' >"$WORK/acts/a.csv"
run eval $QS -a "$WORK/acts"
expect_err "$WORK/acts/执行情况.xlsx: warning[JX0138]: an Excel workbook, not read"
expect_no_err "~\$"
expect_no_err "JX0401"
# LibreOffice's and a tab-separated export are named as well, each as what it is.
printf 'PK\003\004' >"$WORK/acts/执行情况.ods"
printf 'project\tindicator\tvalue\n' >"$WORK/acts/执行情况.tsv"
run monitor $QS -a "$WORK/acts" --lang zh
expect_err "$WORK/acts/执行情况.ods: 警告[JX0138]: 未读取OpenDocument 电子表格（.ods）：实际完成值、进度只从 .yaml、.yml、.csv 文件读取。要读取它，请把它另存为“CSV UTF-8（逗号分隔）”"
expect_err "$WORK/acts/执行情况.tsv: 警告[JX0138]: 未读取制表符分隔的表格（.tsv）"

# ---- invisible characters in a name (a zero-width space, a byte order mark)

case_ "a zero-width space after an indicator's name: the message shows it and names it"
printf 'project,indicator,value,note\nQS-2024-02,spent,962.4,\nQS-2024-02,服务学生人次,12500人次,\nQS-2024-02,课程合格率\u200b,100%%,\nQS-2024-02,家长满意度,96%%,\n' >"$WORK/zw.csv"
run eval $QS -a "$WORK/zw.csv"
expect_status 2
expect_err "$WORK/zw.csv:4:12: error[JX0445]: '课程合格率<U+200B>' is not an indicator of project '2024年度中小学课后服务项目': did you mean '课程合格率'? (<U+200B>: an invisible character in the text; delete it from the file)"
run eval $QS -a "$WORK/zw.csv" --lang zh
expect_err "$WORK/zw.csv:4:12: 错误[JX0445]: “课程合格率<U+200B>”不是项目“2024年度中小学课后服务项目”的指标：是不是“课程合格率”？（其中 <U+200B> 是看不见的字符：请在文件中删除它）"

case_ "spent 5.39999 of 6 (89.9998%): the warning and the report show the rate below 90%, not 90.00%"
run eval examples/targets/01-radiation-safety.yaml -a tests/fixtures/eval/rate-just-below.csv --lang en
expect_status 0
expect_err "tests/fixtures/eval/rate-just-below.csv:2:25: warning[JX0806]: project '2024年度天津市辐射环境执法安全防护能力提升项目' spent 5.39999 万元 of 6 万元 (89.9998%), below 90% of its budget"
expect_out "rate 89.9998% · execution score 9.00 / 10 · low execution"
expect_no_out "90.00%"

case_ "a row without its last empty cell: one error saying to add it, no 'no actual' for its indicator"
printf '项目,指标,实际值,说明\nQS-2024-02,全年执行数,962.4,\nQS-2024-02,服务学生人次,12500人次\nQS-2024-02,课程合格率,100%%,\nQS-2024-02,家长满意度,96%%,\n' >"$WORK/short.csv"
run eval $QS -a "$WORK/short.csv"
expect_status 2
expect_err "$WORK/short.csv:3:1: error[JX0159]: this row has 3 fields, but the header has 4 columns: add the missing cells (an empty cell at the end of a row keeps its comma), and check that no cell in the middle was left out"
expect_no_err "JX0444"
[ "$(grep -c 'error\[' "$ERR")" = 1 ] || fail "more than the one error"

case_ "values typed at the end of the template's comments: the error says they are in the comment"
run template $QS -o "$WORK/typed.yaml"
expect_status 0
# Typed where the cursor ends, after the template's hint.
sed -i 's/^\(    spent:    # .*\)$/\1 962.4/; s/^\(      服务学生人次: .*\)$/\1 12500人次/; s/^\(      课程合格率: .*\)$/\1 100%/; s/^\(      家长满意度: .*\)$/\1 96%/' "$WORK/typed.yaml"
run eval $QS -a "$WORK/typed.yaml" --lang zh
expect_status 2
expect_err "$WORK/typed.yaml:8:5: 错误[JX0256]: “spent”（全年执行数）为空：应按项目的预算单位填写本年度的支出金额，如 5.86；这一行“#”后面的“962.4”在注释里，不会读取：请写在冒号后面，如“spent: 962.4”"
expect_err "$WORK/typed.yaml:15:7: 错误[JX0331]: 指标“家长满意度”没有实际完成值：应填实际完成值（如 4台 或 100%）、不适用，或等级（达成、部分达成或未达成）；这一行“#”后面的“96%”在注释里，不会读取：请写在冒号后面，如“家长满意度: 96%”"
# Nothing typed: no such note.
run template $QS -o "$WORK/untyped.yaml"
run eval $QS -a "$WORK/untyped.yaml" --lang zh
expect_status 2
expect_no_err "在注释里"

case_ "Excel's currency and percentage formats saved into a CSV: the number to write is given"
printf '项目,指标,实际值,说明\nQS-2024-02,全年执行数,¥962.4,\nQS-2024-02,服务学生人次,12500人次,\nQS-2024-02,课程合格率,100%%,\nQS-2024-02,家长满意度,96%%,\n' >"$WORK/currency.csv"
run eval $QS -a "$WORK/currency.csv" --lang zh
expect_status 2
expect_err "$WORK/currency.csv:2:18: 错误[JX0350]: 全年执行数应为金额，而“¥962.4”前面有货币符号（Excel 的货币格式）：去掉它，写 962.4（按项目的预算单位）或 962.4元"
printf 'project,indicator,value,note,score\nDEMO-2024-QUAL,执法效能,部分达成,,70%%\n' >"$WORK/percent-score.csv"
run eval examples/extra/qualitative-target.yaml -a "$WORK/percent-score.csv"
expect_status 2
expect_err "$WORK/percent-score.csv:2:27: error[JX0342]: the score of indicator '执法效能' must be a number from 0 to 1, not the percentage '70%': write 0.7"

case_ "a sheet saved as tab-separated text (.txt) and named as actuals: said to be one, with how to save it"
printf '项目\t指标\t实际值\t说明\r\nQS-2024-02\t全年执行数\t962.4\t\r\n' >"$WORK/tab.txt"
run eval $QS -a "$WORK/tab.txt"
expect_status 2
expect_err "$WORK/tab.txt:1:1: error[JX0250]: this is a sheet saved as tab-separated text (Excel's \"Text (Tab delimited)\"), not actuals in YAML: in Excel or WPS, use Save As \"CSV UTF-8 (Comma delimited)\", with the extension .csv"

case_ "a 序号 column (a Chinese sheet's row numbers) is passed over; a header near a column's is asked about"
printf '序号,项目,指标,实际值,说明\n1,QS-2024-02,全年执行数,962.4,\n2,QS-2024-02,服务学生人次,12500人次,\n3,QS-2024-02,课程合格率,100%%,\n4,QS-2024-02,家长满意度,96%%,\n' >"$WORK/numbered.csv"
run eval $QS -a "$WORK/numbered.csv" --lang zh
expect_status 0
expect_err_empty
expect_out "2024年度中小学课后服务项目"
sed '1s/实际值/实际完成数/' "$WORK/numbered.csv" >"$WORK/near.csv"
run eval $QS -a "$WORK/near.csv" --lang zh
expect_status 2
expect_err "$WORK/near.csv:1:10: 错误[JX0155]: 未知的列“实际完成数”：是否应为“实际完成值”？"

case_ "a note at the bottom of a sheet (填表说明：…): a warning at it, not a project; the rest scored"
printf '项目,指标,实际值,说明,,\nQS-2024-02,全年执行数,962.4,,,\nQS-2024-02,服务学生人次,12500人次,,,\nQS-2024-02,课程合格率,100%%,,,\nQS-2024-02,家长满意度,96%%,,,\n,,,,,\n填表说明：实际值请按指标值单位填写。,,,,,\n' >"$WORK/note-row.csv"
run eval $QS -a "$WORK/note-row.csv" --lang zh
expect_status 0
expect_err "$WORK/note-row.csv:7:1: 警告[JX0165]: 这一行只有第一格有文字（“填表说明：实际值请按指标值单位填写。”），像是表格的说明或标题，没有读取"
expect_no_err "JX0401"
expect_no_err "JX0160"
expect_out "2024年度中小学课后服务项目"
# A title above the header: skipped, said, the sheet read.
{ printf '2024年度绩效自评表,,,,,\n'; cat "$WORK/note-row.csv"; } >"$WORK/title-row.csv"
run eval $QS -a "$WORK/title-row.csv" --lang zh
expect_status 0
expect_err "$WORK/title-row.csv:1:1: 警告[JX0165]: 这一行只有第一格有文字（“2024年度绩效自评表”）"
expect_no_err "JX0154"

case_ "spaces pasted from a PDF (U+2003 after a name, U+202F in 12500 人次): read as spaces"
printf 'project,indicator,value,note\nQS-2024-02,spent,962.4,\nQS-2024-02,服务学生人次\u2003,12500\u202f人次,\nQS-2024-02,课程合格率,100%%,\nQS-2024-02,家长满意度,\u200996%%,\n' >"$WORK/sp.csv"
run eval $QS -a "$WORK/sp.csv" -f json
expect_status 0
expect_err_empty
expect_out '"actual": "96%"'

case_ "a byte order mark before a project's id, inside a CSV file: shown and named"
printf 'project,indicator,value,note\nQS-2024-02,spent,962.4,\n\xef\xbb\xbfQS-2024-02,服务学生人次,12500人次,\n' >"$WORK/bom.csv"
run eval $QS -a "$WORK/bom.csv"
expect_status 2
expect_err "$WORK/bom.csv:3:1: error[JX0401]: actuals for '<U+FEFF>QS-2024-02' match no target project: expected the id or name of a target project of this run (<U+FEFF>: an invisible character in the text; delete it from the file)"

finish
