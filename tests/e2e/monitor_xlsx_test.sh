#!/usr/bin/env bash
# End-to-end tests of `jixiao monitor -f xlsx` (docs/monitor.md): the
# workbook is opened as a reader would (tests/e2e/xlsx.py: zipfile and
# ElementTree) and checked against the 项目支出绩效目标执行监控表 and the JSON
# report of the same run: labels, merged ranges of the two-row header, the √
# marks, each light and its fill, number formats, the 汇总 sheet, an error
# row, the directory mode, --xlsx-max-sheets, English labels, hostile text.
source "$(dirname "$0")/lib.sh"
export JIXIAO_LANG=zh
EX=(examples/targets -a examples/progress)
PY=(env PYTHONPATH="$SRC/tests/e2e" python3)

case_ "monitor xlsx: 汇总 first, then one sheet per project named by its id"
run monitor "${EX[@]}" -f xlsx="$WORK/m.xlsx" -f json="$WORK/m.json"
expect_status 1
"${PY[@]}" - "$WORK/m.xlsx" "$WORK/m.json" <<'EOF' || fail "the workbook is not as expected"
import json, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
report = json.load(open(sys.argv[2]))
assert wb.names == ["汇总"] + [p["id"] for p in report["projects"]], wb.names
EOF

case_ "monitor xlsx: every label of the 监控表 in its cell, the lights and figures of the JSON report"
"${PY[@]}" - "$WORK/m.xlsx" "$WORK/m.json" <<'EOF' || fail "a form is not as expected"
import json, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
report = json.load(open(sys.argv[2]))
labels = {
    "A1": "项目支出绩效目标执行监控表", "A2": "（2024年度）", "A3": "项目名称", "O3": "项目预警",
    "A4": "主管部门及代码", "I4": "实施单位", "A5": "项目资金（万元）", "E5": "1-7月执行数",
    "F5": "1-7月执行率", "G5": "全年预计执行数", "J5": "情况说明", "C6": "年度资金总额",
    "C7": "其中：财政拨款", "C8": "其他资金", "C9": "预算执行预警", "D9": "时间进度", "F9": "进度比",
    "A10": "年度总体目标", "I10": "1-7月执行情况",
    "A12": "一级指标", "B12": "二级指标", "C12": "三级指标", "D12": "年度指标值",
    "E12": "1-7月执行情况", "F12": "全年预计完成情况", "G12": "偏差原因分析", "L12": "完成目标可能性",
    "O12": "备注", "P12": "预警", "G13": "经费保障", "H13": "制度保障", "I13": "人员保障",
    "J13": "硬件条件保障", "K13": "其他", "L13": "确定能", "M13": "有可能", "N13": "完全不可能",
}
word = {"green": "绿", "yellow": "黄", "red": "红"}
fill = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE"}
for p in report["projects"]:
    s = wb.sheet(p["id"])
    for cell, text in labels.items():
        assert s.value(cell) == text, (p["id"], cell, s.value(cell))
    # 年初预算数 always, as the official form has it: the target file's.
    b = p["budget"]
    assert s.value("D5") == "年初预算数", s.value("D5")
    assert s.value("C3") == p["project"]
    # The project's light and the budget's, in words and colours.
    assert s.value("P3") == word[p["light"]] and s.fill("P3") == fill[p["light"]], p["id"]
    assert s.value("P9") == word[b["light"]] and s.fill("P9") == fill[b["light"]], p["id"]
    # The funding block: numbers in their formats.
    assert s.value("D6") == b["total"] and s.value("E6") == b["spent"]
    assert round(s.value("F6"), 4) == b["rate"] and s.fmt("F6") == "0.00%"
    assert (s.value("G6") if b["forecast_spent"] is not None else None) == b["forecast_spent"]
    assert round(s.value("E9"), 4) == report["time_progress"] and s.fmt("E9") == "0.00%"
    assert round(s.value("G9"), 4) == b["pace"] and s.fmt("G9") == "0.00"
    for cell in ("D6", "E6", "G6"):
        assert s.value(cell) is None or s.fmt(cell) == "0.00", (cell, s.fmt(cell))
    # An adjusted budget, which the rates are of, is said before the note.
    said = "年中调整后的全年预算数为 %.2f 万元，执行率和进度比按调整后的预算计算。" % b["adjusted"] \
        if "adjusted" in b else ""
    assert (s.value("J6") or "") == "\n".join(t for t in (said, b["note"]) if t), (p["id"], s.value("J6"))
    # One row per indicator: its texts, and its light as the JSON report's.
    by_name = {i["name"]: i for i in p["indicators"]}
    first, n = 14, len(p["indicators"])
    assert sorted(s.column("C", first, first + n - 1)) == sorted(by_name), p["id"]
    for r in range(first, first + n):
        i = by_name[s.value("C%d" % r)]
        assert s.value("D%d" % r) == i["target"]
        assert s.value("E%d" % r) == i["value"] and s.value("F%d" % r) == i["forecast"], r
        assert (s.value("O%d" % r) or "") == i["note"]
        if i["light"] is None:
            assert s.value("P%d" % r) == "—" and s.fill("P%d" % r) is None
        else:
            assert s.value("P%d" % r) == word[i["light"]], (p["id"], r)
            assert s.fill("P%d" % r) == fill[i["light"]], (p["id"], r)
    # Print setup: A4 landscape, one page wide, rows 1-13 on every page; borders.
    assert s.page_setup.get("paperSize") == "9" and s.page_setup.get("orientation") == "landscape"
    assert s.fit_to_page and s.page_setup.get("fitToHeight") == "0"
    sheet = wb.names.index(p["id"])
    assert ("_xlnm.Print_Titles", str(sheet), "'%s'!$1:$13" % p["id"]) in wb.defined_names
    last = first + n - 1
    assert s.bordered("A1") and s.bordered("P%d" % last) and not s.bordered("A%d" % (last + 1))
    assert s.font("A1") == "宋体"
