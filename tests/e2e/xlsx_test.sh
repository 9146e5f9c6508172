#!/usr/bin/env bash
# End-to-end tests of -f xlsx: the workbook is opened as a reader would (unzip,
# then its XML read with python3's zipfile and ElementTree: tests/e2e/xlsx.py)
# and checked against the paper form and the JSON report of the same run.
source "$(dirname "$0")/lib.sh"
# This file checks the Chinese workbook (the default); English cases say --lang en.
export JIXIAO_LANG=zh
EX=(examples/targets -a examples/actuals)
F=tests/fixtures/formats
PY=(env PYTHONPATH="$SRC/tests/e2e" python3)

case_ "the examples: 汇总 first, then one sheet per project named by its id"
run eval "${EX[@]}" -f xlsx="$WORK/r.xlsx" -f json="$WORK/r.json"
expect_status 1
"${PY[@]}" - "$WORK/r.xlsx" "$WORK/r.json" <<'EOF' || fail "the workbook is not as expected"
import json, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
report = json.load(open(sys.argv[2]))
ids = [p["id"] for p in report["projects"]]
assert wb.names == ["汇总"] + ids, wb.names
EOF

case_ "the examples: every label of the 自评表 in its cell, the figures of the JSON report"
"${PY[@]}" - "$WORK/r.xlsx" "$WORK/r.json" <<'EOF' || fail "a form is not as expected"
import json, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
report = json.load(open(sys.argv[2]))
labels = {
    "A1": "项目支出绩效自评表", "A2": "（2024年度）", "A3": "项目名称", "A4": "主管部门",
    "F4": "实施单位", "A5": "项目资金（万元）", "D5": "年初预算数", "E5": "全年预算数",
    "F5": "全年执行数", "G5": "分值", "H5": "执行率", "I5": "得分", "B6": "年度资金总额",
    "B7": "其中：当年财政拨款", "B8": "上年结转资金", "B9": "其他资金", "A10": "年度总体目标",
    "B10": "预期目标", "F10": "实际完成情况", "A12": "绩效指标", "B12": "一级指标",
    "C12": "二级指标", "D12": "三级指标", "E12": "年度指标值", "F12": "实际完成值",
    "G12": "分值", "H12": "得分", "I12": "偏差原因分析及改进措施",
}
for p in report["projects"]:
    s = wb.sheet(p["id"])
    for cell, text in labels.items():
        assert s.value(cell) == text, (p["id"], cell, s.value(cell))
    assert s.value("B3") == p["project"]
    n = len(p["indicators"])
    total = 13 + n  # the 总分 row (1-based)
    assert s.value("A%d" % total) == "总分", (p["id"], s.value("A%d" % total))
    # 分值 adds up to 90; the total and the grade are the JSON report's.
    weights = s.column("G", 13, total - 1)
    assert all(isinstance(w, float) for w in weights), weights
    assert abs(sum(weights) - 90) < 1e-9, (p["id"], sum(weights))
    assert s.value("G%d" % total) == 100.0
    assert s.value("H%d" % total) == p["score"], (p["id"], s.value("H%d" % total), p["score"])
    assert s.value("I%d" % total) == p["grade"]
    # The funding block: numbers, in their formats.
    assert s.value("D6") == p["budget"]["total"]
    # 全年预算数: the adjusted budget where the actuals give one (project 5).
    assert s.value("E6") == p["budget"].get("adjusted", p["budget"]["total"]), s.value("E6")
    # 年度总体目标: the goals numbered, the actuals' achieved text beside them.
    assert s.value("F11") == p["achieved"], (p["id"], s.value("F11"))
    assert s.value("B11").startswith("1. ") or len(p["goals"]) == 1, s.value("B11")
    assert s.value("F6") == p["budget"]["spent"]
    assert round(s.value("H6"), 4) == p["budget"]["rate"]
    assert round(s.value("I6"), 2) == p["budget"]["score"]
    for cell in ("D6", "E6", "F6", "G6", "I6", "G13", "H13", "G%d" % total, "H%d" % total):
        assert s.fmt(cell) == "0.00", (cell, s.fmt(cell))
    assert s.fmt("H6") == "0.00%"
    # Targets and actuals as the text written; not applicable: 0.00 and 0.00.
    by_name = {i["name"]: i for i in p["indicators"]}
    for r in range(13, total):
        i = by_name[s.value("D%d" % r)]
        assert s.value("E%d" % r) == i["target"] and s.value("F%d" % r) == i["actual"]
        assert round(s.value("G%d" % r), 2) == i["weight"] and round(s.value("H%d" % r), 2) == i["score"]
        assert (s.value("I%d" % r) or "") == i["note"]
    # Print setup: A4, one page wide, rows 1-12 repeated; thin borders.
    assert s.page_setup.get("paperSize") == "9" and s.page_setup.get("fitToHeight") == "0"
    assert s.page_setup.get("fitToWidth", "1") == "1" and s.fit_to_page
    sheet = wb.names.index(p["id"])
    assert ("_xlnm.Print_Titles", str(sheet), "'%s'!$1:$12" % p["id"]) in wb.defined_names
    assert s.bordered("A1") and s.bordered("J%d" % total) and not s.bordered("A%d" % (total + 1))
    assert s.bold("A3") and s.bold("A%d" % total)
    assert s.font("A1") == "宋体" and s.font("E13") == "宋体", s.font("A1")
