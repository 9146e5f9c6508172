#!/usr/bin/env bash
# Robustness: past fuzz findings end to end, every input limit with its
# error and its option, the error audit (every error the program emits
# on input, with its exit status, file:line:column and what was expected),
# and no silent success. See docs/robustness.md.
source "$(dirname "$0")/lib.sh"
R=tests/fixtures/robustness

# expect_error LOCATION MESSAGE [CODE]: stderr holds "LOCATION: error[CODE]:
# MESSAGE" (without CODE: the message after an error of any code, or none).
expect_error() {
  if [ -n "${3:-}" ]; then
    expect_err "$1: error[$3]: $2"
  elif ! grep -F -- "$1: error" "$ERR" | grep -qF -- ": $2"; then
    fail "stderr lacks: $1: error: $2"
  fi
}

# Every error line on stderr names file:line:column, except whole-file
# problems of the files given (FILE: error[CODE]: ...).
expect_all_located() {
  local whole="" f e=': error(\[JX[0-9]{4}\])?: '
  for f in "$@"; do whole="$whole|^$(printf '%s' "$f" | sed 's/[.[\*^$/]/\\&/g')${e}"; done
  if grep -E "$e" "$ERR" | grep -vE "^[^ :]+:[0-9]+:[0-9]+${e}${whole}" | grep -q .; then
    fail "unlocated errors: $(grep -E "$e" "$ERR" | grep -vE "^[^ :]+:[0-9]+:[0-9]+${e}${whole}" | head -3)"
  fi
}

# ---------------------------------------------------------------------------
# Past findings of the fuzzers and the limits review. Their unit tests are in
# the test file of the module each concerns, their inputs in tests/fuzz/seeds/.

case_ "a YAML file with a lone CR is an error at the CR"
printf 'project: 项目\nyear: 2024\rbudget: {total: 6}\n' > "$WORK/cr.yaml"
run check "$WORK/cr.yaml"
expect_status 2
expect_err "$WORK/cr.yaml:2:11: error[JX0113]: a carriage return (CR) without a line feed: save the file with LF or CRLF line endings"
expect_err " 2 | year: 2024"

case_ "YAML syntax: a BOM inside the file, an unknown token, a quote open to the next document"
printf 'project: 甲\nyear: 2024\n\357\273\277project: 乙\n  year: 2024\n' > "$WORK/joined.yaml"
run check "$WORK/joined.yaml"
expect_status 2
expect_err "$WORK/joined.yaml:3:1: error[JX0114]: a byte order mark (BOM, U+FEFF) inside the file, where YAML cannot read it (were files joined together?): delete it"
run check --lang zh "$WORK/joined.yaml"
expect_err "$WORK/joined.yaml:3:1: 错误[JX0114]: 文件中间有一个看不见的字节顺序标记（BOM，U+FEFF），YAML 读不了它（是不是把几个文件拼在了一起？）：请删除它"
printf 'project: 甲\npurpose: %%50 的图书\n' > "$WORK/token.yaml"
run check "$WORK/token.yaml"
expect_status 2
expect_err "$WORK/token.yaml:2:10: error[JX0115]: YAML syntax error: unknown token"
printf 'project: "甲\n---\nproject: 乙\n' > "$WORK/quote.yaml"
run check "$WORK/quote.yaml"
expect_status 2
expect_err "$WORK/quote.yaml:2:1: error[JX0118]: YAML syntax error: illegal document indicator in scalar (a quoted text runs on to a '---' or '...' line: a quote above may not be closed)"

case_ "a quote left open on the last line is an error, not a value running to the end"
# The last indicator's target opened a quote and never closed it: the lines
# after it became the target, and the last indicator was lost, with exit 0.
printf 'project: 甲\nid: P1\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 设备, target: 4台}\n  - level1: 效益指标\n    level2: 社会效益指标\n    name: 效能\n    target: "显著提升\n  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: ≥90%%}\n' > "$WORK/open.yaml"
run check "$WORK/open.yaml"
expect_status 2
expect_err "$WORK/open.yaml:11:64: error[JX0118]: YAML syntax error: illegal EOF in scalar (a quote is not closed before the end of the file: close it)"

case_ "a CSV file with CR line ends: an invalid byte is located on its own line"
printf 'project,indicator,value\rP,数量,4台\rP,spent,\xff\r' > "$WORK/cr.csv"
run eval $R/eval-targets.yaml -a "$WORK/cr.csv"
expect_status 2
expect_error "$WORK/cr.csv:3:9" "the file is neither UTF-8 nor GB18030 (byte 0xFF here)" JX0152

case_ "an unknown escape in a YAML string is quoted whole, at its backslash"
printf 'project: "项目\\é"\n' > "$WORK/escape.yaml"
run check "$WORK/escape.yaml"
expect_status 2
expect_err "$WORK/escape.yaml:1:13: error[JX0119]: YAML syntax error: unknown escape '\\é' in a double-quoted string: write a backslash as '\\\\', or use single quotes"

case_ "import of extracted text with CR line ends locates its errors"
printf '1.项目绩效目标表\r\t项目名称\r\t项目\r' > "$WORK/cr.txt"
run import "$WORK/cr.txt"
expect_status 2
expect_err_re "$WORK/cr.txt:[0-9]+:[0-9]+: error(\[JX[0-9]{4}\])?: "

case_ "the YAML escapes \\N and \\_ give valid UTF-8 in messages and reports"
sed 's/^project: .*/project: "项目\\_甲\\N"/' tests/fixtures/check/valid-minimal.yaml > "$WORK/nbsp.yaml"
printf 'x: "a\\_b": 1\n' >> "$WORK/nbsp.yaml"
run check -f json "$WORK/nbsp.yaml"
expect_status 2
iconv -f UTF-8 -t UTF-8 "$OUT" >/dev/null 2>&1 || fail "the JSON report is not valid UTF-8"
iconv -f UTF-8 -t UTF-8 "$ERR" >/dev/null 2>&1 || fail "the messages are not valid UTF-8"

case_ "a target of a million digits is an error, fast, with a short message"
{ printf 'project: 大数\nyear: 2024\nbudget: {total: 6}\nindicators:\n'
  printf '  - {level1: 产出指标, level2: 数量指标, name: 数量, target: "≥'
  head -c 1000000 /dev/zero | tr '\0' '9'; printf '台"}\n'; } > "$WORK/digits.yaml"
run check "$WORK/digits.yaml"
expect_status 2
expect_err_re "digits.yaml:5:52: error\\[JX0312\\]: bad target '≥9+…': '9+…' has more than 1000 digits: write it with fewer digits"
[ "$(wc -c < "$ERR")" -lt 2000 ] || fail "the message repeats the megabyte"

case_ "a budget of a million digits is too large, with a short message"
{ printf 'project: 大数\nyear: 2024\nbudget: {total: '; head -c 1000000 /dev/zero | tr '\0' '9'
  printf '}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n'; } > "$WORK/amount.yaml"
run check "$WORK/amount.yaml"
expect_status 2
expect_err_re "amount.yaml:3:17: error\[JX0209\]: 'total' is too large: 9+… has more than 1000 digits, beyond the limit of 10\^15"

# 1000 indicators, each target and actual a different 13-digit decimal.
make_big_project() {  # N TARGETS ACTUALS
  awk -v n="$1" -v t="$2" -v a="$3" 'BEGIN {
    srand(7)
    print "project: 大项目\nid: BIG\nyear: 2024\nbudget: {total: 7}\nindicators:" > t
    print "projects:\n  - id: BIG\n    spent: 6.999999\n    indicators:" > a
    for (i = 0; i < n; i++) {
      printf "  - {level1: 产出指标, level2: 数量指标, name: 指标%d, target: \"≥%d.%06d台\"}\n", i, 1000000 + int(rand() * 8999999), int(rand() * 999999) > t
      printf "      指标%d: %d.%06d台\n", i, 1000000 + int(rand() * 8999999), int(rand() * 999999) > a
    }
  }'
}