# Project 4 is red: 136号's advice under the form, then the lines to sign.
s = wb.sheet("TJ-362303-2024-04")
n = len(report["projects"][3]["indicators"])
assert s.value("A%d" % (14 + n)).startswith("红灯：按财预〔2019〕136号"), s.value("A%d" % (14 + n))
assert s.value("A%d" % (15 + n)).startswith("项目负责人：")
EOF

case_ "monitor xlsx: 上年结转资金 has a row of its own; a low forecast spending is flagged in row 9"
mkdir -p "$WORK/carry"
cp -r examples/targets "$WORK/carry/"
sed -i 's/^  fiscal: 6.00/  fiscal: 4.00\n  carryover: 2.00/' "$WORK/carry/targets/01-radiation-safety.yaml"
grep -q '^  carryover: 2.00' "$WORK/carry/targets/01-radiation-safety.yaml" || fail "the example's budget block has changed: fix this case"
sed 's/^    spent: 3.10$/    spent: {total: 3.10, fiscal: 2.00, carryover: 1.10}/; s/^    forecast_spent: 5.90$/    forecast_spent: 5.00/' \
  examples/progress/2024-07-progress.yaml >"$WORK/carry/progress.yaml"
run monitor "$WORK/carry/targets" -a "$WORK/carry/progress.yaml" examples/progress/05-management.csv \
  -f xlsx="$WORK/carry.xlsx" --fail-on none
expect_status 0
"${PY[@]}" - "$WORK/carry.xlsx" <<'EOF' || fail "the carryover row or the flag is not as expected"
import sys
from xlsx import Workbook
s = Workbook(sys.argv[1]).sheet("TJ-362303-2024-01")
# 6 = 4 fiscal + 2 carried over; 3.10 spent = 2.00 + 1.10: 1.10 / 2 = 55.00%.
assert s.value("C7") == "其中：财政拨款" and s.value("D7") == 4 and s.value("E7") == 2, s.value("D7")
assert s.value("C8") == "上年结转资金" and s.value("D8") == 2 and s.value("E8") == 1.1, s.value("C8")
assert round(s.value("F8"), 4) == 0.55
assert s.value("C9") == "其他资金" and s.value("C10") == "预算执行预警"
# 5.00 of 6.00 = 83.33% < 90%: flagged beside the budget's figures.
assert s.value("J10").endswith("；全年预计执行：低于预算的 90%"), s.value("J10")
assert s.value("A13") == "一级指标"
EOF

