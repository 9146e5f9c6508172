#!/usr/bin/env bash
# End-to-end tests of the csv, markdown, junit and github reports: golden
# files on the examples and on hostile text, valid JUnit XML, several
# outputs from one run, and atomic writes.
#
# After an intended change of a report, UPDATE_GOLDEN=1 rewrites the golden
# files (see lib.sh): review the diff before committing.
source "$(dirname "$0")/lib.sh"
# This file checks the Chinese reports (the default); English cases say --lang en.
export JIXIAO_LANG=zh
F=tests/fixtures/formats
G=tests/golden
EX=(examples/targets -a examples/actuals)
HOSTILE=($F/hostile-target.yaml -a $F/hostile-actuals.yaml)

# golden NAME STATUS FILE ARGS...: `eval ARGS` exits STATUS and prints FILE.
golden() {
  local name=$1 status=$2 file=$3
  shift 3
  case_ "$name"
  run eval "$@"
  expect_status "$status"
  expect_golden "$G/$file"
}

for fmt in csv markdown junit github; do
  ext=$fmt
  case $fmt in markdown) ext=md ;; junit) ext=xml ;; github) ext=github.txt ;; esac
  golden "$fmt: the examples" 1 "formats-examples.$ext" "${EX[@]}" -f $fmt
  golden "$fmt: hostile names and notes" 2 "formats-hostile.$ext" "${HOSTILE[@]}" -f $fmt
  golden "$fmt: hostile names and notes, --lang en" 2 "formats-hostile-en.$ext" "${HOSTILE[@]}" -f $fmt --lang en
done
golden "text: hostile names and notes" 2 formats-hostile.txt "${HOSTILE[@]}" -f text
golden "text: hostile names and notes, --lang en" 2 formats-hostile-en.txt "${HOSTILE[@]}" -f text --lang en
golden "csv: --lang en, no BOM" 1 formats-examples-en-nobom.csv "${EX[@]}" -f csv --lang en --csv-no-bom
golden "markdown: --lang en" 1 formats-examples-en.md "${EX[@]}" -f markdown --lang en

