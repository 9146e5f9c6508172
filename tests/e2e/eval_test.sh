#!/usr/bin/env bash
# End-to-end tests of `jixiao eval` and `jixiao template`: reports, exit
# status under every policy flag, and located matching errors.
source "$(dirname "$0")/lib.sh"
F=tests/fixtures/eval
G=tests/golden

case_ "the examples: golden text report, exit 1 (some indicators unmet)"
run eval --lang zh examples/targets -a examples/actuals
expect_status 1
expect_golden $G/eval-examples.txt
expect_err_empty

case_ "the examples: golden JSON report"
run eval examples/targets -a examples/actuals -f json
expect_status 1
sed "s/\"version\": \"[^\"]*\"/\"version\": \"VERSION\"/" "$OUT" > "$WORK/json"
expect_golden $G/eval-examples.json "$WORK/json"

case_ "macOS's AppleDouble files in the directories (._x.yaml, ._x.csv) are passed over"
# A USB drive or zip archive from a Mac leaves "._" and each file's name:
# its metadata, which read as YAML or CSV would stop the run.
cp -r examples/targets examples/actuals "$WORK/"
run eval --lang zh "$WORK/targets" -a "$WORK/actuals"
cp "$OUT" "$WORK/without-apple.txt"
for f in "$WORK/targets/._01-radiation-safety.yaml" "$WORK/actuals/._2024-actuals.yaml" "$WORK/actuals/._05.csv" "$WORK/actuals/._进度.xlsx"; do
  printf '\000\005\026\007\000\002\000\000Mac OS X        ' >"$f"
done
run eval --lang zh "$WORK/targets" -a "$WORK/actuals"
expect_status 1
expect_same "$WORK/without-apple.txt"
expect_err_empty

case_ "the examples in English"
run eval examples/targets -a examples/actuals --lang en
expect_status 1
expect_golden $G/eval-examples-en.txt

case_ "the qualitative example"
run eval examples/extra/qualitative-target.yaml -a examples/extra/qualitative-actuals.yaml -f json
expect_status 1
expect_out '"kind": "qualitative"'
expect_out '"actual": "部分达成"'
expect_out '"score": 21'
expect_out '"score": 90.3'

case_ "JSON keys of docs/reference.md §7"
run eval examples/targets -a examples/actuals -f json
for key in tool version rules projects id project year file budget total spent rate weight score \
           indicators name level1 level2 target actual kind status deviation note grade met unmet \
           complies summary grades errors warnings; do
  grep -q "\"$key\":" "$OUT" || fail "JSON lacks key $key"
done
expect_out '"rate": 0.7667'
expect_out '"status": "not_applicable"'

case_ "--fail-on none: exit 0 although indicators are unmet"
run eval examples/targets -a examples/actuals --fail-on none
expect_status 0

case_ "--fail-on none --fail-under 98: project 1 (97.67) fails, exit 1"
run eval examples/targets -a examples/actuals --fail-on none --fail-under 98 -f json
expect_status 1
expect_out '"complies": 4'

case_ "--fail-on none --fail-under 97.67: the rounded total passes"
run eval examples/targets -a examples/actuals --fail-on none --fail-under 97.67
expect_status 0

case_ "--fail-under with a bad value is a usage error"
run eval examples/targets -a examples/actuals --fail-under abc
expect_status 2
expect_err "--fail-under takes a score from 0 to 100, not 'abc'"

case_ "--fail-under 0.8 (a share for a score) is a usage error naming the score, not a pass for all"
run eval examples/targets -a examples/actuals --fail-on none --fail-under 0.8
expect_status 2
expect_err "jixiao: error[JX0706]: --fail-under '0.8' looks like a fraction: scores are out of 100; for 80 points write --fail-under 80"
[ ! -s "$OUT" ] || fail "a report was written"
run eval examples/targets -a examples/actuals --fail-on none --fail-under 1 --lang zh
expect_status 2
expect_err "jixiao: 错误[JX0706]: --fail-under 的值“1”像是比例：分数满分为 100，若指 100 分请写 --fail-under 100"
# 0 (no project fails) and anything above 1 are scores.
run eval examples/targets -a examples/actuals --fail-on none --fail-under 0
expect_status 0
run eval examples/targets -a examples/actuals --fail-on none --fail-under 1.5
expect_status 0

case_ "--fail-on with a bad value is a usage error"
run eval examples/targets -a examples/actuals --fail-on sometimes
expect_status 2

case_ "all valid and met: exit 0"
run eval $F/target.yaml -a $F/ok.yaml
expect_status 0

case_ "CSV actuals"
run eval $F/target.yaml -a $F/ok.csv
expect_status 0

case_ "unmet without a note: warnings, exit 1"
run eval $F/target.yaml -a $F/unmet-no-note.yaml
expect_status 1
expect_err "$F/unmet-no-note.yaml:5:7: warning[JX0805]: indicator '设备数量' is unmet (3台 against 4台) but has no note"
expect_err "$F/unmet-no-note.yaml:3:12: warning[JX0806]: project '测试项目' spent 8.5 万元 of 10 万元 (85.00%), below 90% of its budget"