case_ "1000 indicators with unrelated 13-digit ratios are scored within the hang guard"
make_big_project 1000 "$WORK/big-t.yaml" "$WORK/big-a.yaml"
run eval "$WORK/big-t.yaml" -a "$WORK/big-a.yaml" -f json --fail-on none
expect_status 0
expect_out '"unmet": '

case_ "20,000 bad CSV rows are each reported with their line, within the hang guard"
{ echo 'project,indicator,value,note'
  awk 'BEGIN { for (i = 0; i < 20000; i++) printf "E%d,数量,4台,x,extra\n", i }'; } > "$WORK/rows.csv"
run eval $R/eval-targets.yaml -a "$WORK/rows.csv" -q
expect_status 2
expect_error "$WORK/rows.csv:20001:1" "this row has 5 fields, but the header has 4 columns" JX0159
expect_err "20001 | E19999,数量,4台,x,extra"

case_ "5,000 targets without actuals are each reported with their line, within the hang guard"
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "---\nproject: 项目%d\nyear: 2024\nbudget: {total: 6}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n", i }' > "$WORK/many.yaml"
printf 'projects:\n  - id: none-of-them\n    spent: 1\n' > "$WORK/other.yaml"
run eval "$WORK/many.yaml" -a "$WORK/other.yaml" -q
expect_status 2
expect_error "$WORK/many.yaml:29996:10" "project '项目4999' has no actuals entry" JX0721
expect_err "29996 | project: 项目4999"

case_ "a syntax error loses its document only: the documents after it are read"
{ printf 'project: 甲\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台: x}\n'
  printf -- '---\nproject: 乙\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n'
  printf -- '---\nproject: 丙\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, targett: 4台}\n'; } > "$WORK/three.yaml"
run check "$WORK/three.yaml"
expect_status 2
expect_err "$WORK/three.yaml:5:54: error[JX0117]"
expect_error "$WORK/three.yaml:17:44" "unknown key 'targett' in an indicator: did you mean 'target'?" JX0201
expect_out "checked 1 file: 1 project, 1 indicator; 3 errors, 0 warnings"
printf 'projects:\n  - project: 乙\n    spent: 9\n    indicators:\n      数量: 4台\n' > "$WORK/three-a.yaml"
run eval "$WORK/three.yaml" -a "$WORK/three-a.yaml" -f json
expect_status 2
expect_out '"project": "乙"'

case_ "a document lost in the middle of a file: its entry is named with that file, both ways"
{ printf 'project: 甲\nid: A\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n---\n'
  printf 'project: 乙\nid: B\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: [4台}\n---\n'
  printf 'project: 丙\nid: C\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n'; } > "$WORK/mid.yaml"
printf 'projects:\n  - {id: A, spent: 9, indicators: {数量: 4台}}\n  - {id: B, spent: 9, indicators: {数量: 4台}}\n  - {id: C, spent: 9, indicators: {数量: 4台}}\n' > "$WORK/mid-a.yaml"
for j in 1 2; do
  run eval "$WORK/mid.yaml" -a "$WORK/mid-a.yaml" -q -j $j
  expect_status 2
  expect_err "$WORK/mid-a.yaml:3:5: error[JX0401]: actuals for 'B' match no target project, but the target file '$WORK/mid.yaml' could not be read in full"
done
sed 's/target: \[4台}/target: 4台}/' "$WORK/mid.yaml" > "$WORK/mid-ok.yaml"
printf 'projects:\n  - {id: A, spent: 9, indicators: {数量: 4台}}\n---\nprojects:\n  - {id: B, spent: 9, indicators: {数量: [4台}}\n---\nprojects:\n  - {id: C, spent: 9, indicators: {数量: 4台}}\n' > "$WORK/mid-a2.yaml"
run eval "$WORK/mid-ok.yaml" -a "$WORK/mid-a2.yaml" -q
expect_status 2
expect_err "$WORK/mid-ok.yaml:9:5: error[JX0722]: target project '乙' has no actuals entry, but the actuals file '$WORK/mid-a2.yaml' could not be read in full"

case_ "a bracket left open across ---: said at that ---, the next document read"
printf 'project: 甲\ngoals: [交付设备,\n  培训人员\n---\nproject: 乙\nyear: 2024\nbudget: {total: 10}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n' > "$WORK/open.yaml"
run check "$WORK/open.yaml"
expect_status 2
expect_err "$WORK/open.yaml:4:1: error[JX0117]: YAML syntax error: the document above does not end at this '---': a '[' or '{' in it is not closed"
expect_out "checked 1 file: 1 project, 1 indicator; 1 error, 0 warnings"

case_ "documents lost to syntax errors count towards --max-documents: JX0133 where the limit is met"
printf 'a: 1: 2\n---\nb: 1: 2\n---\nc: 1: 2\n---\nd: 1\n' > "$WORK/lost.yaml"
run check --max-documents 2 "$WORK/lost.yaml"
expect_status 2
expect_err "$WORK/lost.yaml:4:1: error[JX0133]: more than 2 documents in one file (raise the limit with --max-documents)"
expect_no_err "$WORK/lost.yaml:5:"

case_ "a file that starts with two byte order marks is located right"
printf '\xef\xbb\xbf\xef\xbb\xbfprojects:\n  - id: T-1\n    spent: 1\n  bad: : x\n' > "$WORK/bom2.yaml"
run eval tests/fixtures/check/valid-minimal.yaml -a "$WORK/bom2.yaml"
expect_status 2
expect_err "$WORK/bom2.yaml:4:3: error[JX0116]: YAML syntax error: end of map not found"
expect_err " 4 |   bad: : x"

# ---------------------------------------------------------------------------
# Limits: each one's error, located, naming its option; each overridable.

case_ "limit: file size (--max-file-size), targets"
run check --max-file-size 100 tests/fixtures/check/valid-minimal.yaml
expect_status 2
expect_err_re "tests/fixtures/check/valid-minimal.yaml: error\[JX0110\]: file is [0-9]+ bytes, larger than the limit of 100 bytes \(raise it with --max-file-size\)"

case_ "limit: file size applies to actuals and rules files too"
run eval examples/targets -a examples/actuals --max-file-size 3000
expect_status 2
expect_err_re "examples/actuals/2024-actuals.yaml: error\[JX0110\]: file is [0-9]+ bytes, larger than the limit of 3000 bytes"
run rules --rules $R/rules/values.yaml --max-file-size 10
expect_status 2
expect_err "$R/rules/values.yaml: error[JX0110]: file is"

case_ "limit: file size of a list of paths on stdin"
printf '%s\n' tests/fixtures/check/valid-minimal.yaml > "$WORK/list"
run check --max-file-size 10 "@$WORK/list"
expect_status 2
expect_err "valid-minimal.yaml: error[JX0110]: file is"

case_ "limit: documents per file (--max-documents)"
for i in 1 2 3; do printf -- '---\nproject: 项目%s\nyear: 2024\nbudget: {total: 1}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 甲, target: 1个}\n' $i; done > "$WORK/docs.yaml"
run check --max-documents 2 "$WORK/docs.yaml"
expect_status 2
expect_err "$WORK/docs.yaml:13:1: error[JX0133]: more than 2 documents in one file (raise the limit with --max-documents)"
run check --max-documents 3 "$WORK/docs.yaml"
expect_status 0