# Project 3: 重要标准项目制/修订数量 is 不适用.
s = wb.sheet("TJ-362303-2024-03")
assert s.value("D14") == "重要标准项目制/修订数量" and s.value("F14") == "不适用"
assert s.value("G14") == 0 and s.value("H14") == 0 and s.fmt("G14") == "0.00"
EOF

case_ "the examples: the merged ranges of the paper form"
"${PY[@]}" - "$WORK/r.xlsx" <<'EOF' || fail "merged ranges differ from the form"
import sys
from xlsx import Workbook
s = Workbook(sys.argv[1]).sheet("TJ-362303-2024-02")
# Project 2 lists 质量, 时效, 成本, 数量, 数量 (产出), then 效益 and 满意度: the
# form groups them in taxonomy order, so 数量 (two rows) comes first.
expected = {
    "A1:J1", "A2:J2", "B3:J3", "B4:E4", "G4:J4",
    "A5:A9", "B5:C5", "I5:J5", "B6:C6", "I6:J6", "B7:C7", "I7:J7", "B8:C8", "I8:J8",
    "B9:C9", "I9:J9", "A10:A11", "B10:E10", "F10:J10", "B11:E11", "F11:J11",
    "A12:A19", "I12:J12", "B13:B17", "C13:C14",
    "I13:J13", "I14:J14", "I15:J15", "I16:J16", "I17:J17", "I18:J18", "I19:J19",
    "A20:F20", "I20:J20", "A21:J21",
}
assert s.merged == expected, sorted(s.merged ^ expected)
assert s.value("B13") == "产出指标（50分）" and s.value("C13") == "数量指标"
assert s.value("D13") == "租用联通通讯线路" and s.value("D15") == "网络稳定运行天数"
# Every cell of a merged range is written, bordered (Excel draws the border from them).
for r in range(1, 21):
    for c in "ABCDEFGHIJ":
        assert "%s%d" % (c, r) in s.cells, "%s%d" % (c, r)
EOF

case_ "the examples: 汇总 has a row per project, the totals, a filter, frozen panes"
"${PY[@]}" - "$WORK/r.xlsx" "$WORK/r.json" <<'EOF' || fail "the 汇总 sheet is not as expected"
import json, statistics, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
s = wb.sheet("汇总")
report = json.load(open(sys.argv[2]))
projects = report["projects"]
headers = ["项目编号", "项目名称", "主管部门", "实施单位", "年初预算数（万元）", "全年预算数（万元）",
           "全年执行数（万元）", "执行率", "得分", "等级", "达成", "未达成", "不适用", "合规", "偏差说明"]