case_ "csv: BOM, CRLF line ends, 18 columns in every record"
run eval "${EX[@]}" -f csv
expect_status 1
[ "$(head -c 3 "$OUT" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 BOM"
[ "$(grep -c $'\r$' "$OUT")" = "$(wc -l <"$OUT")" ] || fail "a line does not end with CRLF"
python3 - "$OUT" <<'EOF' || fail "not 18 columns in every record"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert len(rows) == 1 + 35 + 2 * 5, len(rows)
assert all(len(r) == 18 for r in rows), [len(r) for r in rows]
kinds = [r[0] for r in rows[1:]]
assert kinds.count("project") == 5 and kinds.count("budget") == 5, kinds
EOF

case_ "csv: a hostile cell cannot run as a formula"
run eval "${HOSTILE[@]}" -f csv
expect_status 2
python3 - "$OUT" <<'EOF' || fail "a cell starts like a formula"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
for r in rows[1:]:
    for cell in r:
        if cell and cell[0] in "=+-@\t\r":
            try:
                float(cell)
            except ValueError:
                raise SystemExit("formula-like cell: %r" % cell)
assert any(c.startswith("'=HYPERLINK") for r in rows for c in r)
EOF

case_ "junit: the examples are valid XML"
run eval "${EX[@]}" -f junit
expect_status 1
xmllint --noout "$OUT" 2>"$WORK/xmllint" || { fail "xmllint rejects the report"; cat "$WORK/xmllint" >&2; }
expect_out '<failure message="指标值 ≥300天，实际完成值 296天，得分 9.87 / 10.00" type="unmet">'

case_ "junit: hostile text and an input error are valid XML"
run eval "${HOSTILE[@]}" -f junit
expect_status 2
xmllint --noout "$OUT" 2>"$WORK/xmllint" || { fail "xmllint rejects the report"; cat "$WORK/xmllint" >&2; }
[ "$(xmllint --xpath 'count(//testsuite[@name="输入错误"]/testcase/error[starts-with(@type, "JX")])' "$OUT")" = 1 ] ||
  fail "no input error test case"
[ "$(xmllint --xpath 'string((//testcase)[1]/@name)' "$OUT")" = '=1+2 数量, "引号"' ] ||
  fail "the hostile indicator name does not survive XML escaping"
[ "$(xmllint --xpath 'string((//testcase)[1]/@classname)' "$OUT")" = 'H-1,"x"' ] ||
  fail "the hostile project id does not survive XML escaping"
[ "$(xmllint --xpath 'count(//failure)' "$OUT")" = 3 ] || fail "expected 3 failures"

case_ "github: unmet indicators point at their line in the target file"
run eval "${EX[@]}" -f github
expect_status 1
expect_out "::error file=examples/targets/02-mobile-enforcement.yaml,line=21,col=5,title=未达成：网络稳定运行天数::"
expect_out_re "^::notice title=jixiao::"

case_ "github: at most 10 annotations per type, input errors first, then the lowest scores"
{
  echo "project: 高分项目"
  echo "id: HIGH"
  echo "year: 2024"
  echo "budget: {total: 10}"
  echo "indicators:"
  echo "  - {level1: 产出指标, level2: 数量指标, name: 甲, target: 10个}"
  echo "---"
  echo "project: 低分项目"
  echo "id: LOW"
  echo "year: 2024"
  echo "budget: {total: 10}"
  echo "indicators:"
  for i in $(seq 1 12); do echo "  - {level1: 产出指标, level2: 数量指标, name: 指标$i, target: 10个}"; done
  echo "---"
  echo "project: 出错项目"
  echo "id: BAD"
  echo "year: 2024"
  echo "budget: {total: 10}"
  echo "indicators:"
  echo "  - {level1: 产出指标, level2: 数量指标, name: 甲, target: 10个}"
} >"$WORK/many.yaml"
{
  echo "projects:"
  echo "  - {id: HIGH, spent: 10, indicators: {甲: 9个}}"
  echo "  - id: LOW"
  echo "    spent: 10"
  echo "    indicators:"
  for i in $(seq 1 12); do echo "      指标$i: 1个"; done
  echo "  - {id: BAD, spent: 10, indicators: {甲: 5天}}"
} >"$WORK/many-actuals.yaml"
run eval "$WORK/many.yaml" -a "$WORK/many-actuals.yaml" -f github
expect_status 2
[ "$(grep -c '^::error ' "$OUT")" = 10 ] || fail "expected 10 ::error lines"
[ "$(grep -c '^::warning ' "$OUT")" = 10 ] || fail "expected 10 ::warning lines"
head -n 1 "$OUT" | grep -q "^::error file=$WORK/many-actuals.yaml,line=" || fail "the input error is not first"
sed -n 2p "$OUT" | grep -q '（LOW，总分 ' || fail "the lowest-scoring project's indicators are not next"
expect_no_out "（HIGH，"
[ "$(tail -n 1 "$OUT")" = "::notice title=jixiao::共 2 个项目，合规 0 个；错误 1 个，警告 13 个；未达成指标 13 个；省略错误注释 4 条、警告注释 3 条（GitHub 每个步骤每类最多显示 10 条）" ] ||
  fail "wrong final notice: $(tail -n 1 "$OUT")"

case_ "markdown: fits a job summary: one <details> per project, balanced"
run eval "${EX[@]}" -f markdown
expect_status 1
[ "$(grep -c '^<details><summary>' "$OUT")" = 5 ] || fail "expected 5 <details> blocks"
[ "$(grep -c '^</details>$' "$OUT")" = 5 ] || fail "expected 5 </details>"

case_ "markdown: hostile text renders as literal text under GFM (cmark-gfm)"
if ! command -v cmark-gfm >/dev/null; then
  fail "cmark-gfm is not installed (tools/install-deps.sh installs it)"
else
  cmark-gfm -e table --unsafe "$G/formats-hostile.md" >"$WORK/hostile.html"
  grep -q '<script\|<b>\|<i>\|<!--\|<code>\|<em>\|<a href="http://evil' "$WORK/hostile.html" &&
    fail "hostile text became markup: $(grep -o '<script\|<b>\|<i>\|<!--\|<code>\|<em>' "$WORK/hostile.html" | head -3)"
  [ "$(grep -c '^<table>' "$WORK/hostile.html")" = 2 ] || fail "expected 2 tables"
  [ "$(grep -c '^<td' "$WORK/hostile.html")" = $((7 + 5 * 10)) ] || fail "a table row lost or gained a cell"
  [ "$(grep -c '^</details>' "$WORK/hostile.html")" = 1 ] || fail "the details block is not closed once"
fi

# Several outputs from one run are byte-identical to single-format runs.
case_ "several outputs per run: text on stdout, junit and json to files"
for fmt in junit json csv markdown github; do
  run eval "${EX[@]}" -f $fmt -o "$WORK/single.$fmt"
  expect_status 1
done
run eval "${EX[@]}" -f text
cp "$OUT" "$WORK/single.text"
run eval "${EX[@]}" -f text -f junit="$WORK/multi.junit" -f json="$WORK/multi.json" \
  -f csv="$WORK/multi.csv" -f markdown="$WORK/multi.markdown" -f github="$WORK/multi.github"
expect_status 1
expect_same "$WORK/single.text"
for fmt in junit json csv markdown github; do
  cmp -s "$WORK/single.$fmt" "$WORK/multi.$fmt" || fail "$fmt differs between one and several outputs"
done
cmp -s "$WORK/single.junit" "$G/formats-examples.xml" || fail "-o junit differs from stdout"

case_ "several outputs per run, with input errors"
run eval "${HOSTILE[@]}" -f junit -o "$WORK/h-single.xml"
expect_status 2
run eval "${HOSTILE[@]}" -f json="$WORK/h-multi.json" -f junit="$WORK/h-multi.xml" -f github
expect_status 2
expect_same "$G/formats-hostile.github.txt"
cmp -s "$WORK/h-single.xml" "$WORK/h-multi.xml" || fail "junit differs between one and several outputs"

# Atomic writes: a failed write exits 2 and leaves no file behind.
case_ "-o alone takes the format its name says: 自评表.xlsx a workbook, r.JSON JSON"
run eval "${EX[@]}" -o "$WORK/自评表.xlsx" -q
expect_status 1
[ "$(head -c 2 "$WORK/自评表.xlsx")" = PK ] || fail "-o 自评表.xlsx is not a workbook"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).getinfo("xl/workbook.xml")' \
  "$WORK/自评表.xlsx" || fail "-o 自评表.xlsx has no xl/workbook.xml"