case_ "limit: scalar length (--max-scalar-size)"
run check --max-scalar-size 5 tests/fixtures/check/valid-minimal.yaml
expect_status 2
expect_err_re "valid-minimal.yaml:[0-9]+:[0-9]+: error\[JX0130\]: a value of [0-9]+ bytes is longer than the limit of 5 bytes \(raise it with --max-scalar-size\)"
{ cat tests/fixtures/check/valid-minimal.yaml; printf 'purpose: '; head -c 1100000 /dev/zero | tr '\0' 'x'; echo; } > "$WORK/long.yaml"
run check "$WORK/long.yaml"
expect_status 2
expect_err "error[JX0130]: a value of 1100000 bytes is longer than the limit of 1048576 bytes"
run check --max-scalar-size 2000000 "$WORK/long.yaml"
expect_status 0

case_ "limit: nesting depth (--max-depth)"
run check --max-depth 1 tests/fixtures/check/valid-minimal.yaml
expect_status 2
expect_err_re "valid-minimal.yaml:[0-9]+:[0-9]+: error\[JX0132\]: nesting deeper than 1 levels \(raise the limit with --max-depth\)"

case_ "limit: alias expansion (--max-nodes)"
printf 'project: 项目\nyear: 2024\nbudget: {total: 1}\nx-a: &a [1, 2, 3, 4, 5, 6, 7, 8]\nx-b: [*a, *a, *a, *a]\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 甲, target: 1个}\n' > "$WORK/alias.yaml"
run check --max-nodes 30 "$WORK/alias.yaml"
expect_status 2
expect_err "$WORK/alias.yaml:5:11: error[JX0131]: the document expands to more than 30 values (aliases are counted at their full size; raise the limit with --max-nodes)"
run check --max-nodes 100 "$WORK/alias.yaml"
expect_status 0

case_ "limit: indicators per project (--max-indicators, default 1000)"
make_big_project 1001 "$WORK/t1001.yaml" "$WORK/a1001.yaml"
run check "$WORK/t1001.yaml"
expect_status 2
expect_error "$WORK/t1001.yaml:1006:5" "a project may have at most 1000 indicators, and this one has 1001: split it, or raise the limit with --max-indicators" JX0235
run check --max-indicators 1001 "$WORK/t1001.yaml"
expect_status 0
run check --max-indicators 2 $R/eval-targets.yaml
expect_status 2
expect_error "$R/eval-targets.yaml:10:5" "a project may have at most 2 indicators, and this one has 6" JX0235
run eval --max-indicators 2 $R/eval-targets.yaml -a $R/actuals-errors.yaml
expect_status 2
expect_err "a project may have at most 2 indicators"

case_ "limit: CSV fields (1,000,000, fixed)"
{ echo 'project,indicator,value'; head -c 1000002 /dev/zero | tr '\0' ','; echo; } > "$WORK/fields.csv"
run eval examples/targets -a "$WORK/fields.csv"
expect_status 2
expect_err "$WORK/fields.csv:2:999998: error[JX0131]: more than 1000000 fields: the file is too large for actuals"

case_ "limit options take whole numbers only"
run check --max-indicators -1 examples/targets
expect_status 2
expect_err "jixiao: error[JX0706]: --max-indicators: expected a whole number (0 or more), not '-1'"
run check --max-file-size -5 examples/targets
expect_status 2
expect_err "jixiao: error[JX0706]: --max-file-size: expected a whole number (0 or more), not '-5'"
run eval --max-nodes 1.5 examples/targets -a examples/actuals
expect_status 2
expect_err "jixiao: error[JX0706]: --max-nodes: expected a whole number (0 or more), not '1.5'"
run check --max-documents many examples/targets
expect_status 2
expect_err "jixiao: error[JX0706]: --max-documents: expected a whole number (0 or more), not 'many'"
run check --max-depth 0 examples/targets
expect_status 2
expect_err "jixiao: error[JX0706]: --max-depth"

case_ "limits are listed in --help with their defaults"
run check --help
expect_status 0
for o in --max-file-size --max-scalar-size --max-depth --max-nodes --max-documents --max-indicators; do
  expect_out "$o"
done
expect_out "1000"

# ---------------------------------------------------------------------------
# Error audit: every error of the loaders, located and saying what was
# expected, exit 2. The fixtures hold one error per document, entry or row.

case_ "audit: target files (one error per document)"
F=$R/target-errors.yaml
run check $F
expect_status 2
expect_all_located
expect_error "$F:2:5" "empty document: expected a target project (a map with project, year, budget and indicators)" JX0230
expect_error "$F:4:10" "'project' must not be blank" JX0231
expect_error "$F:11:5" "'id' must not be blank" JX0231
expect_error "$F:19:13" "'department' must be a map such as {code: \"362303\", name: 天津市…}, not the text '天津市生态环境局'" JX0232
expect_error "$F:26:7" "'unit' must be a unit of money (元, 千元, 万元 or 亿元), not '台'" JX0354
expect_error "$F:33:9" "'budget' must be a map such as {total: 6.00, fiscal: 6.00}, not the number 6" JX0233
expect_error "$F:39:17" "budget 'total' (全年预算数) must be greater than 0, not 0" JX0353
expect_error "$F:45:28" "fiscal (7) is larger than total (6)" JX0237
expect_error "$F:51:27" "other (7) is larger than total (6)" JX0237
expect_error "$F:57:28" "budget 'fiscal' must not be negative" JX0351
expect_error "$F:64:13" "'indicators' must be a list of indicators, not a map" JX0234
expect_error "$F:69:13" "'indicators' is empty: a project needs at least one indicator" JX0234
expect_error "$F:75:5" "an indicator must be a map with level1, level2, name and target, not the text '数量'" JX0236
expect_error "$F:81:60" "indicator 'id' must not be blank" JX0231
expect_error "$F:87:64" "'weight' must be greater than 0 and at most 90, not 95" JX0246
expect_error "$F:87:3" "indicator weights add up to 95, but must add up to 90 (±0.01)" JX0245
expect_err "$F:92:1: error[JX0201]: unknown key 'colour' in a target project: expected one of project, id, year, department, supervisor, unit, budget, purpose, goals, indicators (or a key starting with 'x-', which is ignored)"
expect_err "$F:100:52: error[JX0204]: 'target' in an indicator is empty: a value is required"
expect_err "$F:106:40: error[JX0205]: 'name' must be text, not a list"
expect_err "$F:109:7: error[JX0207]: 'year' must be a whole number from 1950 to 2100, not the number 2024.5"
expect_err "$F:116:17: error[JX0206]: 'total' must be a number, not the text '六万'"
expect_err "$F:122:17: error[JX0206]: 'total' must be a number, not the text '1,000' (write it without thousands separators)"
expect_err "$F:128:17: error[JX0206]: 'total' must be a number, not the text '6' (remove the quotes)"
expect_err "$F:134:17: error[JX0208]: 'total' must be an exact decimal number, not '1e3': write it as a plain decimal, without an exponent"
expect_err "$F:141:8: error[JX0205]: 'goals' must be text or a list of texts, not a map"
expect_err "$F:148:9: error[JX0205]: 'goals' must be text, not a list"
expect_error "$F:156:28" "unknown 二级指标 (level2) '完全不同的东西' under 产出指标: expected one of 数量指标, 质量指标, 时效指标, 成本指标" JX0241
expect_error "$F:162:28" "unknown 二级指标 (level2) '数量指数' under 产出指标: did you mean '数量指标'?" JX0241
expect_error "$F:168:14" "unknown 一级指标 (level1) '完全不同的东西': expected one of 产出指标, 效益指标, 满意度指标, 成本指标 (a rules file may add more)" JX0240
expect_error "$F:175:5" "indicator id 'Q1' is given twice in this project (first on line 174); indicator ids must be unique" JX0243
expect_err "$F:178:7: error[JX0122]: unsupported YAML tag 'tag:yaml.org,2002:int': jixiao reads plain YAML without tags (only !!str is accepted)"
expect_err "$F:186:3: error[JX0203]: a key must be plain text, not a list or a map"
expect_error "$F:197:10" "project id '项目重复' is used twice in this run (first at $F:191:10): give each project a unique 'id'" JX0441