assert [s.value("%s1" % c) for c in "ABCDEFGHIJKLMNO"] == headers
for k, p in enumerate(projects):
    r = k + 2
    assert s.value("A%d" % r) == p["id"] and s.value("B%d" % r) == p["project"]
    assert s.value("I%d" % r) == p["score"] and s.value("J%d" % r) == p["grade"]
    assert s.value("K%d" % r) == p["met"] and s.value("L%d" % r) == p["unmet"]
    assert s.value("N%d" % r) == ("是" if p["complies"] else "否")
    assert s.fmt("E%d" % r) == "0.00" and s.fmt("H%d" % r) == "0.00%" and s.fmt("I%d" % r) == "0.00"
t = len(projects) + 2  # the totals row
assert s.value("A%d" % t) == "合计"
budget = sum(p["budget"].get("adjusted", p["budget"]["total"]) for p in projects)
spent = sum(p["budget"]["spent"] for p in projects)
assert abs(s.value("E%d" % t) - sum(p["budget"]["total"] for p in projects)) < 1e-9
assert s.value("F6") == 116.6 and s.value("E6") == 117, (s.value("E6"), s.value("F6"))
assert abs(s.value("F%d" % t) - budget) < 1e-9 and abs(s.value("G%d" % t) - spent) < 1e-9
assert abs(s.value("H%d" % t) - spent / budget) < 1e-12 and s.fmt("H%d" % t) == "0.00%"
scores = [p["score"] for p in projects]
assert s.value("I%d" % t) == round(sum(scores) / len(scores) + 1e-9, 2), s.value("I%d" % t)
assert s.value("A%d" % (t + 1)) == "中位数" and s.value("I%d" % (t + 1)) == statistics.median(scores)
grades = report["summary"]["grades"]
assert s.value("J%d" % t) == "，".join("%s %d" % kv for kv in grades.items()), s.value("J%d" % t)
assert s.value("K%d" % t) == sum(p["met"] for p in projects)
assert s.value("N%d" % t) == report["summary"]["complies"]
assert s.autofilter == "A1:O%d" % (len(projects) + 1), s.autofilter
assert s.pane.get("state") == "frozen" and s.pane.get("xSplit") == "2" and s.pane.get("ySplit") == "1"
# Printed on A4 landscape, one page wide, the header row on every page.
assert s.page_setup.get("paperSize") == "9" and s.page_setup.get("orientation") == "landscape"
assert s.fit_to_page and s.page_setup.get("fitToHeight") == "0"
assert ("_xlnm.Print_Titles", "0", "'汇总'!$1:$1") in wb.defined_names, wb.defined_names
assert s.value("A%d" % (t + 3)) == "本次运行没有错误和警告"
EOF

case_ "SOURCE_DATE_EPOCH fixes the workbook's creation time: two runs, alone or with other formats, write the same bytes"
SOURCE_DATE_EPOCH=1700000000 run eval "${EX[@]}" -f xlsx="$WORK/alone.xlsx"
expect_status 1
sleep 1.1  # a later second, which the creation time would otherwise record
SOURCE_DATE_EPOCH=1700000000 run eval "${EX[@]}" -f xlsx="$WORK/with.xlsx" -f json="$WORK/with.json"
expect_status 1
cmp -s "$WORK/alone.xlsx" "$WORK/with.xlsx" || fail "the two workbooks differ"
unzip -p "$WORK/alone.xlsx" docProps/core.xml | grep -qF '>2023-11-14T22:13:20Z<' ||
  fail "the creation time is not SOURCE_DATE_EPOCH's"

