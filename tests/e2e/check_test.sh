#!/usr/bin/env bash
# End-to-end tests of `jixiao check`: exit status, located messages, output.
source "$(dirname "$0")/lib.sh"
F=tests/fixtures/check

case_ "the examples are valid"
run check --lang zh examples/targets
expect_status 0
expect_out "5 个项目"
expect_err_empty

case_ "a file or directory named twice by two paths is read once"
ln -s "$PWD/examples/targets" "$WORK/targets-link"
run check --lang zh examples/targets "./examples/targets/" "$WORK/targets-link" \
  "$PWD/examples/targets/01-radiation-safety.yaml"
expect_status 0
expect_out "5 个项目"
expect_err_empty
run eval examples/targets -a examples/actuals "./examples/actuals/" -f json
expect_status 1
expect_out '"projects": 5,'
expect_no_err "JX0402"

case_ "check also accepts the examples directory with actuals inside"
run check examples/
expect_status 0

case_ "--lang en summary"
run check --lang en examples/targets
expect_status 0
expect_out "checked 4 files: 5 projects, 35 indicators; 0 errors, 0 warnings"

case_ "actuals files beside the targets are validated as actuals"
run check $F/with-actuals
expect_status 2
expect_err "$F/with-actuals/actuals.yaml:3:12: error[JX0351]: 'spent' (全年执行数) must not be negative"

case_ "a CSV sheet of actuals given to check: what it is and how it is checked, at its header"
printf '\xEF\xBB\xBF项目,指标,实际值,说明\r\nCZ-01,全年执行数,"796,500",\r\nCZ-01,运维系统数量,3,\r\n' >"$WORK/actuals.csv"
run check "$WORK/actuals.csv"
expect_status 2
expect_err "$WORK/actuals.csv:1:1: error[JX0139]: this is a CSV file of actuals (header '项目,指标,实际值,说明'), not a target file: target files (YAML) are read here, and check checks target files only; actuals are checked against their targets: jixiao eval TARGETS.yaml -a $WORK/actuals.csv (a progress file: jixiao monitor TARGETS.yaml -a $WORK/actuals.csv)"
expect_no_err "JX0230"
run check "$WORK/actuals.csv" --lang zh
expect_status 2
expect_err "$WORK/actuals.csv:1:1: 错误[JX0139]: 这是实际完成值的 CSV 文件（表头“项目,指标,实际值,说明”），不是目标表：这里读的是目标表（YAML 文件），check 只检查目标表；实际完成值要对照目标表检查：jixiao eval 目标表.yaml -a $WORK/actuals.csv"
# A progress sheet, named otherwise: by its header.
printf '项目,指标,实际值,全年预计完成情况\n,截至日期,2024-07-31,\n' >"$WORK/progress.txt"
run check "$WORK/progress.txt"
expect_status 2
expect_err "$WORK/progress.txt:1:1: error[JX0139]: this is a CSV progress file (header '项目,指标,实际值,全年预计完成情况'), not a target file"
expect_err "jixiao monitor TARGETS.yaml -a $WORK/progress.txt"

case_ "a valid minimal file"
run check $F/valid-minimal.yaml
expect_status 0

case_ "x- keys are ignored"
run check $F/x-keys.yaml
expect_status 0
expect_err_empty

# error class: file:line:column, exit 2, and a message that says what was expected
check_error() {  # NAME FILE LOCATION MESSAGE [CODE]
  case_ "$1"
  run check "$2"
  expect_status 2
  expect_err "$3: error${5:+[$5]}: $4"
}