case_ "an empty key (null:, ~:): said to be empty, not a list or a map"
printf 'projects:\n  - id: TJ-362303-2024-01\n    spent: 3\n    indicators:\n      null: 4台\n      ~: 3台\n' >"$WORK/nullkey.yaml"
run eval examples/targets/01-radiation-safety.yaml -a "$WORK/nullkey.yaml"
expect_status 2
expect_err "$WORK/nullkey.yaml:5:7: error[JX0203]: a key is empty (null, ~, or nothing before the colon): write the key"
expect_err "$WORK/nullkey.yaml:6:7: error[JX0203]: a key is empty (null, ~, or nothing before the colon): write the key"

case_ "audit: target values (docs/reference.md §3), one bad target per indicator"
F=$R/value-errors.yaml
run check $F
expect_status 2
expect_all_located
expect_error "$F:6:53" "bad target '≥': expected a number or a date after '≥', got nothing" JX0310
expect_error "$F:7:53" "bad target '≥abc1': expected a number or a date after '≥', got 'abc1'" JX0310
expect_error "$F:8:53" "bad target '1,20台': '1,20' is not a valid number: ',' must separate groups of 3 digits, as in '1,200' (use '.' for decimals)" JX0311
expect_error "$F:9:53" "bad target '9O%': expected a number and a unit, got '9O%': 'O%' is not a unit (the letter 'O' typed for the digit 0?)" JX0304
expect_error "$F:10:53" "bad target '5万元整': expected a number and a unit, got '5万元整': '万元整' is not a unit (did you mean '万元'?)" JX0304
expect_error "$F:11:53" "bad target '5O人': expected a number and a unit, got '5O人': 'O人' is not a unit (a letter typed for a digit?)" JX0304
expect_error "$F:12:53" "bad target '5台-3台': the range '5台-3台' has its lower bound above its upper bound; write the smaller number first" JX0316
expect_error "$F:13:53" "bad target '5台-3个': the bounds of the range '5台-3个' cannot be compared: '个' cannot be compared with '台': counted units must match exactly" JX0301
expect_error "$F:14:53" "bad target '1-': expected a number after '-', got nothing in the range '1-'" JX0310
expect_error "$F:15:54" "bad target '≥1-5个': a range takes no comparator: '≥1-5个' should be a range alone, as in '80%-90%', or a single bound, as in '≥80%'" JX0314
expect_error "$F:16:54" "bad target '5个左右': '5个左右' is approximate and cannot be scored: instead of '左右' write a comparator such as '≥5个' or '≤5个', or a range" JX0317
expect_error "$F:17:54" "bad target '≥5个以下': conflicting comparators '≥' and '以下' in '≥5个以下'; write one of them" JX0313
expect_error "$F:18:54" "bad target '2024年': '2024年' is a year, not a duration or a date: write a deadline such as '2024年底前' or '2024年12月31日'" JX0318
expect_error "$F:19:54" "bad target '2024-13-01': '2024-13-01' is not a calendar date: there is no month 13" JX0321
expect_error "$F:20:54" "bad target '2024-02-30': '2024-02-30' is not a calendar date: 2024年2月 has 29 days" JX0321
expect_error "$F:21:54" "bad target '2024-123-1': '2024-123-1' is not a date (month and day have one or two digits); write a date such as '2024-12-31', '2024年12月31日', '2024年12月底' or '2024年底'" JX0320
expect_error "$F:22:54" "bad target '2024年123月1日': '2024年123' is not a date (a month has one or two digits)" JX0320
expect_error "$F:23:54" "bad target '2024年12': '2024年12' is not a date (expected '月' after the month)" JX0320
expect_error "$F:24:54" "bad target '2024年12月': '2024年12月' is not a date (it has no day: write '2024年12月31日' or '2024年12月底')" JX0320
expect_error "$F:25:54" "bad target '2024年12月123日': '2024年12月123' is not a date (a day has one or two digits)" JX0320
expect_error "$F:26:54" "bad target '2024-12-31至2025-01-31': a date range such as '2024-12-31至2025-01-31' cannot be scored; write a deadline such as '≤2025-01-31'" JX0324
expect_error "$F:27:54" "bad target '2024-12-31以后': unexpected '以后' after the date '2024-12-31'; expected nothing or '前'" JX0325
expect_error "$F:28:54" "bad target '4-8个〜': expected a number and a unit after '-', got '8个〜': '个〜' is not a unit (it holds the range separator '〜') in the range '4-8个〜'" JX0304
expect_error "$F:29:54" "bad target '≥.inf': expected a number or a date after '≥', got '.inf'" JX0310