case_ "monitor xlsx: a pace just short of its threshold keeps the decimals that show it"
# Project 1: 6.00 万元; 2.7934 spent by 2024-07-31: (2.7934 / 6) / (213/366) = 0.79998...,
# yellow, "0.80" at 2 decimals: the cells show it to 5, as the figures do.
sed 's/^    spent: 3.10$/    spent: 2.7934/' examples/progress/2024-07-progress.yaml >"$WORK/edge-progress.yaml"
grep -q '^    spent: 2.7934$' "$WORK/edge-progress.yaml" || fail "the example's spending has changed: fix this case"
run monitor examples/targets -a "$WORK/edge-progress.yaml" examples/progress/05-management.csv -f xlsx="$WORK/edge.xlsx" --fail-on none
expect_status 0
"${PY[@]}" - "$WORK/edge.xlsx" <<'EOF' || fail "the pace is not shown apart from 0.8"
import sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
s = wb.sheet("TJ-362303-2024-01")
assert s.value("F9") == "进度比" and s.fmt("G9") == "0.00000", (s.value("F9"), s.fmt("G9"))
assert round(s.value("G9"), 5) == 0.79999, s.value("G9")
assert s.value("J9").endswith("÷ 213/366 = 0.79999"), s.value("J9")
t = wb.sheet("汇总")
assert t.fmt("J2") == "0.00000" and t.value("K2") == "黄", (t.fmt("J2"), t.value("K2"))
EOF

case_ "monitor xlsx: a budget adjusted in the year: 年初预算数 and its parts kept, the adjusted one said, the rates of it"
# Project 1's budget, 6.00 (all fiscal), adjusted to 5.00: 3.10 / 5.00 = 62.00%.
sed '0,/^    spent: 3.10$/s//    spent: 3.10\n    budget: 5.00/' examples/progress/2024-07-progress.yaml >"$WORK/adjusted.yaml"
grep -q '^    budget: 5.00' "$WORK/adjusted.yaml" || fail "the example's first entry has changed: fix this case"
run monitor examples/targets -a "$WORK/adjusted.yaml" examples/progress/05-management.csv \
  -f xlsx="$WORK/adjusted.xlsx" --fail-on none
expect_status 0
"${PY[@]}" - "$WORK/adjusted.xlsx" <<'EOF' || fail "the adjusted budget is not as expected"
import sys
from xlsx import Workbook
s = Workbook(sys.argv[1]).sheet("TJ-362303-2024-01")
assert s.value("D5") == "年初预算数" and s.value("D6") == 6 and s.value("D7") == 6, (s.value("D6"), s.value("D7"))
assert s.value("E6") == 3.1 and round(s.value("F6"), 4) == 0.62, s.value("F6")
assert s.value("J6") == "年中调整后的全年预算数为 5.00 万元，执行率和进度比按调整后的预算计算。", s.value("J6")
assert s.value("J9").startswith("3.1 / 5 万元 = 62.00%"), s.value("J9")
EOF

case_ "monitor xlsx: the merged ranges of the form and its two-row header"
"${PY[@]}" - "$WORK/m.xlsx" <<'EOF' || fail "merged ranges differ from the form"
import sys
from xlsx import Workbook
s = Workbook(sys.argv[1]).sheet("TJ-362303-2024-02")
# Project 2: 产出指标 over 数量 (two rows), 质量, 时效, 成本; then 效益 and 满意度.
expected = {
    "A1:P1", "A2:P2", "A3:B3", "C3:N3", "A4:B4", "C4:H4", "I4:K4", "L4:P4",
    "A5:B9", "G5:I5", "J5:P5", "G6:I6", "J6:P8", "G7:I7", "G8:I8", "G9:I9", "J9:O9",
    "A10:H10", "I10:P10", "A11:H11", "I11:P11",
    "A12:A13", "B12:B13", "C12:C13", "D12:D13", "E12:E13", "F12:F13", "G12:K12", "L12:N12",
    "O12:O13", "P12:P13", "A14:A18", "B14:B15", "A21:P21",
}
assert s.merged == expected, sorted(s.merged ^ expected)
assert s.value("A14") == "产出指标" and s.value("B14") == "数量指标" and s.value("B16") == "质量指标"
# Every cell of the form is written, bordered (Excel draws borders from them).
for r in range(1, 21):
    for c in "ABCDEFGHIJKLMNOP":
        assert "%s%d" % (c, r) in s.cells, "%s%d" % (c, r)