case_ "--strict: the warnings are errors, exit 2"
run eval $F/target.yaml -a $F/unmet-no-note.yaml --strict
expect_status 2
expect_err "$F/unmet-no-note.yaml:5:7: error[JX0805]: indicator '设备数量' is unmet"
# A policy on the exit status: the project is scored and reported as without it.
expect_out "total 89.13 · grade 良 · met 2 · unmet 1 · n/a 0 · complies no"
expect_out "1 project, 0 comply; grades: 优 0, 良 1, 中 0, 差 0; 2 errors, 0 warnings"

case_ "incompatible units (天 vs 个月) located in the actuals"
run eval $F/target.yaml -a $F/bad-unit.yaml
expect_status 2
expect_err "$F/bad-unit.yaml:6:13: error[JX0450]: actual '300天' of indicator '完成时间' cannot be compared with its target '≤12个月'"
expect_err " 6 |       完成时间: 300天"

case_ "incompatible counters in CSV, located at the field"
run eval $F/target.yaml -a $F/bad-unit.csv
expect_status 2
expect_err "$F/bad-unit.csv:3:10: error[JX0450]: actual '4个' of indicator '设备数量' cannot be compared with its target '4台'"

case_ "an actual naming no indicator, with a suggestion"
run eval $F/target.yaml -a $F/typo-indicator.yaml
expect_status 2
expect_err "$F/typo-indicator.yaml:7:7: error[JX0445]: '满意' is not an indicator of project '测试项目': did you mean '满意度'?"
expect_err "$F/typo-indicator.yaml:2:5: error[JX0444]: no actual for indicator '满意度'"

case_ "an actuals entry matching no project"
run eval $F/target.yaml -a $F/stranger.yaml
expect_status 2
expect_err "$F/stranger.yaml:8:5: error[JX0401]: actuals for id 'T-2' match no target project"

case_ "an actuals entry matching no project, in Chinese (--lang zh)"
run eval --lang zh $F/target.yaml -a $F/stranger.yaml
expect_status 2
expect_err "$F/stranger.yaml:8:5: 错误[JX0401]: 编号“T-2”的实际完成值没有对应的目标项目"

case_ "an amount spent that is a list or not an amount"
cat >"$WORK/books.yaml" <<'YAML'
project: 社区图书室设备购置
id: TS-01
year: 2024
unit: 万元
budget: {total: 12.00}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 购置图书数量, target: ≥3000册}
YAML
printf 'projects:\n  - id: TS-01\n    spent: [5.00, 6.50]\n    indicators:\n      购置图书数量: 3120册\n' >"$WORK/list-spent.yaml"
run eval "$WORK/books.yaml" -a "$WORK/list-spent.yaml"
expect_status 2
expect_err "$WORK/list-spent.yaml:3:12: error[JX0257]: 'spent' (全年执行数) must be an amount such as 5.86 or 5.86万元, or a map such as {total: 5.86, fiscal: 5.86}, not a list"
printf 'projects:\n  - id: TS-01\n    spent: 十一万\n    indicators:\n      购置图书数量: 3120册\n' >"$WORK/words-spent.yaml"
run eval "$WORK/books.yaml" -a "$WORK/words-spent.yaml"
expect_status 2
expect_err "$WORK/words-spent.yaml:3:12: error[JX0350]: 'spent' (全年执行数) must be an amount: a number in the project's budget unit (such as 5.86) or with a unit of money (such as 5.86万元 or 58600元), not '十一万'"
run eval --lang zh "$WORK/books.yaml" -a "$WORK/words-spent.yaml"
expect_status 2
expect_err "$WORK/words-spent.yaml:3:12: 错误[JX0350]: "

case_ "a project without actuals; the valid one is still reported"
run eval --lang zh $F/target.yaml $F/other.yaml -a $F/ok.yaml
expect_status 2
expect_err "$F/other.yaml:2:5: 错误[JX0721]: 项目“另一个项目”没有实际完成值：请在实际完成值文件中加一项 \`id: T-9\` 或 \`project: 另一个项目\`"
expect_out "测试项目"
expect_out "共 1 个项目，合规 1 个"

case_ "a target with errors: its actuals are not reported as strays"
run eval $F/bad-target.yaml -a $F/ok.yaml
expect_status 2
expect_err "$F/bad-target.yaml:6:54: error[JX0304]: bad target '4O台'"
expect_no_err "match no target project"

case_ "a year mismatch"
run eval $F/target.yaml -a $F/wrong-year.yaml
expect_status 2
expect_err "$F/wrong-year.yaml:3:5: error[JX0442]: the actuals are for 2023 but project '测试项目' is a 2024 project"

case_ "errors are also in the JSON report"
run eval $F/target.yaml -a $F/bad-unit.yaml -f json
expect_status 2
expect_out '"line": 6'
expect_out '"column": 13'  # at the value, 300天

case_ "--quiet prints only the summary and errors"
run eval examples/targets -a examples/actuals --quiet --lang zh
expect_status 1
expect_out "共 5 个项目，合规 3 个"
expect_no_out "购置设备数量"

case_ "no actuals given is a usage error"
run eval examples/targets
expect_status 2
expect_err "jixiao: error[JX0704]: jixiao eval needs -a,--actuals: Actuals files or directories (YAML or CSV)"
expect_err "Run 'jixiao eval --help' for usage."