check_error "unknown key with a suggestion" $F/unknown-key.yaml "$F/unknown-key.yaml:7:5" "unknown key 'nmae' in an indicator: did you mean 'name'?" JX0201
expect_err "missing required key 'name' in an indicator"
check_error "duplicate key" $F/duplicate-key.yaml "$F/duplicate-key.yaml:4:1" "duplicate key 'year' (first given on line 2)" JX0202
check_error "level2 under the wrong level1" $F/wrong-level2.yaml "$F/wrong-level2.yaml:6:13" "二级指标 (level2) '数量指标' belongs to 产出指标, not to 效益指标" JX0242
check_error "unknown level1 with a suggestion" $F/unknown-level1.yaml "$F/unknown-level1.yaml:5:13" "unknown 一级指标 (level1) '产出指票': did you mean '产出指标'?" JX0240
check_error "fiscal + other != total" $F/budget-sum.yaml "$F/budget-sum.yaml:5:11" "fiscal (6.00) + other (3.00) = 9, but total is 10.00" JX0237
check_error "weights all or none" $F/weights-partial.yaml "$F/weights-partial.yaml:6:5" "indicator '乙' has no 'weight', but others do" JX0244
check_error "weights add up to 90" $F/weights-sum.yaml "$F/weights-sum.yaml:5:3" "indicator weights add up to 89, but must add up to 90" JX0245
check_error "a bad target value" $F/bad-target.yaml "$F/bad-target.yaml:8:13" "bad target '≥9O%'" JX0304
check_error "duplicate indicator names" $F/duplicate-indicator.yaml "$F/duplicate-indicator.yaml:6:5" "indicator name '购置设备数量' is given twice in this project (first on line 5)" JX0243
check_error "a missing required key" $F/missing-key.yaml "$F/missing-key.yaml:1:1" "missing required key 'year' in a target project" JX0204
check_error "010 is ten, not octal eight" $F/octal-year.yaml "$F/octal-year.yaml:2:7" "'year' must be a whole number from 1950 to 2100, not the number 010" JX0207
check_error ".nan is not an amount" $F/nan-budget.yaml "$F/nan-budget.yaml:3:17" "'total' must be an exact decimal number, not '.nan'" JX0208
check_error "a number too large" $F/huge-budget.yaml "$F/huge-budget.yaml:3:17" "'total' is too large" JX0209
check_error "a file that is a scalar" $F/scalar.yaml "$F/scalar.yaml:1:1" "expected a target project (a map with project, year, budget and indicators), not the text 'just some text'" JX0230
check_error "a file that is a list" $F/list.yaml "$F/list.yaml:1:1" "expected a target project (a map with project, year, budget and indicators), not a list" JX0230
check_error "a stray comma does not hang" $F/stray-comma.yaml "$F/stray-comma.yaml:1:1" "unexpected ','" JX0120
expect_no_err "empty document"
check_error ".inf is not a target" $F/inf-target.yaml "$F/inf-target.yaml:5:54" "bad target '.inf': .nan and .inf are not values" JX0310
check_error "the same project id in two files" $F/dup-ids "$F/dup-ids/b.yaml:2:5" "project id 'P-1' is used twice in this run (first at $F/dup-ids/a.yaml:2:5)" JX0441

case_ "an empty file"
run check $F/empty.yaml
expect_status 2
expect_err "$F/empty.yaml: error[JX0249]: the file holds no YAML document"

case_ "the same problems in Chinese, with the same codes (--lang zh)"
run check --lang zh $F/unknown-level1.yaml
expect_status 2
expect_err "$F/unknown-level1.yaml:5:13: 错误[JX0240]: 未知的一级指标（level1）“产出指票”：是否应为“产出指标”？"
run check --lang zh $F/budget-sum.yaml
expect_status 2
expect_err "$F/budget-sum.yaml:5:11: 错误[JX0237]: fiscal（6.00） + other（3.00） = 9，而 total 为 10.00：各部分之和应等于总数（未填的部分按 0 计）"
run check --lang zh $F/weights-sum.yaml
expect_status 2
expect_err "$F/weights-sum.yaml:5:3: 错误[JX0245]: 各指标分值之和为 89，应为 90（允许 ±0.01）"
run check --lang zh $F/empty.yaml
expect_status 2
expect_err "$F/empty.yaml: 错误[JX0249]: 文件中没有任何 YAML 文档：应至少有一个目标项目"

case_ "含 without a comparator; a pool given twice in a rules file"
sed 's/target: 4台}/target: 4台（含）}/' $F/valid-minimal.yaml >"$WORK/inclusive.yaml"
run check "$WORK/inclusive.yaml"
expect_status 2
expect_err_re "inclusive.yaml:[0-9]+:[0-9]+: error\[JX0315\]: bad target '4台（含）': '4台\(含\)' says whether its bound is included \(含\) but not which way it is judged"
printf 'pools:\n  产出指标: 50\n  效益指标: 30\n  满意度指标: 5\n  "满意度指标 ": 5\n' >"$WORK/pools-twice.yaml"
run check --rules "$WORK/pools-twice.yaml" $F/valid-minimal.yaml
expect_status 2
expect_err "$WORK/pools-twice.yaml:5:3: error[JX0507]: pool '满意度指标' is given twice"

case_ "a file with only a comment"
run check $F/comment-only.yaml
expect_status 2
expect_err "$F/comment-only.yaml: error[JX0249]: the file holds no YAML document"

case_ "the source line and a caret under the column"
run check $F/unknown-key.yaml
expect_err " 7 |     nmae: 购置设备数量"
expect_err "   |     ^"