EOF

case_ "monitor xlsx: √ where the progress file chose a reason or a likelihood"
"${PY[@]}" - "$WORK/m.xlsx" "$WORK/m.json" <<'EOF' || fail "the marks differ from the progress file"
import json, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
report = json.load(open(sys.argv[2]))
reasons = dict(zip("GHIJK", ["funding", "policy", "staff", "hardware", "other"]))
likelihoods = dict(zip("LMN", ["certain", "likely", "impossible"]))
marks = 0
for p in report["projects"]:
    s = wb.sheet(p["id"])
    by_name = {i["name"]: i for i in p["indicators"]}
    for r in range(14, 14 + len(p["indicators"])):
        i = by_name[s.value("C%d" % r)]
        for col, key in reasons.items():
            assert (s.value("%s%d" % (col, r)) == "√") == (key in i["reasons"]), (p["id"], col, r)
        for col, key in likelihoods.items():
            assert (s.value("%s%d" % (col, r)) == "√") == (i["likelihood"] == key), (p["id"], col, r)
        marks += sum(1 for c in "GHIJKLMN" if s.value("%s%d" % (c, r)) == "√")
# The examples choose: 2: 硬件条件保障 + 有可能, 确定能; 3: 其他, 确定能, 制度保障 +
# 人员保障 + 有可能; 4: 制度保障 + 其他 + 完全不可能; 5: 确定能 (examples/progress).
s = wb.sheet("TJ-362303-2024-04")
row = [r for r in range(14, 30) if s.value("C%d" % r) == "提高环境监察能力"][0]
assert [s.value("%s%d" % (c, row)) for c in "GHIJKLMN"] == [None, "√", None, None, "√", None, None, "√"]
assert marks >= 10, marks
EOF

case_ "monitor xlsx: 汇总 has a row per project with its light, the totals, a filter, frozen panes"
"${PY[@]}" - "$WORK/m.xlsx" "$WORK/m.json" <<'EOF' || fail "the 汇总 sheet is not as expected"
import json, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
s = wb.sheet("汇总")
report = json.load(open(sys.argv[2]))
projects = report["projects"]
headers = ["项目编号", "项目名称", "主管部门", "实施单位", "项目预警", "预算数（万元）", "1-7月执行数（万元）",
           "执行率", "时间进度", "进度比", "预算执行预警", "红灯指标", "黄灯指标", "绿灯指标", "不适用",
           "全年预计执行数（万元）", "偏差说明"]
assert [s.value("%s1" % c) for c in "ABCDEFGHIJKLMNOPQ"] == headers
word = {"green": "绿", "yellow": "黄", "red": "红"}
fill = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE"}
for k, p in enumerate(projects):
    r = k + 2
    assert s.value("A%d" % r) == p["id"] and s.value("B%d" % r) == p["project"]
    assert s.value("E%d" % r) == word[p["light"]] and s.fill("E%d" % r) == fill[p["light"]]
    assert s.value("K%d" % r) == word[p["budget"]["light"]]
    assert s.value("G%d" % r) == p["budget"]["spent"]
    assert round(s.value("H%d" % r), 4) == p["budget"]["rate"] and s.fmt("H%d" % r) == "0.00%"
    assert round(s.value("I%d" % r), 4) == report["time_progress"] and s.fmt("I%d" % r) == "0.00%"
    assert round(s.value("J%d" % r), 4) == p["budget"]["pace"] and s.fmt("J%d" % r) == "0.00"
    assert s.value("L%d" % r) == p["lights"]["red"] and s.value("M%d" % r) == p["lights"]["yellow"]
    assert s.value("N%d" % r) == p["lights"]["green"] and s.value("O%d" % r) == p["lights"]["not_applicable"]
    assert s.fmt("F%d" % r) == "0.00" and s.fmt("L%d" % r) == "0"
    # 偏差说明: the yellow and red indicators, each with its reasons or note.
    flagged = [i["name"] for i in p["indicators"] if i["light"] in ("yellow", "red")]
    for name in flagged:
        assert name in (s.value("Q%d" % r) or ""), (p["id"], name)
    # The forecast spending, and its flag under 90% of the budget.
    assert s.value("P%d" % r) == p["budget"]["forecast_spent"], (p["id"], s.value("P%d" % r))
    flag = "全年预计执行：低于预算的 90%" in (s.value("Q%d" % r) or "")
    assert flag == p["budget"]["forecast_deviation"], (p["id"], s.value("Q%d" % r))