case_ "audit: actuals entries (one error per entry; matching and units, docs/reference.md §2)"
F=$R/actuals-errors.yaml
T=$R/eval-targets.yaml
run eval $T -a $F
expect_status 2
expect_all_located
expect_error "$F:4:5" "missing 'spent' (全年执行数): expected the amount spent in the year, in the project's budget unit, such as 5.86" JX0256
expect_error "$F:13:5" "empty 'spent' (全年执行数): expected the amount spent in the year, in the project's budget unit, such as 5.86" JX0256
expect_error "$F:22:12" "'spent' of project '项目E03': '5台' is not an amount of money ('台' counts 台): write it in 万元, the project's budget unit (such as 5), or with 元, 千元, 万元 or 亿元" JX0801
expect_error "$F:31:12" "'spent' (全年执行数) must not be negative, not -1" JX0351
expect_error "$F:48:7" "an indicator name must not be blank" JX0231
expect_error "$F:52:7" "indicator '数量' has no actual: expected the actual value (such as 4台 or 100%), 不适用, or a grade (达成, 部分达成 or 未达成)" JX0331
expect_error "$F:61:11" "the actual of indicator '数量' must be a value or a map with 'value' or 'grade', not a list" JX0259
expect_error "$F:70:11" "the actual of indicator '数量' is empty: expected the actual value (such as 4台 or 100%), 不适用, or a grade (达成, 部分达成 or 未达成)" JX0331
expect_error "$F:79:11" "bad value '1,20台' of indicator '数量': '1,20' is not a valid number: ',' must separate groups of 3 digits, as in '1,200' (use '.' for decimals)" JX0311
expect_error "$F:88:11" "bad value '≥4台' of indicator '数量': an actual value takes no comparator: write the value achieved (such as '92%' or '2024-11-20'), not a target such as '≥4台'" JX0330
expect_error "$F:98:31" "indicator '满意度' has both 'value' and 'grade': give 'value' for a measured result, or 'grade' (with an optional 'score') for a qualitative one" JX0261
expect_error "$F:106:11" "indicator '数量' needs 'value' (the actual value, such as 4台, or 不适用) or 'grade' (达成, 部分达成 or 未达成)" JX0260
expect_error "$F:115:19" "'value' of indicator '数量' is empty: expected the actual value (such as 4台 or 100%), 不适用, or a grade (达成, 部分达成 or 未达成)" JX0331
expect_error "$F:124:30" "indicator '数量' has 'score' without 'grade': a score refines a grade, so write 'grade: 部分达成' (or 达成, 未达成) and 'score: 0.7'" JX0262
expect_error "$F:134:20" "'grade' of indicator '满意度' is empty: expected 达成, 部分达成 or 未达成" JX0340
expect_error "$F:143:20" "不适用 is not a grade: write it as the actual of indicator '满意度' ('满意度: 不适用' or 'value: 不适用')" JX0341
expect_error "$F:152:20" "bad grade of indicator '满意度': '完成' is not a grade (did you mean '达成'?); expected one of '达成', '达成年度指标', 'achieved', '部分达成', '部分达成年度指标并具有一定效果', '部分达成年度指标', 'partial', '未达成', '未达成年度指标且效果较差', '未达成年度指标', 'not-achieved'" JX0340
expect_err "$F:161:31: error[JX0585]: indicator '满意度': score 0.5 does not fit the grade 达成, whose band is [0.8, 1]: expected a score from 0.8 to 1, or another grade"
expect_error "$F:170:31" "indicator '满意度': score 1.5 is not a ratio: expected a number from 0 to 1, such as 0.7 for 70%" JX0342
expect_err "$F:178:12: error[JX0201]: unknown key 'vaule' in an indicator's actual: did you mean 'value'?"
expect_error "$F:283:5" "missing 'project' (the project name) or 'id': expected one of them, to say which target project these actuals belong to" JX0254
expect_error "$F:292:9" "give either 'project' (the project name) or 'id', not both" JX0255
expect_error "$F:302:5" "'id' is empty: expected the id of a target project" JX0231
expect_error "$F:311:14" "'project' must not be blank" JX0231
expect_error "$F:322:17" "'indicators' must be a map from each indicator's name (or id) to its actual, such as '购置设备数量: 4台', not a list" JX0258
expect_error "$F:323:5" "a project entry must be a map with 'project' (or 'id'), 'spent' and 'indicators', not the text 'E38'" JX0253
expect_error "$F:333:5" "a second actuals entry for 'E39' (the first is at $F:324:5): give each project exactly one entry" JX0402
expect_error "$F:399:5" "the actuals are for 2023 but project '项目E21' is a 2024 project" JX0442
expect_error "$F:184:5" "no actual for indicator '数量' of project '项目E22' (target '4台' at $T:260): give its value, or 不适用" JX0444
expect_error "$F:201:7" "'数童' is not an indicator of project '项目E23': did you mean '数量'?" JX0445
expect_error "$F:202:5" "every indicator of project '项目E24' is 不适用: at least one must be scored" JX0443
expect_error "$F:215:12" "indicator '满意度' has a qualitative target ('显著提升'): its actual must be a grade — 达成, 部分达成 or 未达成 — not '95%'" JX0446
expect_error "$F:223:11" "indicator '数量' has a quantitative target ('4台'): its actual must be a value, not the grade '达成'" JX0447
expect_error "$F:234:13" "indicator '完成时间' has a date target ('≤2024-12-31'): its actual must be a date such as 2024-11-20 or 2024年11月20日, not '11月'" JX0448
expect_error "$F:241:11" "indicator '数量' has the target '4台': its actual must be a number with a compatible unit, not '四台'" JX0449
expect_error "$F:250:11" "actual '4个' of indicator '数量' cannot be compared with its target '4台': '个' cannot be compared with '台': counted units must match exactly" JX0450
expect_error "$F:262:11" "actual '300天' of indicator '时长' cannot be compared with its target '≤12个月': '天' cannot be compared with '个月': a month is not a fixed number of days, so days and months do not convert; write both in days or both in months" JX0450
expect_error "$F:272:11" "actual '5万元' of indicator '比率' cannot be compared with its target '≥90%': '万元' cannot be compared with '%': '万元' is money, '%' is a percentage" JX0450
expect_error "$F:282:11" "actual '10次' of indicator '次数' cannot be compared with its target '10': the value has unit '次' but the target has no unit; write the value as a plain number or give the target a unit" JX0450
# Entries without their project were dropped: the targets left without an
# entry are named once, not told one by one to add an entry.
expect_error "$T:388:5" "5 target projects have no actuals entry ('项目E33', '项目E35', '项目E36' and 2 more), but the actuals file '$F' could not be read in full (see the errors above): fix it first; their entries may be there" JX0722
expect_error "$F:342:5" "actuals for id '项目E40' match no target project id: '项目E40' is the name of the target project with id 'E40'; write 'project: 项目E40' or 'id: E40'" JX0403
expect_error "$F:360:5" "a second actuals entry for target project 'E41': its actuals are already given at $F:351:5; give each project exactly one entry" JX0402
expect_error "$F:378:5" "actuals for id 'XYZ-unknown' match no target project: expected the id or name of a target project of this run" JX0401
expect_error "$F:387:5" "actuals for id 'E33x' match no target project: did you mean 'E33'?" JX0401
expect_out "项目E42"

case_ "audit: actuals documents"
F=$R/actuals-doc-errors.yaml
run eval $R/eval-targets.yaml -a $F
expect_status 2
expect_all_located
expect_error "$F:2:5" "empty document: expected actuals (a map with a 'projects' list)" JX0250
expect_error "$F:3:5" "expected actuals (a map with an optional 'year' and a 'projects' list), not the text 'just text'" JX0250
expect_error "$F:5:1" "this document is a target project (it has 'project:'), not actuals: an actuals file holds a 'projects' list with each project's spending and indicator values" JX0251
expect_error "$F:11:11" "'projects' must be a list of project entries (each starting with '- project:' or '- id:'), not a map" JX0252
expect_error "$F:13:11" "'projects' is empty: expected at least one project entry with its spending and indicator values" JX0252
expect_err "$F:15:1: error[JX0201]: unknown key 'yaer' in an actuals file: did you mean 'year'?"

case_ "audit: an actuals file without documents"
run eval $R/eval-targets.yaml -a $R/actuals-empty.yaml
expect_status 2
expect_error "$R/actuals-empty.yaml" "the file holds no YAML document: expected actuals with a 'projects' list" JX0249

case_ "audit: CSV actuals, header and syntax"
C=$R/csv
run eval $R/eval-targets.yaml -a $C/empty.csv $C/header-only.csv $C/no-header.csv $C/bad-header.csv $C/missing-column.csv $C/unterminated.csv $C/after-quote.csv
expect_status 2
expect_all_located $C/empty.csv
expect_error "$C/empty.csv" "the CSV file is empty: expected a header row 'project,indicator,value,note' and one row per indicator" JX0153
expect_error "$C/header-only.csv:1:1" "the CSV file has a header but no rows: expected one row per indicator and a 'spent' row for each project" JX0158
expect_error "$C/no-header.csv:1:1" "the first row must be the header naming the columns, such as 'project,indicator,value,note' (or '项目,指标,实际值,说明'), not '1,2,3'" JX0154
expect_error "$C/bad-header.csv:1:9" "unknown column 'indicater': did you mean 'indicator'?" JX0155
expect_error "$C/bad-header.csv:1:25" "column 4 of the header has no name: expected project, indicator, value, note or score" JX0155
expect_error "$C/bad-header.csv:1:26" "unknown column 'price': expected project, indicator, value, note or score" JX0155
expect_error "$C/bad-header.csv:1:32" "column 'value' is given twice in the header (first as column 3)" JX0156
expect_error "$C/bad-header.csv:1:1" "the header has no 'indicator' column: expected the columns project, indicator and value (项目, 指标, 实际值), and optionally note (说明) and score" JX0157
expect_error "$C/missing-column.csv:1:1" "the header has no 'value' column" JX0157
expect_err "$C/unterminated.csv:2:8: error[JX0134]: a quoted field is never closed: expected a closing '\"' before the end of the file (write a quote inside a quoted field as \"\")"
expect_err "$C/after-quote.csv:2:11: error[JX0135]: unexpected text '台' after the closing quote of a field: expected a comma or the end of the line (write a quote inside a quoted field as \"\")"