case_ "control characters in the input (YAML escapes) never reach the terminal"
run eval tests/fixtures/formats/hostile-target.yaml -a tests/fixtures/formats/hostile-actuals.yaml --color never
grep -q $'\x1b' "$OUT" && fail "an escape character reached stdout"
grep -q $'\x1b' "$ERR" && fail "an escape character reached stderr"
grep -q 'x1b' tests/fixtures/formats/hostile-target.yaml || fail "the fixture no longer holds an escape"

case_ "a CSV file saved as GB18030: read, with a warning; later errors located in the file's own lines and columns"
printf '项目,指标,实际值,说明\r\nT-1,全年执行数,10,\r\nT-1,设备数量,4台,\r\nT-1,完成时间,十个月,\r\nT-1,满意度,95%%,\r\n' |
  iconv -f UTF-8 -t GB18030 > "$WORK/gb.csv"
run eval $F/target.yaml -a "$WORK/gb.csv"
expect_status 2
expect_err "$WORK/gb.csv:1:1: warning[JX0150]: the file is not UTF-8: read as GB18030 (Excel's \"CSV (逗号分隔)\" on a Chinese Windows); check that the line below reads right, and to be sure, save it in Excel with 文件 → 另存为 (File → Save As), file type \"CSV UTF-8(逗号分隔)\""
expect_err " 1 | 项目,指标,实际值,说明"
expect_err "$WORK/gb.csv:4:10: error[JX0449]: indicator '完成时间' has the target '≤12个月': its actual must be a number with a compatible unit, not '十个月'"
expect_err " 4 | T-1,完成时间,十个月,"
printf '项目,指标,实际值,说明\r\nT-1,全年执行数,10,\r\nT-1,设备数量,4台,\r\nT-1,完成时间,10个月,\r\nT-1,满意度,95%%,\r\n' |
  iconv -f UTF-8 -t GB18030 > "$WORK/gb.csv"
run eval $F/target.yaml -a "$WORK/gb.csv"
expect_status 0
expect_out "total 100.00"
run eval --strict $F/target.yaml -a "$WORK/gb.csv"
expect_status 2

case_ "a CSV file neither UTF-8 nor GB18030: how to save it from Excel, and no error per project"
printf 'project,indicator,value,note\nT-1,spent,10,caf\xe9\n' > "$WORK/latin1.csv"
run eval $F/target.yaml -a "$WORK/latin1.csv"
expect_status 2
expect_err "$WORK/latin1.csv:2:17: error[JX0152]: the file is neither UTF-8 nor GB18030 (byte 0xE9 here): save it in Excel with 文件 → 另存为 (File → Save As), file type \"CSV UTF-8(逗号分隔)\""
expect_err "$F/target.yaml:3:5: error[JX0722]: target project '测试项目' has no actuals entry, but the actuals file '$WORK/latin1.csv' could not be read in full (see the errors above): fix it first; the entry may be there"
expect_no_err "add one with"

case_ "CSV headers in Chinese, with the empty columns Excel leaves"
printf '\xef\xbb\xbf项目名称,指标名称,完成值,备注,,,\r\nT-1,spent,10,,,,\r\nT-1,设备数量,4台,,,,\r\nT-1,完成时间,10个月,,,,\r\nT-1,满意度,95%%,,,,\r\n,,,,,,\r\n' > "$WORK/zh.csv"
run eval $F/target.yaml -a "$WORK/zh.csv"
expect_status 0
expect_err_empty
expect_out "total 100.00"
printf '项目,指标,实际值,说明,,\nT-1,spent,10,,x,\n' > "$WORK/extra.csv"
run eval $F/target.yaml -a "$WORK/extra.csv"
expect_status 2
expect_err "$WORK/extra.csv:2:1: error[JX0159]: this row has 5 fields, but the header has 4 columns: a value holding a comma must be in double quotes, such as \"1,165,200元\""

case_ "CSV: the 自评表's 偏差原因分析及改进措施 (or 偏差原因分析) is the note column"
for h in 偏差原因分析及改进措施 偏差原因分析; do
  printf '项目,三级指标,实际完成值,%s\nT-1,全年执行数,10,\nT-1,设备数量,3台,供应商延期交货，已于次年一月补齐\nT-1,完成时间,10个月,\nT-1,满意度,95%%,\n' "$h" > "$WORK/note-$h.csv"
  # The unmet indicator has its note: no JX0805, even under --strict.
  run eval --strict $F/target.yaml -a "$WORK/note-$h.csv" -f json
  expect_status 1
  expect_no_err "JX0155"
  expect_no_err "JX0805"
  expect_out '"note": "供应商延期交货，已于次年一月补齐"'
done
# Beside another note column, one too many, as 偏差原因 beside 备注 is in eval.
printf '项目,指标,实际值,偏差原因分析及改进措施,备注\nT-1,spent,10,,\n' > "$WORK/two-notes.csv"
run eval $F/target.yaml -a "$WORK/two-notes.csv" --lang zh
expect_status 2
expect_err "$WORK/two-notes.csv:1:23: 错误[JX0156]: 列“偏差原因分析及改进措施”（第 4 列）和“备注”都是 note 列：只保留一个"
run eval $F/target.yaml -a "$WORK/two-notes.csv"
expect_status 2
expect_err "$WORK/two-notes.csv:1:23: error[JX0156]: columns '偏差原因分析及改进措施' (column 4) and '备注' both name the note column: keep one of them"