run eval "${EX[@]}" -o "$WORK/r.JSON"
expect_status 1
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$WORK/r.JSON" || fail "-o r.JSON is not JSON"
run merge "$WORK/r.JSON" -o "$WORK/merged.md"
expect_status 1
grep -q '^|' "$WORK/merged.md" || fail "merge -o merged.md is not markdown"

case_ "-o naming a workbook for another format: exit 2 with JX0727, nothing written"
run eval "${EX[@]}" -f json -o "$WORK/表.xlsx" --lang en
expect_status 2
expect_err "error[JX0727]: -o $WORK/表.xlsx is a workbook's name, but the report is json: Excel would not open the file; for the workbook write -f xlsx=$WORK/表.xlsx"
[ ! -e "$WORK/表.xlsx" ] || fail "a file was written"
run check examples/targets -o "$WORK/c.xml" --lang en
expect_status 2
expect_err "error[JX0727]: -o $WORK/c.xml is a junit report's name, but this command does not write junit (it writes text, json)"
run eval "${EX[@]}" -f xlsx -o "$WORK/r.json" --lang en
expect_status 2
expect_err "error[JX0727]: -o $WORK/r.json is a json report's name, but the report is xlsx"
[ ! -e "$WORK/c.xml" ] && [ ! -e "$WORK/r.json" ] || fail "a file was written"