case_ "--lang en: the labels in English"
run eval "${EX[@]}" -f xlsx="$WORK/en.xlsx" --lang en
expect_status 1
"${PY[@]}" - "$WORK/en.xlsx" <<'EOF' || fail "the English workbook is not as expected"
import sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
assert wb.names[0] == "Summary", wb.names
s = wb.sheet("TJ-362303-2024-01")
assert s.value("A1") == "Project Expenditure Performance Self-Evaluation Form"
assert s.value("A19") == "Total" and s.value("B13") == "产出指标 (50 points)"
assert wb.sheet("Summary").value("A1") == "Project id"
EOF

case_ "a run with errors: the workbook says so, an error row with code and location"
run eval "$F/hostile-target.yaml" -a "$F/hostile-actuals.yaml" -f xlsx="$WORK/err.xlsx" -f json="$WORK/err.json"
expect_status 2
"${PY[@]}" - "$WORK/err.xlsx" "$WORK/err.json" <<'EOF' || fail "no error row"
import json, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
error = json.load(open(sys.argv[2]))["errors"][0]
s = wb.sheet("汇总")
rows = {s.value("A%d" % r): r for r in range(1, s.rows + 1)}
title = [v for v in rows if isinstance(v, str) and v.startswith("本报告所属的运行有 1 个错误")]
assert title, list(rows)
errors = [r for r in range(1, s.rows + 1) if s.value("A%d" % r) == "错误"]
assert len(errors) == 1, errors
r = errors[0]
assert (s.value("B%d" % r) or "") == error.get("code", ""), s.value("B%d" % r)
assert s.value("C%d" % r) == "%s:%d:%d" % (error["file"], error["line"], error["column"]), s.value("C%d" % r)
assert s.value("D%d" % r) == error["message"]
assert [s.value("A%d" % w) for w in range(1, s.rows + 1)].count("警告") >= 1
# Hostile text is text: the sheet of H-1,"x" holds its name as written, less
# the control characters.
assert wb.names == ["汇总", 'H-1,"x"'], wb.names
form = wb.sheet('H-1,"x"')
assert form.value("B3").startswith("=cmd|' /C calc'!A0"), form.value("B3")
# ... as a string cell: no sheet holds a formula.
from xlsx import NS
for name in wb.names:
    assert not list(wb.sheet(name).root.iter("{%s}f" % NS["m"])), name
assert all("\x01" not in str(v) for v, _ in form.cells.values())
EOF

case_ "sheet names: valid for Excel, at most 31 characters, unique"
long="一个非常长的项目编号一个非常长的项目编号一个非常长的项目编号"
{
  for id in 'a/b:c*d?e[f]g\h' "$long-1" "$long-2" "'引号'" "汇总"; do
    printf -- "---\nproject: 项目 %s\nid: \"%s\"\nyear: 2024\nbudget: {total: 1}\nindicators:\n" "${id//\\/\\\\}" "${id//\\/\\\\}"
    printf "  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 1台}\n"
  done
} >"$WORK/names.yaml"
{
  printf "projects:\n"
  for id in 'a/b:c*d?e[f]g\h' "$long-1" "$long-2" "'引号'" "汇总"; do
    printf "  - {id: \"%s\", spent: 1, indicators: {数量: 1台}}\n" "${id//\\/\\\\}"
  done
} >"$WORK/names-actuals.yaml"
run eval "$WORK/names.yaml" -a "$WORK/names-actuals.yaml" -f xlsx="$WORK/names.xlsx"
expect_status 0
"${PY[@]}" - "$WORK/names.xlsx" <<'EOF' || fail "sheet names are not valid"
import sys
from xlsx import Workbook
names = Workbook(sys.argv[1]).names
long = "一个非常长的项目编号一个非常长的项目编号一个非常长的项目编号"
assert names == ["汇总", "a_b_c_d_e_f_g_h", long + "-", long[:29] + "~2", "_引号_", "汇总~2"], names
assert all(len(n) <= 31 for n in names)
EOF

case_ "-f xlsx without a file: a usage error"
run eval "${EX[@]}" -f xlsx
expect_status 2
expect_err "错误[JX0790]: “-f xlsx”需要写到文件"
run eval "${EX[@]}" -f xlsx --lang en
expect_err "error[JX0790]: '-f xlsx' needs a file: write -f xlsx=report.xlsx"