# The template's sheet as a finance officer filled it in: a 全年预算数 row
# with its note, what was achieved typed over the goals in 指标值, a note on
# the 实际完成情况 row. None of it may be dropped without a word.
cat >"$WORK/goals.yaml" <<'EOF'
project: 运维项目
id: CZ-01
year: 2024
unit: 元
budget: {total: 850000}
goals: 保障系统全年稳定运行
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 运维系统数量, target: ≥3个}
EOF
printf '\xEF\xBB\xBF项目,一级指标,二级指标,指标,指标值,实际值,说明\r\nCZ-01,,,全年执行数,预算 850000 元（运维项目）,"796,500",\r\nCZ-01,,,全年预算数,,"800,000",年中预算调减5万元\r\nCZ-01,,,实际完成情况,全年系统可用率99.8%%,,另附运维报告\r\nCZ-01,产出指标,数量指标,运维系统数量,≥3个,3,\r\n' >"$WORK/rows.csv"
case_ "CSV: the 全年预算数 row's note is the project's; the 实际完成情况 row's note and edited 指标值 are warned of"
run eval "$WORK/goals.yaml" -a "$WORK/rows.csv" -f json
expect_status 0
expect_out '"note": "年中预算调减5万元"'
expect_err "$WORK/rows.csv:4:30: warning[JX0167]: the '说明' cell of the '实际完成情况' row is not read, so '另附运维报告' appears in no report: what the overall goals came to goes in this row's '实际值' cell (it fills the 自评表's 实际完成情况)"
expect_err "$WORK/rows.csv:4:16: warning[JX0455]: the 实际完成情况 row of project '运维项目' has '全年系统可用率99.8%' in its 指标值 column, but the target file's overall goals are '保障系统全年稳定运行' ($WORK/goals.yaml:1): the column is for reference only and is not read, and the row's value column is empty, so the forms' 实际完成情况 stays blank"
run eval "$WORK/goals.yaml" -a "$WORK/rows.csv" --lang zh
expect_status 0
expect_err "$WORK/rows.csv:4:30: 警告[JX0167]: “实际完成情况”一行的“说明”格不读取，这里写的“另附运维报告”不会出现在任何报告中"
expect_err "$WORK/rows.csv:4:16: 警告[JX0455]: 项目“运维项目”实际完成情况一行的指标值列写的是“全年系统可用率99.8%”，而目标表的年度总体目标是“保障系统全年稳定运行”"
expect_err "表中的“实际完成情况”因此空白：请把完成情况写在这一行的实际值列"
# Written as the template means it: silent, and the text is the achieved.
printf '项目,指标,指标值,实际值,说明\nCZ-01,全年执行数,,796500,结余上缴\nCZ-01,实际完成情况,保障系统全年稳定运行,全年无重大故障,\nCZ-01,运维系统数量,≥3个,3,\n' >"$WORK/rows-ok.csv"
run eval "$WORK/goals.yaml" -a "$WORK/rows-ok.csv" -f json
expect_status 0
expect_err_empty
expect_out '"note": "结余上缴"'

# An amount spent typed as 816,500 without quotes: two cells, 816 and a
# note 500. JX0164 says so and how to fix it; 816 against the budget of
# 850000 元 must not also be a unit slip (JX0803, "write 816000 or 816千元"),
# nor a budget split so blame the amount spent.
printf '项目,一级指标,二级指标,指标,指标值,实际值,说明\r\nCZ-01,,,全年执行数,预算 850000 元（运维项目）,816,500\r\nCZ-01,,,实际完成情况,保障系统全年稳定运行,全年无重大故障,\r\nCZ-01,产出指标,数量指标,运维系统数量,≥3个,3,\r\n' >"$WORK/split-spent.csv"
case_ "CSV: an amount split by its thousands comma is JX0164 alone, with no unit slip advised"
run eval "$WORK/goals.yaml" -a "$WORK/split-spent.csv"
expect_status 2
expect_err "$WORK/split-spent.csv:2:33: error[JX0164]: '816' in the column '实际值' and the next cell '500' look like one number, '816,500', split in two by its thousands comma: put the value in double quotes, \"816,500\""
expect_no_err "JX0803"
expect_out "1 error, 0 warnings"
printf '项目,指标,实际值,说明\nCZ-01,全年执行数,"816,500",\nCZ-01,全年预算数,900,000\nCZ-01,运维系统数量,3,\n' >"$WORK/split-budget.csv"
run eval "$WORK/goals.yaml" -a "$WORK/split-budget.csv"
expect_status 2
expect_err "$WORK/split-budget.csv:3:13: error[JX0164]: '900' in the column '实际值' and the next cell '000' look like one number, '900,000'"
expect_no_err "JX0803"
expect_out "1 error, 0 warnings"