case_ "audit: CSV actuals, rows"
F=$R/csv/rows.csv
run eval $R/eval-targets.yaml -a $F
expect_status 2
expect_all_located
expect_error "$F:4:5" "indicator '数量' of project 'E02' is given twice (first on line 3): give one row per indicator" JX0162
expect_error "$F:11:5" "project 'E03' has a second spending row (the first is on line 10): give 'spent' once" JX0161
expect_error "$F:12:1" "this row has 7 fields, but the header has 5 columns: a value holding a comma must be in double quotes, such as \"1,165,200元\"" JX0159
expect_error "$F:13:1" "the 'project' cell is empty: expected the id or name of a target project" JX0160
expect_error "$F:14:5" "the 'indicator' cell is empty: expected an indicator's name or id, or 全年执行数 (spent) for the project's spending" JX0160
expect_error "$F:15:11" "the 'spent' row of project 'E04' has no amount: expected the amount spent in the year (全年执行数), such as 5.86" JX0256
expect_error "$F:16:11" "spent 5,000 is 833.3 times the budget of 6.00 万元: was it written in 元? 5,000元 = 0.5万元; write 0.5 or 5,000元" JX0803
expect_error "$F:17:11" "the amount spent (全年执行数) is too large: 99999999999999999 is beyond the limit of 10^15" JX0352
expect_error "$F:18:11" "the amount spent (全年执行数) must not be negative, not '-1'" JX0351
expect_error "$F:19:14" "the 'spent' row takes no score: a score goes with a grade (达成, 部分达成 or 未达成)" JX0262
expect_error "$F:21:12" "indicator '数量' has a score but its value '4台' is not a grade: a score goes with 达成, 部分达成 or 未达成" JX0262
expect_error "$F:23:13" "the score of indicator '满意度' must be a number from 0 to 1, such as 0.7, not 'high'" JX0342
expect_err "$F:25:15: error[JX0585]: indicator '满意度': score 0.9 does not fit the grade 部分达成, whose band is [0.6, 0.8): expected a score from 0.6 to below 0.8, or another grade"
expect_error "$F:26:1" "project 'E12' has no 'spent' row: add a row with the indicator 'spent' (or 全年执行数) and the amount spent in the year as its value" JX0256

audit_rules() {  # FILE LOCATION MESSAGE [CODE]
  run rules --rules "$1"
  expect_status 2
  expect_no_out "execution_weight"
  expect_error "$2" "$3" "$4"
}

case_ "audit: rules files"
F=$R/rules
audit_rules $F/not-a-map.yaml "$F/not-a-map.yaml:1:1" "expected a rules file: a map with keys such as pools, grades and reverse (print one with \`jixiao rules\`), not a list" JX0501
audit_rules $F/empty.yaml "$F/empty.yaml" "the rules file is empty: expected a map with keys such as pools, grades and reverse (print one with \`jixiao rules\`)" JX0501
audit_rules $F/comment-only.yaml "$F/comment-only.yaml" "the rules file is empty" JX0501
audit_rules $F/two-documents.yaml "$F/two-documents.yaml:2:1" "a rules file holds one YAML document: remove this second one (and the '---' before it)" JX0502
audit_rules $F/grades-range.yaml "$F/grades-range.yaml:1:13" "grade '优' must start at a total from 0 to 100, not 190" JX0513
audit_rules $F/grades.yaml "$F/grades.yaml:1:27" "the last grade ('中') must start at 0, so that every total has a grade, not at 60" JX0515
audit_rules $F/pools.yaml "$F/pools.yaml:1:15" "the weight of pool '产出指标' must be greater than 0, not 0" JX0505
audit_rules $F/pools-total.yaml "$F/pools-total.yaml:1:1" "execution_weight (10) + pools (50 + 30 + 20 = 100) = 110, but the total score must be exactly 100" JX0508
audit_rules $F/pools-empty.yaml "$F/pools-empty.yaml:1:8" "'pools' is empty: give at least one 一级指标 weight, such as {产出指标: 90}" JX0506
expect_error "$F/pools-empty.yaml:2:9" "'grades' is empty: give the grade bands best first, ending at 0, such as {优: 90, 良: 80, 中: 60, 差: 0}" JX0512
audit_rules $F/taxonomy-own-pool.yaml "$F/taxonomy-own-pool.yaml:2:3" "一级指标 '管理指标' scores in a pool of its own name, which is not in pools (产出指标, 效益指标, 满意度指标): add '管理指标' to pools, or give its pool, as in '管理指标: {pool: 产出指标, level2: [...]}'" JX0510
audit_rules $F/unused-pool.yaml "$F/unused-pool.yaml:1:39" "pool '管理' has no 一级指标, so its weight could never be scored: add one under taxonomy, such as '管理: [二级指标, ...]'" JX0511
audit_rules $F/taxonomy.yaml "$F/taxonomy.yaml:4:8" "new 一级指标 '新指标' needs at least one 二级指标" JX0509
expect_error "$F/taxonomy.yaml:5:3" "taxonomy entry '空指标' is empty: give its 二级指标, such as [数量指标, 质量指标], or {pool: 产出指标, level2: [...]}" JX0509
expect_error "$F/taxonomy.yaml:7:17" "一级指标 '满意度指标' scores in pool '满意度指标x', which is not in pools (产出指标, 效益指标, 满意度指标): did you mean '满意度指标'?" JX0510
expect_error "$F/taxonomy.yaml:2:16" "一级指标 '管理指标' scores in pool '管理', which is not in pools (产出指标, 效益指标, 满意度指标)" JX0510
expect_error "$F/taxonomy.yaml:1:1" "pool '满意度指标' has no 一级指标, so its weight could never be scored" JX0511
audit_rules $F/map-fields.yaml "$F/map-fields.yaml:1:8" "'pools' must be a map such as {产出指标: 50, 效益指标: 30, 满意度指标: 10}, not the number 90" JX0504
expect_error "$F/map-fields.yaml:2:11" "'taxonomy' must be a map such as {产出指标: [数量指标, 质量指标]}, not a list" JX0504
expect_error "$F/map-fields.yaml:3:9" "'grades' must be a map such as {优: 90, 良: 80, 中: 60, 差: 0}, not the text '优'" JX0504
expect_error "$F/map-fields.yaml:4:14" "'qualitative' must be a map such as {达成: 1, 部分达成: 0.6, 未达成: 0}, not the number 1" JX0504
audit_rules $F/values.yaml "$F/values.yaml:2:7" "the rules 'name' must be one line of text without control characters" JX0503
expect_error "$F/values.yaml:3:19" "'execution_weight' (预算执行率分值) must be greater than 0, not 0" JX0505
expect_error "$F/values.yaml:7:20" "grade '良' starts at 95, which is not below the grade before it ('优' at 90): list the grades best first, each lower than the one before" JX0514
expect_error "$F/values.yaml:4:10" "'reverse' must be ratio (A/B) or linear (1-(B-A)/A), not the text 'ratoi': did you mean 'ratio'?" JX0516
expect_error "$F/values.yaml:5:19" "the ratio of 达成 must lie in [0.8, 1], not 0.5" JX0517
expect_error "$F/values.yaml:5:30" "the ratio of 部分达成 must lie in [0.6, 0.8), not 0.9" JX0517
expect_error "$F/values.yaml:5:40" "the ratio of 未达成 must lie in [0, 0.6), not 0.7" JX0517
expect_error "$F/values.yaml:6:22" "'deviation_threshold' is a fraction and must lie in [0, 1] (0.2 means 20%), not 1.5" JX0518