case_ "caret under a column after CJK text is offset by display width"
run check $F/unknown-level1.yaml
expect_err " 5 |   - level1: 产出指票"
expect_err "   |             ^"

case_ "a bare cost value is a warning, exit 0"
run check $F/bare-cost.yaml
expect_status 0
expect_err "$F/bare-cost.yaml:5:55: warning[JX0306]: target '10万元' of 成本指标 '项目总投资' has no comparator"

case_ "--strict turns the warning into an error"
run check --strict $F/bare-cost.yaml
expect_status 2
expect_err "$F/bare-cost.yaml:5:55: error[JX0306]: target '10万元'"

case_ "--quiet hides warnings"
run check --quiet $F/bare-cost.yaml
expect_status 0
expect_no_err "warning"

case_ "a missing file"
run check $F/no-such-file.yaml
expect_status 2
expect_err "$F/no-such-file.yaml: error[JX0101]: no such file or directory"

case_ "a directory without YAML files"
run check $F/no-yaml
expect_status 2
expect_err "$F/no-yaml: error[JX0109]: no .yaml or .yml files in this directory"

case_ "valid files are still counted when others fail"
run check --lang zh $F/valid-minimal.yaml $F/bad-target.yaml
expect_status 2
expect_out "检查了 2 个文件：1 个项目"

case_ "json format lists errors and warnings with locations"
run check -f json $F/unknown-key.yaml $F/bare-cost.yaml
expect_status 2
expect_out '"file": "tests/fixtures/check/unknown-key.yaml"'
expect_out '"line": 7'
expect_out '"column": 5'
expect_out '"message": "unknown key '"'"'nmae'"'"' in an indicator: did you mean '"'"'name'"'"'?"'
expect_out '"warnings": ['
expect_err "unknown-key.yaml:7:5: error[JX0201]:"
expect_out '"code": "JX0201"'

case_ "json format to a file with -o"
run check -f json -o "$WORK/check.json" examples/targets
expect_status 0
grep -q '"projects": 5' "$WORK/check.json" || fail "check.json lacks the project count"

case_ "a BOM is accepted"
printf '\xef\xbb\xbf' > "$WORK/bom.yaml"; cat $F/valid-minimal.yaml >> "$WORK/bom.yaml"
run check "$WORK/bom.yaml"
expect_status 0

# YAML slips of the hand, each named at its own line and column (more, with
# the whole output, in tests/fixtures/mistakes/).
slip() {  # NAME SED-EXPRESSION LOCATION CODE MESSAGE
  case_ "$1"
  sed "$2" examples/targets/01-radiation-safety.yaml > "$WORK/slip.yaml"
  cmp -s "$WORK/slip.yaml" examples/targets/01-radiation-safety.yaml && fail "the slip was not made"
  run check "$WORK/slip.yaml"
  expect_status 2
  expect_err "$WORK/slip.yaml:$3: error[$4]: $5"
  [ "$(grep -cE ': error(\[JX[0-9]{4}\])?: ' "$ERR")" -eq 1 ] || fail "expected one error"
}
slip "a full-width colon, a line above where yaml-cpp fails" 's/    level2: 质量指标/    level2：质量指标/' 27:11 JX0125 \
  "full-width colon '：' after 'level2': YAML needs an ASCII colon and a space: write 'level2: 质量指标'"
slip "a full-width colon on the last key: one key, not 'unknown key'" 's/    target: ≥90%/    target：≥90%/' 50:11 JX0125 \
  "full-width colon '：' after 'target': YAML needs an ASCII colon and a space: write 'target: ≥90%'"
slip "no space after the colon" 's/^unit: 万元/unit:万元/' 12:5 JX0126 \
  "no space after the colon of 'unit': YAML needs a space after ':': write 'unit: 万元'"
slip "a tab used for indentation" 's/^    name: 验收合格率/\tname: 验收合格率/' 28:1 JX0127 \
  "a tab is used for indentation: YAML indents with spaces only; replace the tab with spaces"
slip "a full-width space in the indentation" 's/^    name: 验收合格率/  　name: 验收合格率/' 28:3 JX0127 \
  "a full-width space (U+3000) in the indentation: YAML indents with ASCII spaces only; replace it with spaces"
slip "a full-width space YAML reads as part of a key: one error, at the space" 's/^  total: 6.00/　total: 6.00/' 14:1 JX0127 \
  "a full-width space (U+3000) in the indentation: YAML indents with ASCII spaces only; replace it with spaces"
slip "no-break spaces in the indentation: at the first, not a line below" 's/^    name: 验收合格率/\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0name: 验收合格率/' 28:1 JX0127 \
  "a no-break space (U+00A0) in the indentation: YAML indents with ASCII spaces only; replace it with spaces"