case_ "-f FORMAT=FILE naming a file of another format: exit 2 with JX0727, the file there kept"
# Last year's filled sheet and targets, not inputs of this run: a report
# written over them would destroy them.
printf '项目,指标,实际值\nA,spent,1\n' >"$WORK/2023实际.csv"
printf 'project: 去年的项目\n' >"$WORK/2023目标.yaml"
cp "$WORK/2023实际.csv" "$WORK/2023实际.csv.before"
cp "$WORK/2023目标.yaml" "$WORK/2023目标.yaml.before"
run eval "${EX[@]}" -f text -f xlsx="$WORK/2023实际.csv" --lang en
expect_status 2
expect_err "error[JX0727]: -f xlsx=$WORK/2023实际.csv: $WORK/2023实际.csv is a csv report's name, but the report is xlsx: for the csv report write -f csv=$WORK/2023实际.csv, for the xlsx report choose a name that fits it"
run eval "${EX[@]}" -f csv="$WORK/2023目标.yaml" --lang en
expect_status 2
expect_err "error[JX0727]: -f csv=$WORK/2023目标.yaml: $WORK/2023目标.yaml is a yaml file's name, but this command does not write yaml (it writes text, json, jsonl, csv, markdown, junit, github, xlsx, html): choose a name that fits the csv report"
run monitor examples/targets -a examples/progress -f json="$WORK/新.xlsx" --lang en
expect_status 2
expect_err "error[JX0727]: -f json=$WORK/新.xlsx: $WORK/新.xlsx is a workbook's name, but the report is json: Excel would not open the file; for the workbook write -f xlsx=$WORK/新.xlsx, for the json report choose another name"
cmp -s "$WORK/2023实际.csv" "$WORK/2023实际.csv.before" || fail "2023实际.csv was changed"
cmp -s "$WORK/2023目标.yaml" "$WORK/2023目标.yaml.before" || fail "2023目标.yaml was changed"
[ ! -e "$WORK/新.xlsx" ] || fail "a file was written"
# The names that fit, and names no format claims, are written as asked.
run eval "${EX[@]}" -f csv="$WORK/r.csv" -f json="$WORK/r.txt" -f markdown="$WORK/r.md"
expect_status 1
[ -s "$WORK/r.csv" ] && [ -s "$WORK/r.txt" ] && [ -s "$WORK/r.md" ] || fail "a report was not written"

case_ "-o or -f FORMAT=FILE naming a spreadsheet, a Word or WPS document or a PDF: exit 2 with JX0727, the document kept"
# The officer's own documents beside the reports: an Excel 97-2003 sheet
# (its OLE header), and one file of each other kind.
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' >"$WORK/6月监控表.xls"
cp "$WORK/6月监控表.xls" "$WORK/6月监控表.xls.before"
run eval "${EX[@]}" -o "$WORK/6月监控表.xls" --lang en
expect_status 2
expect_err "error[JX0727]: -o $WORK/6月监控表.xls is the name of an Excel 97-2003 workbook (.xls), a kind of file jixiao does not write: the text report written under it would replace such a file, and would not open as one; choose a name ending in .txt, such as -o $WORK/6月监控表.txt"
expect_no_out "2024"
run eval "${EX[@]}" -o "$WORK/6月监控表.xls"
expect_status 2
expect_err "错误[JX0727]: -o $WORK/6月监控表.xls 是 Excel 97-2003 工作簿（.xls）的文件名，jixiao 不写这种文件：text 报告写在这个名字下，会换掉那里同名的文件，写出的也打不开；请换一个以 .txt 结尾的文件名，如 -o $WORK/6月监控表.txt"
cmp -s "$WORK/6月监控表.xls" "$WORK/6月监控表.xls.before" || fail "6月监控表.xls was changed"
for ext in xlsm et ods docx doc docm wps rtf odt pdf XLS; do
  printf 'the document\n' >"$WORK/文件.$ext"