# A 全年预算数 row added by hand, the adjusted budget typed in its 指标值
# cell as well as (or instead of) its value cell: the 指标值 cell is read
# nowhere, which is said at it, naming where the budget is read from.
printf '项目,一级指标,二级指标,指标,指标值,实际值,说明\r\nCZ-01,,,全年执行数,预算 850000 元（运维项目）,796500,\r\nCZ-01,,,全年预算数,调整后 800000 元,800000,年中调减\r\nCZ-01,,,实际完成情况,保障系统全年稳定运行,全年无重大故障,\r\nCZ-01,产出指标,数量指标,运维系统数量,≥3个,3,\r\n' >"$WORK/budget-target.csv"
case_ "CSV: JX0169, text in the 指标值 cell of the 全年预算数 row is said at it"
run eval "$WORK/goals.yaml" -a "$WORK/budget-target.csv"
expect_status 0
expect_err "$WORK/budget-target.csv:3:15: warning[JX0169]: the '指标值' cell of the '全年预算数' row is not read, so '调整后 800000 元' is taken as no budget: the budget after adjustment is read from this row's '实际值' cell ('800000'), the budget at the start of the year from the target file"
expect_out "1 project, 1 complies"
expect_out "0 errors, 1 warning"
run eval "$WORK/goals.yaml" -a "$WORK/budget-target.csv" --lang zh
expect_err "$WORK/budget-target.csv:3:15: 警告[JX0169]: “全年预算数”一行的“指标值”格不读取，这里写的“调整后 800000 元”不作预算：调整后的全年预算数读这一行的“实际值”格（“800000”）"
# The spending row copied to make the budget row: its reference text kept
# is no budget typed in the wrong cell.
sed 's/全年预算数,调整后 800000 元,/全年预算数,预算 850000 元（运维项目）,/' "$WORK/budget-target.csv" >"$WORK/budget-copied.csv"
run eval "$WORK/goals.yaml" -a "$WORK/budget-copied.csv"
expect_status 0
expect_err_empty

# The project column merged in Excel: only each project's first row keeps
# its project. One error per run of empty cells, saying so; no "no actual"
# for the indicators on those rows.
cat >"$WORK/merged.yaml" <<'EOF'
project: 运维项目
id: CZ-01
year: 2024
budget: {total: 85}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 运维系统数量, target: ≥3个}
  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 预算单位满意度, target: ≥90%}
EOF
printf '项目,一级指标,二级指标,指标,指标值,实际值,说明\r\nCZ-01,,,全年执行数,预算 85 万元（运维项目）,79.65,\r\n,,,实际完成情况,保障系统稳定运行,全年无重大故障,\r\n,产出指标,数量指标,运维系统数量,≥3个,3,\r\n,满意度指标,服务对象满意度指标,预算单位满意度,≥90%%,96.5%%,\r\n' >"$WORK/merged.csv"
case_ "CSV: a merged project column is one error naming its rows, and no indicator lacks its actual"
run eval "$WORK/merged.yaml" -a "$WORK/merged.csv"
expect_status 2
expect_err "$WORK/merged.csv:3:1: error[JX0166]: the '项目' cells of lines 3–5 are empty, under 'CZ-01' on line 2: most likely the column's cells were merged in Excel (saved as CSV, only the first row keeps the text): unmerge the cells, fill each project down to its rows and save as CSV again (jixiao explain JX0166 says how); these rows were not read"
expect_out "1 error, 0 warnings"
expect_no_err "JX0160"
expect_no_err "JX0444"
expect_no_err "JX0443"
run eval "$WORK/merged.yaml" -a "$WORK/merged.csv" --lang zh
expect_status 2
expect_err "$WORK/merged.csv:3:1: 错误[JX0166]: 第 3–5 行的“项目”单元格都是空的，而上面第 2 行是“CZ-01”：多半是在 Excel 中合并了这一列的单元格（另存为 CSV 后只有第一行留有内容）：请在 Excel 中取消合并单元格，把项目向下填充到每一行，再另存为 CSV（jixiao explain JX0166 说明做法）；这些行没有读取"

case_ "CSV: a quote left open on one line, closed by a later cell's quote, is said at the open quote"
# Line 3's note lacks its closing quote; line 4 is valid.
printf '\xEF\xBB\xBF项目,指标,实际值,说明\r\nT-1,全年执行数,"9,500",结余上缴\r\nT-1,设备数量,3台,"按合同验收\r\nT-1,满意度,96.5%%,"问卷300份, 回收率98%%"\r\n' >"$WORK/open-quote.csv"
run eval $F/target.yaml -a "$WORK/open-quote.csv"
expect_status 2
expect_err "$WORK/open-quote.csv:3:13: error[JX0134]: the field this quote opens is not closed on its line: it runs on to the quote on line 4, column 15, after which comes '问卷300份': most likely a closing '\"' is missing here; add it (write a quote inside a quoted field as \"\")"
expect_no_err "JX0135"
run eval $F/target.yaml -a "$WORK/open-quote.csv" --lang zh
expect_status 2
expect_err "$WORK/open-quote.csv:3:13: 错误[JX0134]: 这个引号开始的字段在这一行没有收尾的“\"”，一直读到第 4 行第 15 列的引号才结束，后面又多了“问卷300份”：多半是这里漏写了收尾的“\"”，请补上"