t = len(projects) + 2
lights = report["summary"]["lights"]
assert s.value("A%d" % t) == "合计"
assert s.value("B%d" % t) == "共 5 个项目（绿 %d，黄 %d，红 %d）" % (lights["green"], lights["yellow"], lights["red"])
assert abs(s.value("G%d" % t) - sum(p["budget"]["spent"] for p in projects)) < 1e-9
assert s.value("L%d" % t) == sum(p["lights"]["red"] for p in projects)
assert s.autofilter == "A1:Q%d" % (len(projects) + 1), s.autofilter
assert s.pane.get("state") == "frozen" and s.pane.get("xSplit") == "2" and s.pane.get("ySplit") == "1"
assert s.page_setup.get("orientation") == "landscape" and s.fit_to_page
assert ("_xlnm.Print_Titles", "0", "'汇总'!$1:$1") in wb.defined_names, wb.defined_names
# The run's warnings below, or the line that says there are none.
rows = [s.value("A%d" % r) for r in range(t + 1, s.rows + 1)]
if report["warnings"]:
    assert "本次运行的错误和警告" in rows and rows.count("警告") == len(report["warnings"]), rows
else:
    assert "本次运行没有错误和警告" in rows, rows
EOF

case_ "monitor xlsx: a run with errors says so, an error row with code and location"
cat >"$WORK/bad.yaml" <<'EOF'
as_of: 2024-07-31
year: 2024
projects:
  - id: TJ-362303-2024-01
    spent: 3.10
    indicators:
      购置设备数量: {value: 2台, likelihood: 也许}
EOF
run monitor examples/targets/01-radiation-safety.yaml -a "$WORK/bad.yaml" -f xlsx="$WORK/bad.xlsx" -f json="$WORK/bad.json"
expect_status 2
"${PY[@]}" - "$WORK/bad.xlsx" "$WORK/bad.json" <<'EOF' || fail "no error row"
import json, sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
errors = json.load(open(sys.argv[2]))["errors"]
error = errors[0]
s = wb.sheet("汇总")
col_a = [s.value("A%d" % r) for r in range(1, s.rows + 1)]
title = "本报告所属的运行有 %d 个错误：未监控的项目不在表中" % len(errors)
assert title in col_a, col_a
assert col_a.count("错误") == len(errors), col_a
r = col_a.index("错误") + 1
assert s.value("B%d" % r) == error["code"] == "JX0905", s.value("B%d" % r)
assert s.value("C%d" % r) == "%s:%d:%d" % (error["file"], error["line"], error["column"]), s.value("C%d" % r)
assert s.value("C%d" % r).endswith("bad.yaml:7:%d" % error["column"])
assert s.value("D%d" % r) == error["message"]
EOF

case_ "monitor xlsx: hostile text stays text"
H="$WORK/hostile"
mkdir -p "$H"
cat >"$H/t.yaml" <<'EOF'
project: "=cmd|' /C calc'!A0 <b>名称</b>"
id: "H-1,\"x\""
year: 2024
department: {code: "9", name: "=HYPERLINK(\"http://x\")"}
budget: {total: 10}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: "+SUM(1,2)", target: 4台}
EOF
cat >"$H/p.yaml" <<'EOF'
as_of: 2024-07-31
projects:
  - id: "H-1,\"x\""
    spent: 1
    note: "@SUM(A1) \x07响铃\x01"
    indicators:
      "+SUM(1,2)": {value: 0台, likelihood: 完全不可能, reasons: [经费保障], note: "-2+3"}
EOF
run monitor "$H/t.yaml" -a "$H/p.yaml" -f xlsx="$WORK/hostile.xlsx"
expect_status 1
"${PY[@]}" - "$WORK/hostile.xlsx" <<'EOF' || fail "hostile text did not stay text"
import sys
from xlsx import Workbook, NS
wb = Workbook(sys.argv[1])
assert wb.names == ["汇总", 'H-1,"x"'], wb.names
s = wb.sheet('H-1,"x"')
assert s.value("C3") == "=cmd|' /C calc'!A0 <b>名称</b>", s.value("C3")
assert s.value("C14") == "+SUM(1,2)" and s.value("O14") == "-2+3"
assert s.value("J6") == "@SUM(A1) 响铃", repr(s.value("J6"))
for name in wb.names:
    assert not list(wb.sheet(name).root.iter("{%s}f" % NS["m"])), name
    assert all("\x01" not in str(v) and "\x07" not in str(v) for v, _ in wb.sheet(name).cells.values())