done
run eval "${EX[@]}" -f csv="$WORK/文件.xlsm" --lang en
expect_status 2
expect_err "error[JX0727]: -f csv=$WORK/文件.xlsm: $WORK/文件.xlsm is the name of a macro-enabled Excel workbook (.xlsm), a kind of file jixiao does not write: the csv report written under it would replace such a file, and would not open as one; choose a name ending in .csv, such as -f csv=$WORK/文件.csv"
# The workbook itself is written under .xlsx only.
run eval "${EX[@]}" -f xlsx="$WORK/文件.XLS" --lang en
expect_status 2
expect_err "error[JX0727]: -f xlsx=$WORK/文件.XLS: $WORK/文件.XLS is the name of an Excel 97-2003 workbook (.xls), a kind of file jixiao does not write: the xlsx report written under it would replace such a file, and would not open as one; choose a name ending in .xlsx, such as -f xlsx=$WORK/文件.xlsx"
run eval "${EX[@]}" -f json -o "$WORK/文件.et" --lang en
expect_status 2
expect_err "error[JX0727]: -o $WORK/文件.et is the name of a WPS Spreadsheets workbook (.et)"
run eval "${EX[@]}" -f markdown="$WORK/文件.docx" --lang en
expect_status 2
expect_err "error[JX0727]: -f markdown=$WORK/文件.docx: $WORK/文件.docx is the name of a Word document (.docx), a kind of file jixiao does not write: the markdown report written under it would replace such a file, and would not open as one; choose a name ending in .md, such as -f markdown=$WORK/文件.md"
run eval "${EX[@]}" -f html="$WORK/文件.pdf" --lang en
expect_status 2
expect_err "error[JX0727]: -f html=$WORK/文件.pdf: $WORK/文件.pdf is the name of a PDF file (.pdf)"
# monitor, merge, check, template and rules write reports too.
run monitor examples/targets -a examples/progress -o "$WORK/文件.ods" --lang en
expect_status 2
expect_err "error[JX0727]: -o $WORK/文件.ods is the name of an OpenDocument spreadsheet (.ods), a kind of file jixiao does not write: the text report written under it would replace such a file, and would not open as one; choose a name ending in .txt, such as -o $WORK/文件.txt"
run eval "${EX[@]}" -f json="$WORK/merge-in.json"
run merge "$WORK/merge-in.json" -o "$WORK/文件.doc" --lang en
expect_status 2
expect_err "error[JX0727]: -o $WORK/文件.doc is the name of a Word 97-2003 document (.doc), a kind of file jixiao does not write: the json report written under it would replace such a file, and would not open as one; choose a name ending in .json, such as -o $WORK/文件.json"
run check examples/targets -f json="$WORK/文件.wps" --lang en
expect_status 2
expect_err "error[JX0727]: -f json=$WORK/文件.wps: $WORK/文件.wps is the name of a WPS Writer document (.wps)"
run template examples/targets -o "$WORK/文件.rtf" --lang en
expect_status 2
expect_err "error[JX0727]: -o $WORK/文件.rtf is the name of an RTF document (.rtf), a kind of file jixiao does not write: the yaml report written under it would replace such a file, and would not open as one; choose a name ending in .yaml, such as -o $WORK/文件.yaml"
run eval "${EX[@]}" -f jsonl="$WORK/文件.docm" --lang en
expect_status 2
expect_err "error[JX0727]: -f jsonl=$WORK/文件.docm: $WORK/文件.docm is the name of a macro-enabled Word document (.docm)"
run rules -o "$WORK/文件.odt" --lang en
expect_status 2
expect_err "error[JX0727]: -o $WORK/文件.odt is the name of an OpenDocument text (.odt)"
for ext in xlsm et ods docx doc docm wps rtf odt pdf XLS; do
  [ "$(cat "$WORK/文件.$ext")" = "the document" ] || fail "文件.$ext was changed"
done
for ext in txt csv md json yaml xlsx html; do
  [ ! -e "$WORK/文件.$ext" ] || fail "文件.$ext was written"