audit_rules $F/level2-map.yaml "$F/level2-map.yaml:2:18" "the 二级指标 of '产出指标' must be a list such as [数量指标, 质量指标], not a map" JX0509

case_ "audit: a bad rules file stops check, eval and template before any input is read"
for c in check template; do
  run $c -r $R/rules/pools.yaml examples/targets
  expect_status 2
  expect_error "$R/rules/pools.yaml:1:15" "the weight of pool '产出指标' must be greater than 0" JX0505
done
run eval -r $R/rules/pools.yaml examples/targets -a examples/actuals
expect_status 2
expect_no_out "项目"

case_ "audit: YAML syntax and structure"
printf 'project: [1, 2\n' > "$WORK/unclosed.yaml"
run check "$WORK/unclosed.yaml"
expect_status 2
expect_err "unclosed.yaml:1:10: error[JX0117]: YAML syntax error: end of sequence flow not found"
printf 'a: &x 1\nb: *y\n' > "$WORK/anchor.yaml"
run check "$WORK/anchor.yaml"
expect_status 2
expect_err "anchor.yaml:2:4: error[JX0123]: YAML syntax error: the referenced anchor is not defined"
printf 'a: &x [1, *x]\n' > "$WORK/cycle.yaml"
run check "$WORK/cycle.yaml"
expect_status 2
expect_err "cycle.yaml:1:11: error[JX0124]: an alias refers to a node that contains it (a cycle)"
printf 'project: 甲\nproject: 乙\n' > "$WORK/dup.yaml"
run check "$WORK/dup.yaml"
expect_status 2
expect_err "$WORK/dup.yaml:2:1: error[JX0202]: duplicate key 'project' (first given on line 1): each key may appear only once in a map"
printf 'project: 甲\x01\n' > "$WORK/ctrl.yaml"
run check "$WORK/ctrl.yaml"
expect_status 2
expect_err "$WORK/ctrl.yaml:1:11: error[JX0112]: control character 0x01 in text: is this a binary file?"

case_ "audit: input paths"
run check $R/no-such-file.yaml
expect_status 2
expect_err "$R/no-such-file.yaml: error[JX0101]: no such file or directory"
run check "@$R/no-such-list"
expect_status 2
expect_err "$R/no-such-list: error[JX0105]: cannot open the list of paths: No such file or directory"
run rules --rules $R
expect_status 2
expect_err "$R: error[JX0104]: is a directory, expected a file"
long=$WORK/$(printf 'x%.0s' $(seq 300)).yaml
run check "$long"
expect_status 2
expect_err "$long: error[JX0103]: cannot open file: File name too long"
run check --lang zh "$long"
expect_err "$long: 错误[JX0103]: 无法打开文件：文件名太长"
ln -s "$WORK/self.yaml" "$WORK/self.yaml"
run check "$WORK/self.yaml"
expect_status 2
expect_err "$WORK/self.yaml: error[JX0107]: a symbolic link that leads to itself through other links: point it at the file, or remove it"

case_ "audit: report outputs"
run eval examples/targets -a examples/actuals -f nosuch
expect_status 2
expect_err "jixiao: error[JX0709]: unknown format 'nosuch': jixiao eval writes text, json, "
run eval examples/targets -a examples/actuals -f json=
expect_status 2
expect_err "jixiao: error[JX0710]: '-f json=' names no file: write -f json=FILE"
run eval examples/targets -a examples/actuals -f json -f text -o "$WORK/x"
expect_status 2
expect_err "error[JX0711]: -o FILE needs exactly one format without a file; with several formats write -f FORMAT=FILE for each"
run eval examples/targets -a examples/actuals -f json -f text
expect_status 2
expect_err "error[JX0712]: only one report can go to standard output: write -f FORMAT=FILE for the others"
run eval examples/targets -a examples/actuals -o "$WORK/no/such/dir/report.txt"
expect_status 2
expect_err "$WORK/no/such/dir/report.txt: error[JX0718]: cannot write the text report: cannot create a file in '$WORK/no/such/dir': No such file or directory"
run eval examples/targets -a examples/actuals -o "$WORK/no/such/dir/report.txt" --lang zh
expect_status 2
expect_err "$WORK/no/such/dir/report.txt: 错误[JX0718]: 无法写入 text 报告：无法在“$WORK/no/such/dir”中创建文件：没有这个文件或目录"

case_ "audit: import, one error per project, each located at its cell"
F=$R/import/errors.txt
run import $F -o "$WORK/imported"
expect_status 2
expect_all_located
expect_error "$F:10:2" "预算数 must be greater than 0, not 0" JX0633
expect_error "$F:42:2" "财政资金 (7.00) is larger than 预算数 (6.00)" JX0634
expect_error "$F:74:2" "其他资金 (7.00) is larger than 预算数 (6.00)" JX0634
expect_error "$F:100:2" "预算数 '6.00元': the amount is in 元, but the table's unit is 万元" JX0630
expect_error "$F:130:2" "预算数 '六元': expected an amount such as 6.00 or 1,260.00 (digits, optional thousands separators and decimals)" JX0630
expect_error "$F:160:2" "预算数 '99999999999999999999': the amount is too large or too precise" JX0630
expect_error "$F:211:2" "分值 '高' is not a number" JX0618
expect_error "$F:238:2" "二级指标 is empty and the row above gives none to continue" JX0615
expect_error "$F:243:1" "not a 绩效目标表: no indicator table (a header row with 一级指标, 二级指标, 三级指标 and 指标值) for this project" JX0602
expect_error "$F:279:2" "the indicator table has no indicators" JX0603
expect_error "$F:288:2" "单位 '台' is not a unit of money (元, 千元, 万元 or 亿元)" JX0628
expect_error "$F:345:1" "not a 绩效目标表: no table below the heading '2024年度没有表格项目'" JX0602
[ "$(ls "$WORK/imported" | wc -l)" = 1 ] || fail "only the valid project is written: $(ls "$WORK/imported")"
run check "$WORK/imported"
expect_status 0

case_ "audit: import limits (--max-scalar-size bounds cells and names)"
F=$R/import/limits.txt
run import --max-scalar-size 50 $F
expect_status 2
expect_error "$F:1:1" "the project name is too long: more than 50 bytes (--max-scalar-size raises the limit)" JX0614
expect_error "$F:58:2" "this cell is 180 bytes long, more than the limit of 50 (--max-scalar-size raises it)" JX0614

case_ "audit: import of a text that is not text"
printf '1.项目绩效目标表\n\t项目名称\xff\n' > "$WORK/latin.txt"
run import "$WORK/latin.txt"
expect_status 2
expect_error "$WORK/latin.txt:2:6" "not a text document: invalid UTF-8 here (save the extracted text as UTF-8, or import the .docx itself)" JX0609
printf '1.项目绩效目标表\n\t项目\x01名称\n' > "$WORK/binary.txt"
run import "$WORK/binary.txt"
expect_status 2
expect_error "$WORK/binary.txt:2:4" "not a text document: control character U+0001 (a binary file? a .docx is read when its name ends in .docx)" JX0609

case_ "audit: import into a directory that cannot be made"
run import tests/fixtures/import/seed-2024.txt -o /dev/null/sub
expect_status 2
expect_err "/dev/null/sub: error[JX0637]: cannot create the directory: Not a directory"