EOF

case_ "monitor xlsx: --lang en gives English labels"
run monitor "${EX[@]}" -f xlsx="$WORK/en.xlsx" --lang en
expect_status 1
"${PY[@]}" - "$WORK/en.xlsx" <<'EOF' || fail "the English workbook is not as expected"
import sys
from xlsx import Workbook
wb = Workbook(sys.argv[1])
assert wb.names[0] == "Summary", wb.names
s = wb.sheet("TJ-362303-2024-01")
assert s.value("A1") == "Project Expenditure Performance Target Monitoring Form"
assert s.value("A2") == "(Year 2024)" and s.value("E5") == "Spent, months 1-7"
assert s.value("G12") == "Reasons for deviations" and s.value("L12") == "Likelihood of meeting the target"
assert [s.value(c + "13") for c in "GHIJKLMN"] == ["funding", "policy", "staff", "hardware", "other",
                                                   "certain", "likely", "impossible"]
assert s.value("P3") == "green" and s.font("A1") != "宋体"
summary = wb.sheet("Summary")
assert summary.value("A1") == "Project id" and summary.value("E1") == "Project light"
EOF

case_ "monitor xlsx: -f xlsx without a file is a usage error"
run monitor "${EX[@]}" -f xlsx
expect_status 2
expect_err "错误[JX0790]: “-f xlsx”需要写到文件"

case_ "monitor xlsx: above --xlsx-max-sheets, one file is a usage error: exit 2, no workbook"
mkdir -p "$WORK/limit"
run monitor "${EX[@]}" -f xlsx="$WORK/limit/m.xlsx" -f json="$WORK/limit/m.json" --xlsx-max-sheets 4 --lang en
expect_status 2
expect_err "error[JX0791]: the progress files hold 5 project entries, more than one workbook takes (4, --xlsx-max-sheets): write -f xlsx=DIR/"
[ "$(ls "$WORK/limit")" = "" ] || fail "files left: $(ls "$WORK/limit")"

case_ "monitor xlsx: a directory: 汇总.xlsx and one workbook per department, in parts of --xlsx-max-sheets"
five_projects_in_two_departments "$WORK/depts.yaml"
{
  printf "as_of: 2024-07-31\nprojects:\n"
  for k in 1 2 3 4 5; do printf "  - {id: P-%d, spent: 6, indicators: {数量: 3台}}\n" $k; done
} >"$WORK/depts-progress.yaml"
run monitor "$WORK/depts.yaml" -a "$WORK/depts-progress.yaml" -f xlsx="$WORK/out/" --xlsx-max-sheets 2 -j 2
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
# 6 / 10 = 60% against 213/366: pace 1.03 → green, as is 3台 / (4台 × 213/366) = 1.29.
assert s.column("E", 2, 6) == ["绿"] * 5
assert Workbook(os.path.join(d, "101 部门1 (1).xlsx")).names == ["P-1", "P-3"]
assert Workbook(os.path.join(d, "101 部门1 (2).xlsx")).names == ["P-5"]
book = Workbook(os.path.join(d, "100 部门0.xlsx"))
assert book.names == ["P-2", "P-4"]
form = book.sheet("P-4")
assert form.value("C3") == "项目4" and "G12:K12" in form.merged and form.value("P14") == "绿"
assert form.fill("P14") == "C6EFCE" and form.page_setup.get("orientation") == "landscape"
EOF

case_ "monitor xlsx: workbooks in the directory this run did not write are named in a warning"
run monitor "$WORK/depts.yaml" -a "$WORK/depts-progress.yaml" -f xlsx="$WORK/out/" -j 2
expect_status 0
expect_err "警告[JX0794]: 目录“$WORK/out/”中还有 2 个工作簿不是这次写出的：101 部门1 (1).xlsx，101 部门1 (2).xlsx。"
[ -f "$WORK/out/101 部门1 (2).xlsx" ] || fail "an earlier workbook was removed"

finish