case_ "-f xlsx -o FILE names the workbook"
run eval "${EX[@]}" -f xlsx -o "$WORK/o.xlsx"
expect_status 1
[ -s "$WORK/o.xlsx" ] || fail "no workbook"

case_ "above --xlsx-max-sheets, one file is a usage error: exit 2, no workbook, no temporary"
mkdir -p "$WORK/limit"
run eval "${EX[@]}" -f xlsx="$WORK/limit/r.xlsx" -f json="$WORK/limit/r.json" --xlsx-max-sheets 4 --lang en
expect_status 2
expect_err "error[JX0791]: the actuals hold 5 project entries, more than one workbook takes (4, --xlsx-max-sheets): write -f xlsx=DIR/"
[ "$(ls "$WORK/limit")" = "" ] || fail "files left: $(ls "$WORK/limit")"

case_ "a directory: 汇总.xlsx and one workbook per department, in parts of --xlsx-max-sheets"
five_projects_in_two_departments "$WORK/depts.yaml"
{
  printf "projects:\n"
  for k in 1 2 3 4 5; do printf "  - {id: P-%d, spent: 10, indicators: {数量: 4台}}\n" $k; done
} >"$WORK/depts-actuals.yaml"
run eval "$WORK/depts.yaml" -a "$WORK/depts-actuals.yaml" -f xlsx="$WORK/out/" --xlsx-max-sheets 2 -j 2
expect_status 0
"${PY[@]}" - "$WORK/out" <<'EOF' || fail "the directory is not as expected"
import os, sys
from xlsx import Workbook
d = sys.argv[1]
files = sorted(os.listdir(d))
assert files == ["100 部门0.xlsx", "101 部门1 (1).xlsx", "101 部门1 (2).xlsx", "汇总.xlsx"], files
summary = Workbook(os.path.join(d, "汇总.xlsx"))
assert summary.names == ["汇总"]
s = summary.sheet("汇总")
assert s.column("A", 2, 6) == ["P-1", "P-2", "P-3", "P-4", "P-5"], s.column("A", 2, 6)
assert Workbook(os.path.join(d, "101 部门1 (1).xlsx")).names == ["P-1", "P-3"]
assert Workbook(os.path.join(d, "101 部门1 (2).xlsx")).names == ["P-5"]
book = Workbook(os.path.join(d, "100 部门0.xlsx"))
assert book.names == ["P-2", "P-4"]
assert book.sheet("P-4").value("B3") == "项目4" and "A5:A9" in book.sheet("P-4").merged
EOF

case_ "a directory holding workbooks this run did not write: a warning naming them, kept, status as before"
# The run above split 部门1 in two parts; with room for all, it is one
# workbook now, and the two parts are an earlier run's.
run eval "$WORK/depts.yaml" -a "$WORK/depts-actuals.yaml" -f xlsx="$WORK/out/" -j 2 --lang en
expect_status 0
expect_err "warning[JX0794]: the directory '$WORK/out/' also holds 2 workbook(s) this run did not write: 101 部门1 (1).xlsx, 101 部门1 (2).xlsx. They may be left from an earlier run"
[ -f "$WORK/out/101 部门1 (1).xlsx" ] && [ -f "$WORK/out/101 部门1.xlsx" ] || fail "a workbook is missing"
rm "$WORK/out/101 部门1 ("*").xlsx"
# The lock files Excel and WPS keep beside a workbook open in them are no
# workbooks of an earlier run.
printf 'x' > "$WORK/out/~\$101 部门1.xlsx"
printf 'x' > "$WORK/out/.~101 部门1.xlsx"
run eval "$WORK/depts.yaml" -a "$WORK/depts-actuals.yaml" -f xlsx="$WORK/out/" -j 2
expect_status 0
expect_err_empty
rm "$WORK/out/~\$101 部门1.xlsx" "$WORK/out/.~101 部门1.xlsx"