case_ "audit: merge of reports"
run eval examples/targets -a examples/actuals -f json=$WORK/r1.json --fail-on none
expect_status 0
echo '[1, 2]' > "$WORK/array.json"
echo '{"a": 1}' > "$WORK/other.json"
: > "$WORK/empty.json"
sed 's/"rules": "mof-2020"/"rules": "other"/' "$WORK/r1.json" > "$WORK/r2.json"
sed '0,/"id": "TJ-362303-2024-01"/s//"x": 1/' "$WORK/r1.json" > "$WORK/badproject.json"
run merge "$WORK/array.json"
expect_status 2
expect_error "$WORK/array.json:1:1" "expected a JSON object from 'jixiao eval -f json' or '-f jsonl'" JX0723
run merge "$WORK/other.json"
expect_status 2
expect_error "$WORK/other.json:1:1" "not a report of 'jixiao eval -f json' or '-f jsonl' (no \"tool\": \"jixiao\")" JX0723
# A check report, or an object that only says it is jixiao's: not an eval report.
run check examples/targets -f json="$WORK/check.json"
printf '{"tool":"jixiao","version":"0.2.0"}\n' > "$WORK/bare.json"
for f in check bare; do
  run merge "$WORK/$f.json"
  expect_status 2
  expect_error "$WORK/$f.json:1:1" "not a report of 'jixiao eval -f json' or '-f jsonl': it has no rules, summary and list of projects" JX0723
done
run merge "$WORK/empty.json"
expect_status 2
expect_error "$WORK/empty.json" "the report holds no JSON object" JX0723
run merge "$WORK/r1.json" "$WORK/r2.json"
expect_status 2
expect_error "$WORK/r2.json:1:1" "this report was scored under the rules 'other', the others under 'mof-2020': they cannot be merged" JX0726
expect_error "$WORK/r2.json:10:1" "project 'TJ-362303-2024-01' is in two reports (first in $WORK/r1.json)" JX0725
run merge "$WORK/badproject.json"
expect_status 2
expect_err_re "badproject.json:[0-9]+:[0-9]+: error\[JX0723\]: not a project of a jixiao report"
run merge -f json -f jsonl "$WORK/r1.json"
expect_status 2
expect_err "error[JX0713]: merge writes one report: give one -f FORMAT, one of json, jsonl, text, csv, markdown, junit, github"

case_ "audit: a file read from a pipe, within the size limit"
run check <(cat tests/fixtures/check/valid-minimal.yaml)
expect_status 0
run check --max-file-size 10 <(cat tests/fixtures/check/valid-minimal.yaml)
expect_status 2
expect_err_re "/dev/fd/[0-9]+: error\[JX0110\]: file is larger than the limit of 10 bytes \(raise it with --max-file-size\)"

case_ "audit: out of memory is a clean error, exit 2"
if [ "${JIXIAO_SANITIZED:-0}" != 1 ]; then
  head -c 40000000 /dev/zero | tr '\0' 'a' | sed 's/^/x: /' > "$WORK/huge.yaml"
  JIXIAO_TEST_MEMORY_KB=60000 run check --max-file-size 100000000 "$WORK/huge.yaml"
  expect_status 2
  expect_err "jixiao: error: out of memory"
  rm -f "$WORK/huge.yaml"
fi

case_ "audit: a temporary file that cannot be written is a clean error, exit 2"
# A year's actuals beyond 2 MiB go to a temporary file in $TMPDIR (RecordStore);
# here files may not grow past 1 MiB (SIGXFSZ ignored, so a write fails with EFBIG).
awk 'BEGIN { for (i = 0; i < 2500; i++) printf "---\nproject: 项目%d\nid: S-%04d\nyear: 2024\nbudget: {total: 6}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n", i, i }' > "$WORK/spill-t.yaml"
awk 'BEGIN { for (k = 0; k < 200; k++) note = note "说明文字"; print "projects:"; for (i = 0; i < 2500; i++) printf "  - {id: S-%04d, spent: 6, note: %s, indicators: {数量: 4台}}\n", i, note }' > "$WORK/spill-a.yaml"
run eval -q "$WORK/spill-t.yaml" -a "$WORK/spill-a.yaml"
expect_status 0  # spilled and read back: every project complies
LAST_ARGS="eval -q spill-t.yaml -a spill-a.yaml, file size limit 1 MiB"
(trap '' XFSZ; ulimit -f 1024; TMPDIR="$WORK" exec timeout 60 "$JIXIAO" eval -q "$WORK/spill-t.yaml" \
  -a "$WORK/spill-a.yaml" </dev/null >"$OUT" 2>"$ERR")
STATUS=$?
expect_status 2
expect_err "jixiao: error: cannot write the temporary file that holds the run's records: File too large (set TMPDIR to a directory with free space)"
rm -f "$WORK"/spill-*.yaml

# ---------------------------------------------------------------------------
# No silent success: nothing to check or score is an error, never exit 0.

case_ "no silent success: an empty list of target files"
: > "$WORK/empty.list"
run check "@$WORK/empty.list"
expect_status 2
expect_err "error[JX0720]: no target projects found in the input"
run template "@$WORK/empty.list"
expect_status 2
expect_err "error[JX0720]: no target projects found in the input"
run template "@$WORK/empty.list" --lang zh
expect_err "错误[JX0720]: 输入中没有找到任何目标项目"

case_ "no silent success: a directory with no YAML files"
mkdir -p "$WORK/empty-dir/sub" && echo text > "$WORK/empty-dir/sub/notes.txt"
run check "$WORK/empty-dir"
expect_status 2
expect_err "$WORK/empty-dir: error[JX0109]: no .yaml or .yml files in this directory"
run eval "$WORK/empty-dir" -a examples/actuals
expect_status 2
expect_err "$WORK/empty-dir: error[JX0109]: no .yaml or .yml files in this directory"
run eval examples/targets -a "$WORK/empty-dir"
expect_status 2
expect_err "$WORK/empty-dir: error[JX0109]: no .yaml, .yml or .csv files in this directory"

case_ "no silent success: files that hold no project"
run check tests/fixtures/check/comment-only.yaml
expect_status 2
run check examples/actuals/2024-actuals.yaml
expect_status 2
expect_err "error[JX0720]: no target projects found in the input"

case_ "no silent success: an actuals file that matches nothing"
sed 's/id: TJ-362303-2024-/id: BJ-110000-2023-/' examples/actuals/2024-actuals.yaml > "$WORK/other.yaml"
run eval examples/targets -a "$WORK/other.yaml"
expect_status 2
expect_err_re "other.yaml:[0-9]+:[0-9]+: error\\[JX0401\\]: actuals for id 'BJ-110000-2023-01' match no target project"
expect_err_re "01-radiation-safety.yaml:[0-9]+:[0-9]+: error\\[JX0721\\]: project '2024年度天津市辐射环境执法安全防护能力提升项目' has no actuals entry"

case_ "no silent success: no actuals at all"
run eval examples/targets -a "@$WORK/empty.list"
expect_status 2
expect_err "has no actuals entry"

case_ "no silent success: every target invalid, actuals valid"
run eval tests/fixtures/check/bad-target.yaml -a examples/actuals
expect_status 2

case_ "no silent success: import of a document with no table"
run import tests/fixtures/import/not-a-table.txt
expect_status 2
expect_error "tests/fixtures/import/not-a-table.txt:1:1" "not a 绩效目标表 (performance target table): no project heading (…绩效目标表) and no table with 项目名称 or an indicator header (一级指标, 二级指标, 三级指标, 指标值) found" JX0601
expect_no_out "project:"

finish