case_ "a YAML slip in an actuals file is one error, not one per project"
printf 'projects:\n  - id: T-1\n    spent: 10\n    indicators:\n      设备数量：4台\n      完成时间: 10个月\n' > "$WORK/slip.yaml"
run eval $F/target.yaml -a "$WORK/slip.yaml"
expect_status 2
expect_err "$WORK/slip.yaml:5:11: error[JX0125]: full-width colon '：' after '设备数量': YAML needs an ASCII colon and a space: write '设备数量: 4台'"
expect_err "$F/target.yaml:3:5: error[JX0722]: target project '测试项目' has no actuals entry, but the actuals file '$WORK/slip.yaml' could not be read in full (see the errors above): fix it first; the entry may be there"
[ "$(grep -cE ': error(\[JX[0-9]{4}\])?: ' "$ERR")" -eq 2 ] || fail "expected exactly two errors"
# The slip on the last line of the file: the key and its value run together.
printf 'projects:\n  - id: T-1\n    spent: 10\n    indicators:\n      设备数量: 4台\n      完成时间: 10个月\n      满意度：95%%\n' > "$WORK/last.yaml"
run eval $F/target.yaml -a "$WORK/last.yaml"
expect_status 2
expect_err "$WORK/last.yaml:7:10: error[JX0125]: full-width colon '：' after '满意度': YAML needs an ASCII colon and a space: write '满意度: 95%'"

case_ "a missing actuals file is one error for all the projects"
run eval examples/targets -a "$WORK/none.yaml"
expect_status 2
expect_err "$WORK/none.yaml: error[JX0101]: no such file or directory"
expect_err "examples/targets/01-radiation-safety.yaml:7:5: error[JX0722]: 5 target projects have no actuals entry ('2024年度天津市辐射环境执法安全防护能力提升项目', '2024年度天津市生态环境移动执法能力提升与服务项目', '2024年度天津市生态环境有奖举报项目' and 2 more), but the actuals file '$WORK/none.yaml' could not be read in full (see the errors above): fix it first; their entries may be there"
[ "$(grep -cE ': error(\[JX[0-9]{4}\])?: ' "$ERR")" -eq 2 ] || fail "expected exactly two errors"

case_ "template: a skeleton with every project and indicator"
run template examples/targets
expect_status 0
expect_out "year: 2024"
expect_out "  - id: TJ-362303-2024-01"
expect_out "      购置设备数量:    # target 4台 (产出指标 / 数量指标) — value with unit"
[ "$(grep -c '^  - id:' "$OUT")" -eq 5 ] || fail "expected 5 projects"

case_ "template -f csv: an indicator named like a formula reads back from the filled-in sheet"
printf 'project: 公式项目\nid: F-1\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: "=SUM(A1)", target: 4台}\n  - {level1: 产出指标, level2: 数量指标, name: "- 完成: 年底 #1", target: 2台}\n' >"$WORK/formula.yaml"
run template "$WORK/formula.yaml" -f csv -o "$WORK/formula.csv"
expect_status 0
grep -qF "'=SUM(A1)" "$WORK/formula.csv" || fail "the name is not neutralised for Excel"
# Filled in as a unit would: the spent row and each 实际值, the rest as written.
sed 's/\r$//' "$WORK/formula.csv" |
  sed -e 's/,4台,,$/,4台,4台,/; s/,2台,,$/,2台,2台,/; s/全年执行数,\(.*\),,$/全年执行数,\1,9,/' >"$WORK/filled.csv"
run eval "$WORK/formula.yaml" -a "$WORK/filled.csv" -f json
expect_status 0
python3 - "$OUT" <<'EOF' || fail "the filled-in template is not scored"
import json, sys
p = json.load(open(sys.argv[1]))["projects"][0]
assert [i["status"] for i in p["indicators"]] == ["met", "met"], p["indicators"]
EOF

case_ "a project that names no department is listed as 未注明部门 in the department tables"
printf -- '---\nproject: 甲\nid: D-1\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n---\nproject: 乙\nid: D-2\nyear: 2024\ndepartment: {code: "9", name: 某局}\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n' >"$WORK/nodept.yaml"
printf 'projects:\n  - {id: D-1, spent: 10, indicators: {数量: 4台}}\n  - {id: D-2, spent: 10, indicators: {数量: 4台}}\n' >"$WORK/nodept-actuals.yaml"
run eval "$WORK/nodept.yaml" -a "$WORK/nodept-actuals.yaml" --lang zh -f text -f markdown="$WORK/nodept.md"
expect_status 0
expect_out_re "^  未注明部门 +1 "
grep -qF "| 未注明部门 | 1 |" "$WORK/nodept.md" || fail "markdown: no 未注明部门 row"

case_ "template --lang zh: the skeleton's comments in Chinese"
run template tests/fixtures/monitor/targets.yaml --lang zh
expect_status 0
expect_out "#   jixiao eval 目标表 -a 本文件"
expect_out "    spent:    # 全年执行数，单位 万元"
expect_out "      设备数量:    # 指标值 4台（产出指标 / 数量指标）—— 带单位的数值"
expect_out "      完成时间:    # 指标值 ≤2024-09-30（产出指标 / 时效指标）—— 日期，如 2024-11-20"
expect_out "      执法能力:    # 指标值 显著提升（效益指标 / 社会效益指标）—— {grade: 达成|部分达成|未达成, note: …}"
expect_no_out "amount spent"
expect_no_out "target 4台"

case_ "template filled in, then eval: exit 0"
run template $F/target.yaml -o "$WORK/filled.yaml"
expect_status 0
sed -i -e 's/^    spent: .*/    spent: 10/' -e 's/^      设备数量: .*/      设备数量: 4台/' \
       -e 's/^      完成时间: .*/      完成时间: 11个月/' -e 's/^      满意度: .*/      满意度: 92%/' "$WORK/filled.yaml"
run eval --lang zh $F/target.yaml -a "$WORK/filled.yaml"
expect_status 0
expect_out "总分 100.00"