case_ "a signal while the workbooks move into DIR: all of this run's are moved first, none mixed with older ones"
# strace delivers SIGINT at the run's fourth rename(2): after the three
# workbooks were committed into the staging directory, as the first of
# them moves into DIR. The move finishes, then the signal ends the run.
if strace -f -o /dev/null -e trace=rename true 2>/dev/null; then
  rm -rf "$WORK/moving" && mkdir "$WORK/moving"
  run eval "$WORK/depts.yaml" -a "$WORK/depts-actuals.yaml" -f xlsx="$WORK/moving/" -j 1
  cp -r "$WORK/moving" "$WORK/moving-before"
  sed 's/数量: 4台/数量: 3台/' "$WORK/depts-actuals.yaml" >"$WORK/depts-actuals-2.yaml"
  LAST_ARGS="(strace: SIGINT at the 4th rename) eval ... -f xlsx=$WORK/moving/"
  strace -f -o /dev/null -e trace=rename -e inject=rename:signal=INT:when=4 \
    "$JIXIAO" eval "$WORK/depts.yaml" -a "$WORK/depts-actuals-2.yaml" -f xlsx="$WORK/moving/" -j 1 \
    </dev/null >"$OUT" 2>"$ERR"
  STATUS=$?
  expect_status 130
  [ "$(ls -A "$WORK/moving" | LC_ALL=C sort | tr '\n' '|')" = "100 部门0.xlsx|101 部门1.xlsx|汇总.xlsx|" ] \
    || fail "the directory holds: $(ls -A "$WORK/moving" | tr '\n' ' ')"
  for f in "100 部门0.xlsx" "101 部门1.xlsx" "汇总.xlsx"; do
    cmp -s "$WORK/moving/$f" "$WORK/moving-before/$f" && fail "$f is the earlier run's"
  done
else
  echo "  (strace cannot trace here: the case is not run)" >&2
fi

case_ "a department's workbook that cannot be written: exit 2, JX0793, the directory as it was"
mkdir -p "$WORK/blocked/101 部门1.xlsx"  # a directory where the workbook goes
echo yesterday >"$WORK/blocked/汇总.xlsx"  # an earlier run's
run eval "$WORK/depts.yaml" -a "$WORK/depts-actuals.yaml" -f xlsx="$WORK/blocked/" -j 1
expect_status 2
expect_err "错误[JX0793]: 无法写出工作簿“$WORK/blocked/101 部门1.xlsx”"
# All or nothing: no workbook of this run, no temporary, the old 汇总 kept.
left=$(cd "$WORK/blocked" && ls -A | grep -v -x -e "101 部门1.xlsx" -e "汇总.xlsx")
[ -z "$left" ] || fail "files left: $left"
[ "$(cat "$WORK/blocked/汇总.xlsx")" = yesterday ] || fail "the earlier 汇总.xlsx was replaced"

case_ "merge -f xlsx: the same workbook from the JSON reports of separate runs"
run merge "$WORK/r.json" -f xlsx="$WORK/merged.xlsx"
expect_status 1
"${PY[@]}" - "$WORK/merged.xlsx" "$WORK/r.xlsx" <<'EOF' || fail "the merged workbook differs"
import sys
from xlsx import Workbook
merged, direct = Workbook(sys.argv[1]), Workbook(sys.argv[2])
assert merged.names == direct.names
for name in direct.names:
    a, b = merged.sheet(name), direct.sheet(name)
    assert {k: v for k, (v, _) in a.cells.items()} == {k: v for k, (v, _) in b.cells.items()}, name
    assert a.merged == b.merged, name
EOF

case_ "merge -f xlsx above --xlsx-max-sheets: a usage error"
run merge "$WORK/r.json" -f xlsx="$WORK/merged2.xlsx" --xlsx-max-sheets 2
expect_status 2
expect_err "[JX0791]"
[ ! -e "$WORK/merged2.xlsx" ] || fail "a workbook was written"