slip "a full-width comma in a flow map" 's/^department:$/department: {code: "362303"，name: 执法总队}/; /^  code: "362303"$/d; /^  name: 天津市/d' 9:28 JX0136 \
  "a full-width comma '，' in a '{…}' or '[…]': YAML separates the items with an ASCII comma: write ',' for '，'"
slip "a '{' left open: said where it opens, not on the line after" 's/^department:$/department: {code: "362303", name: 执法总队/; /^  code: "362303"$/d; /^  name: 天津市/d' 9:13 JX0117 \
  "YAML syntax error: end of map flow not found (a '{' without its '}': close it, or put a value starting with '{' in quotes)"
slip "a full-width closing brace of a flow map" 's/^department:$/department: {code: "362303", name: 执法总队｝/; /^  code: "362303"$/d; /^  name: 天津市/d' 9:40 JX0136 \
  "a full-width '｝': YAML's '{…}' and '[…]' need ASCII brackets: write '}' for '｝'"
slip "a target starting with >" 's/    target: ≤12个月/    target: >=12个月/' 35:13 JX0128 \
  "a value starting with '>' must be in quotes: YAML reads '>' as the start of a folded block of text; write 'target: \">=12个月\"'"
slip "a target starting with > that YAML reads as an empty block" 's/    target: ≤6万元/    target: >5/' 40:13 JX0128 \
  "a value starting with '>' must be in quotes: YAML reads '>' as the start of a folded block of text; write 'target: \">5\"'"
slip "a key indented one space too far" 's/^    name: 验收合格率/     name: 验收合格率/' 28:6 JX0129 \
  "'name' is indented by 5 spaces, but 'level2' on line 27 by 4: the keys of one map must start in the same column"
slip "a list item indented one space too little" 's/^  - level1: 效益指标/ - level1: 效益指标/' 41:2 JX0129 \
  "this '-' is indented by 1 space, but the '-' on line 36 by 2: the items of one list must start in the same column"
slip "an empty year is reported on its own line" 's/^year: 2024/year:/' 8:1 JX0204 \
  "'year' in a target project is empty: a value is required"

case_ "the slips in Chinese, by default"
sed 's/    level2: 质量指标/    level2：质量指标/' examples/targets/01-radiation-safety.yaml > "$WORK/slip.yaml"
env -u JIXIAO_LANG "$JIXIAO" check "$WORK/slip.yaml" >"$OUT" 2>"$ERR" </dev/null
STATUS=$?
expect_status 2
expect_err "$WORK/slip.yaml:27:11: 错误[JX0125]: “level2”后面是全角冒号“：”：YAML 要用半角冒号加一个空格，请写成“level2: 质量指标”"
sed 's/^    name: 验收合格率/     name: 验收合格率/' examples/targets/01-radiation-safety.yaml > "$WORK/slip.yaml"
run check --lang zh "$WORK/slip.yaml"
expect_err "$WORK/slip.yaml:28:6: 错误[JX0129]: “name”缩进了 5 个空格，但第 27 行的“level2”缩进了 4 个：同一层的键必须从同一列开始"
sed 's/^  total: 6.00/　total: 6.00/' examples/targets/01-radiation-safety.yaml > "$WORK/slip.yaml"
run check --lang zh "$WORK/slip.yaml"
expect_err "$WORK/slip.yaml:14:1: 错误[JX0127]: 缩进里有全角空格（U+3000）：YAML 只能用半角空格缩进，请把它换成半角空格"
sed 's/^department:$/department: {code: "362303"，name: 执法总队}/; /^  code: "362303"$/d; /^  name: 天津市/d' \
  examples/targets/01-radiation-safety.yaml > "$WORK/slip.yaml"
run check --lang zh "$WORK/slip.yaml"
expect_err "$WORK/slip.yaml:9:28: 错误[JX0136]: “{…}”或“[…]”里用了全角逗号“，”：YAML 要用半角逗号“,”分隔各项，请把“，”改成“,”"
run check --lang zh $F/unknown-key.yaml
expect_err "$F/unknown-key.yaml:7:5: 错误[JX0201]: "
expect_err "中有未知的键“nmae”：是不是要写“name”？"

case_ "CRLF line ends are accepted and located"
sed 's/$/\r/' $F/unknown-key.yaml > "$WORK/crlf.yaml"
run check "$WORK/crlf.yaml"
expect_status 2
expect_err "crlf.yaml:7:5: error[JX0201]: unknown key 'nmae'"

finish