case_ "template not filled in: eval says what is missing, where"
run template $F/target.yaml -o "$WORK/empty.yaml"
run eval $F/target.yaml -a "$WORK/empty.yaml"
expect_status 2
expect_err_re "empty.yaml:[0-9]+:[0-9]+: error\[JX0256\]: .*spent"

case_ "template not filled in: the empty spent is reported on its own line"
run template $F/target.yaml -o "$WORK/unfilled.yaml"
grep -n '^    spent:' "$WORK/unfilled.yaml" | grep -q '^8:' || fail "the skeleton's spent is not on line 8"
run eval $F/target.yaml -a "$WORK/unfilled.yaml"
expect_status 2
expect_err "$WORK/unfilled.yaml:8:5: error[JX0256]: empty 'spent' (全年执行数): expected the amount spent in the year, in the project's budget unit, such as 5.86"
expect_err " 8 |     spent:    # amount spent, in 万元"

case_ "template over a target file with an error: the error, then that nothing was written"
mkdir -p "$WORK/tpl-in"
cp examples/targets/01-radiation-safety.yaml "$WORK/tpl-in/"
printf 'project: 坏项目\nid: B-1\nyear: 2024\nbudget: {total: 1}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 甲, target: ≥9O%%}\n' >"$WORK/tpl-in/bad.yaml"
run template "$WORK/tpl-in" -f csv="$WORK/tpl.csv" --lang zh
expect_status 2
expect_err "$WORK/tpl-in/bad.yaml:6:51: 错误[JX0304]"
expect_err "模板未写出：有 1 个错误（见上），改正后再运行；模板只在输入全部正确时写出"
[ ! -e "$WORK/tpl.csv" ] || fail "a template was written"

case_ "template -f csv: a sheet for Excel, BOM and CRLF, one row per indicator"
run template $F/target.yaml -f csv
expect_status 0
printf '\xef\xbb\xbf项目,一级指标,二级指标,指标,指标值,实际值,说明\r\nT-1,,,全年执行数,budget 10 万元（测试项目）,,\r\nT-1,,,实际完成情况,,,\r\nT-1,产出指标,数量指标,设备数量,4台,,\r\nT-1,产出指标,时效指标,完成时间,≤12个月,,\r\nT-1,满意度指标,服务对象满意度指标,满意度,≥90%%,,\r\n' > "$WORK/expected.csv"
expect_same "$WORK/expected.csv"
# The hint for a person in the run's language; the header is the reader's.
run template $F/target.yaml -f csv --lang zh
expect_out "T-1,,,全年执行数,预算 10 万元（测试项目）,,"

case_ "template -f csv: goals that end their sentence are joined without a '；' after the '。'"
sed 's/^indicators:/goals:\n  - 全面完成设备购置。\n  - 执法能力显著提升\n  - 群众满意\nindicators:/' $F/target.yaml >"$WORK/goals.yaml"
run template "$WORK/goals.yaml" -f csv
expect_status 0
expect_out "T-1,,,实际完成情况,全面完成设备购置。执法能力显著提升；群众满意,,"

case_ "template -o FILE.csv writes the CSV sheet; filled in, eval -a reads it back"
run template $F/target.yaml -o "$WORK/sheet.csv"
expect_status 0
cmp -s "$WORK/sheet.csv" "$WORK/expected.csv" || fail "-o sheet.csv is not the CSV skeleton"
# What a person does in Excel: fill in the 实际值 column (the one before the
# last) and save.
awk -F, 'BEGIN { OFS = ","; v["全年执行数"] = "10"; v["设备数量"] = "4台"; v["完成时间"] = "11个月"; v["满意度"] = "92%"
                 v["实际完成情况"] = "全部完成" }
         NR > 1 { $6 = v[$4] } { print }' "$WORK/sheet.csv" > "$WORK/filled.csv"
run eval $F/target.yaml -a "$WORK/filled.csv"
expect_status 0
expect_err_empty
expect_out "total 100.00"
run eval $F/target.yaml -a "$WORK/filled.csv" -f json
expect_out '"achieved": "全部完成"'

case_ "a target or budget edited in the filled-in sheet: warned of at its cell, the target file's used"
# 设备数量 4台 made 5台 and the budget 10 made 12 in the sheet's 指标值
# column; 满意度 ≥90% written ≥ 90.0% (the same target) is not said.
awk -F, 'BEGIN { OFS = "," }
         $4 == "全年执行数" { $5 = "预算 12 万元（测试项目）" }
         $4 == "设备数量" { $5 = "5台" } $4 == "满意度" { $5 = "≥ 90.0%" } { print }' \
  "$WORK/filled.csv" > "$WORK/edited.csv"
run eval $F/target.yaml -a "$WORK/edited.csv"
expect_status 0
expect_out "total 100.00"
expect_err "$WORK/edited.csv:2:13: warning[JX0455]: the spending row of project '测试项目' gives the budget as '12 万元', but the target file has 10 万元 ($F/target.yaml:2): only the target file's is used"
expect_err "$WORK/edited.csv:4:20: warning[JX0455]: the row of indicator '设备数量' of project '测试项目' gives its target as '5台', but the target file has '4台' ($F/target.yaml:7): only the target file's is used"
expect_no_err "满意度"
run eval $F/target.yaml -a "$WORK/edited.csv" --strict --lang zh
expect_status 2
expect_err "$WORK/edited.csv:4:20: 错误[JX0455]: 项目“测试项目”的指标“设备数量”这一行的指标值是“5台”，而目标表中是“4台”"