case_ "--show-work: a 计算过程 sheet last, a row for each line of the text report's arithmetic"
run eval "${EX[@]}" --show-work -f xlsx="$WORK/w.xlsx" -f json="$WORK/w.json"
expect_status 1
"${PY[@]}" - "$WORK/w.xlsx" "$WORK/w.json" <<'EOF' || fail "the 计算过程 sheet is not as expected"
import json, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
report = json.load(open(sys.argv[2]))
ids = [p["id"] for p in report["projects"]]
assert wb.names == ["汇总"] + ids + ["计算过程"], wb.names
s = wb.sheet("计算过程")
assert [s.value(c) for c in ("A1", "B1", "C1")] == ["编号", "三级指标", "计算过程"]
want = []
for p in report["projects"]:
    want.append((p["id"], "执行率", p["budget"]["work"]["text"]))
    for i in p["indicators"]:
        want += [(p["id"], i["name"], line) for line in i["work"]["text"]]
got = [tuple(s.value("%s%d" % (c, r)) for c in "ABC") for r in range(2, s.rows + 1)]
assert got == want, (len(got), len(want), got[:3], want[:3])
EOF

case_ "without --show-work there is no 计算过程 sheet"
run eval "${EX[@]}" -f xlsx="$WORK/n.xlsx"
expect_status 1
"${PY[@]}" - "$WORK/n.xlsx" <<'EOF' || fail "a 计算过程 sheet without --show-work"
import sys
from xlsx import Workbook
assert "计算过程" not in Workbook(sys.argv[1]).names
EOF

case_ "sheet names that look like cell references or start with a digit are quoted where the workbook names them"
{
  for id in TJ2024 12010024 R1C1; do
    printf -- "---\nproject: 项目%s\nid: \"%s\"\nyear: 2024\nbudget: {total: 10}\n" $id $id
    printf "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n"
  done
} >"$WORK/refs.yaml"
printf 'projects:\n  - {id: TJ2024, spent: 10, indicators: {数量: 4台}}\n  - {id: "12010024", spent: 10, indicators: {数量: 4台}}\n  - {id: R1C1, spent: 10, indicators: {数量: 4台}}\n' >"$WORK/refs-actuals.yaml"
for cmd in eval monitor; do
  extra=()
  [ $cmd = monitor ] && extra=(--as-of 2024-12-31)
  run $cmd "$WORK/refs.yaml" -a "$WORK/refs-actuals.yaml" "${extra[@]}" -f xlsx="$WORK/refs-$cmd.xlsx"
  expect_status 0
  python3 - "$WORK/refs-$cmd.xlsx" <<'EOF' || fail "$cmd: a defined name with a bare sheet name"
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode()
names = re.findall(r'<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)<', xml)
for sheet in ["TJ2024", "12010024", "R1C1"]:
    assert "'%s'!$1:$" % sheet in " ".join(names), (sheet, names)
assert all(n.startswith("'") for n in names), names
EOF
done

case_ "the 汇总 sheet has its autofilter over the project rows, in one file and in a directory's 汇总.xlsx"
for cmd in eval monitor; do
  inputs=("${EX[@]}")
  [ $cmd = monitor ] && inputs=(examples/targets -a examples/progress)
  run $cmd "${inputs[@]}" -f xlsx="$WORK/filter-$cmd.xlsx" -f xlsx="$WORK/filter-$cmd/" -q
  python3 - "$WORK/filter-$cmd.xlsx" "$WORK/filter-$cmd/汇总.xlsx" <<'EOF' || fail "$cmd: an autofilter missing or not over the 5 projects"
import re, sys, zipfile
for f in sys.argv[1:]:
    sheet = zipfile.ZipFile(f).read("xl/worksheets/sheet1.xml").decode()
    m = re.search(r'<autoFilter ref="A1:([A-Z]+)6"/>', sheet)
    assert m, (f, re.findall(r"<autoFilter[^>]*>", sheet))
EOF
done

finish