done

case_ "a report into a missing directory: exit 2, no file"
run eval "${EX[@]}" -f text -f json=/nonexistent-dir/r.json
expect_status 2
expect_err "/nonexistent-dir/r.json: 错误[JX0718]: 无法写入 json 报告：无法在“/nonexistent-dir”中创建文件：没有这个文件或目录"
[ ! -e /nonexistent-dir ] || fail "/nonexistent-dir exists"

case_ "standard output that takes nothing (a full disk): exit 2, said on stderr"
# The report reaches standard output in 64 KiB blocks; a block the system
# refuses must still end the run with exit 2, not pass unnoticed.
if [ -w /dev/full ]; then
  LAST_ARGS="eval ${EX[*]} -f json >/dev/full"
  timeout 20 "$JIXIAO" eval "${EX[@]}" -f json </dev/null >/dev/full 2>"$ERR"
  STATUS=$?
  expect_status 2
  expect_err "标准输出: 错误[JX0718]: 无法写入 json 报告：无法写到标准输出"
  # What is written to standard output directly: help, the version, explain.
  for args in "--help" "--version" "explain" "explain JX0401" "eval --help"; do
    LAST_ARGS="$args >/dev/full"
    # shellcheck disable=SC2086
    timeout 20 "$JIXIAO" $args </dev/null >/dev/full 2>"$ERR"
    STATUS=$?
    expect_status 2
    expect_err "jixiao: 错误[JX0718]: 无法写到标准输出"
  done
fi

case_ "a report over a directory: exit 2, no partial or temporary file"
mkdir -p "$WORK/atomic/r.xml"
run eval "${EX[@]}" -f junit="$WORK/atomic/r.xml" -f json="$WORK/atomic/r.json"
expect_status 2
expect_err "$WORK/atomic/r.xml: 错误[JX0716]: 无法写入 junit 报告：是一个目录：请给报告一个文件名"
[ -d "$WORK/atomic/r.xml" ] || fail "the directory was replaced"
[ -z "$(ls "$WORK/atomic/r.xml")" ] || fail "something was written into the directory"
ls "$WORK/atomic" | grep -q tmp && fail "a temporary file was left: $(ls "$WORK/atomic")"

case_ "an existing report is replaced whole, not appended to"
echo "old content" >"$WORK/keep.csv"
run eval "${EX[@]}" -f csv -o "$WORK/keep.csv"
expect_status 1
cmp -s "$WORK/keep.csv" "$G/formats-examples.csv" || fail "the file is not exactly the new report"

case_ "--csv-no-bom is an eval option"
run check --csv-no-bom examples/targets
expect_status 2

case_ "every excerpt the docs quote from a golden file is in it, line by line"
# A block introduced by "(excerpt, `tests/golden/F`)": each of its lines is
# a line of F, where "…" stands for text left out.
python3 - "$SRC" <<'EOF' || fail "an excerpt in the docs is not in its golden file (above)"
import re, sys
root = sys.argv[1]
bad = 0
for doc in ("docs/formats.md", "docs/monitor.md", "docs/scoring.md", "docs/reference.md"):
    lines = open(f"{root}/{doc}", encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = re.search(r"excerpt, `(tests/golden/[^`]+)`", lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while not lines[j].startswith("```"):
            j += 1
        k = j + 1
        gold = open(f"{root}/{m.group(1)}", encoding="utf-8-sig").read().replace("\r\n", "\n").split("\n")
        while not lines[k].startswith("```"):
            frags = [f for f in lines[k].split("…") if f]
            def ordered(g):
                pos = 0
                for f in frags:
                    pos = g.find(f, pos)
                    if pos < 0:
                        return False
                    pos += len(f)
                return True
            if not any(ordered(g) for g in gold):
                print(f"{doc}:{k + 1}: not in {m.group(1)}: {lines[k][:80]}", file=sys.stderr)
                bad += 1
            k += 1
        i = k + 1
sys.exit(1 if bad else 0)
EOF

finish