case_ "the forms' header 年度指标值 is the 指标值 column: read, and compared as it is"
sed '1s/,指标值,/,年度指标值,/' "$WORK/edited.csv" > "$WORK/form-header.csv"
run eval $F/target.yaml -a "$WORK/form-header.csv"
expect_status 0
expect_no_err "JX0155"
expect_out "total 100.00"
expect_err "$WORK/form-header.csv:4:20: warning[JX0455]: the row of indicator '设备数量' of project '测试项目' gives its target as '5台', but the target file has '4台'"

case_ "an unknown key in an indicator's long form: the message all in Chinese under --lang zh"
printf 'projects:\n  - id: T-1\n    spent: 10\n    indicators:\n      设备数量: {value: 4台, forcast: 4台}\n      完成时间: 11个月\n      满意度: 92%%\n' >"$WORK/slip.yaml"
run eval $F/target.yaml -a "$WORK/slip.yaml" --lang zh
expect_status 2
expect_err "$WORK/slip.yaml:5:25: 错误[JX0201]: 指标的实际完成值中有未知的键“forcast”"
expect_no_err "an indicator's actual"

case_ "template -o FILE.CSV: the extension in any case, as the readers take it"
run template $F/target.yaml -o "$WORK/SHEET.CSV"
expect_status 0
cmp -s "$WORK/SHEET.CSV" "$WORK/expected.csv" || fail "-o SHEET.CSV is not the CSV skeleton"

case_ "template -f csv not filled in: each empty cell is an error at its cell"
run eval $F/target.yaml -a "$WORK/sheet.csv"
expect_status 2
expect_err "$WORK/sheet.csv:2:32: error[JX0256]: the '全年执行数' row of project 'T-1' has no amount: expected the amount spent in the year (全年执行数), such as 5.86"
expect_err "$WORK/sheet.csv:4:23: error[JX0331]: the actual of indicator '设备数量' is empty: expected the actual value (such as 4台 or 100%), 不适用, or a grade (达成, 部分达成 or 未达成)"

case_ "--show-work: the arithmetic under each indicator, golden in Chinese"
run eval --lang zh examples/targets -a examples/actuals --show-work
expect_status 1
expect_golden $G/eval-examples-work.txt
expect_out "得分率 = B / A = "
expect_err_empty

case_ "--show-work in English"
run eval --lang en examples/targets -a examples/actuals --show-work
expect_status 1
expect_golden $G/eval-examples-work-en.txt
expect_out "ratio = B / A = "

case_ "--show-work -f json: each work object redone by hand adds up to the report's figures"
run eval examples/targets examples/extra/qualitative-target.yaml -a examples/actuals \
  -a examples/extra/qualitative-actuals.yaml --show-work -f json
expect_status 1
python3 - "$OUT" <<'PY' || fail "a work object does not hold its own arithmetic"
import json, sys
from fractions import Fraction as F
def x(t):
    return F(t)  # "44/45" and "12.5" alike
doc = json.load(open(sys.argv[1]))
seen = set()
for p in doc["projects"]:
    b = p["budget"]["work"]
    rate = x(b["spent"]) / x(b["budget"])
    assert x(b["rate"]) == rate, b
    assert x(b["score"]) == min(rate, 1) * x(b["weight"]), b
    total = x(b["score"])
    for i in p["indicators"]:
        w = i["work"]
        seen.add(w["formula"])
        if w["split"] == "pool":
            assert x(w["nominal_weight"]) == x(w["pool_weight"]) * x(w["redistribution"]) / w["pool_indicators"], w
            assert x(w["redistribution"]) == x(w["indicator_weight"]) / x(w["used_weight"]), w
        if w["formula"] == "not_applicable":
            assert x(w["weight"]) == 0 and x(w["score"]) == 0, w
        else:
            assert x(w["weight"]) == x(w["nominal_weight"]) * x(w["rescale_s"]) / x(w["rescale_r"]), w
        raw = {"positive": lambda: x(w["b"]) / x(w["a"]),
               "reverse": lambda: x(w["a"]) / x(w["b"]),
               "reverse_linear": lambda: 1 - (x(w["b"]) - x(w["a"])) / x(w["a"])}.get(w["formula"])
        if raw:
            assert x(w["raw"]) == raw(), w
            assert x(w["ratio"]) == min(max(raw(), 0), 1), w
        if w["formula"] == "met":
            assert x(w["ratio"]) == 1, w
        assert x(w["score"]) == x(w["weight"]) * x(w["ratio"]), w
        assert float(x(w["score_rounded"])) == i["score"] or x(w["score_rounded"]) == F(str(i["score"])), (w, i["score"])
        assert w["text"], w
        total += x(w["score"])
    assert abs(total - F(str(p["score"]))) <= F(1, 200), (total, p["score"])
assert "positive" in seen and "not_applicable" in seen and "grade" in seen, seen
PY

case_ "without --show-work the JSON has no work object"
run eval examples/targets -a examples/actuals -f json
expect_status 1
grep -q '"work"' "$OUT" && fail "a work object without --show-work"

finish
