#!/usr/bin/env bash
# End-to-end tests of `jixiao import`: documents in, target YAML out, and
# `jixiao check` accepts what it writes.
source "$(dirname "$0")/lib.sh"
F=tests/fixtures/import

# The non-comment lines of YAML files, without document separators: the
# content two sets of target files must share.
content() { cat "$@" | grep -v '^ *#' | grep -v '^---$'; }

case_ "the seed text: one file per project, check passes, content equals examples/"
run import --lang zh $F/seed-2024.txt -o "$WORK/out"
expect_status 0
expect_err "导入了 5 个项目（35 个指标）"
expect_err "0 个错误，0 个警告"
[ "$(ls "$WORK/out" | tr '\n' ' ')" = "TJ-362303-2024-01.yaml TJ-362303-2024-02.yaml TJ-362303-2024-03.yaml TJ-362303-2024-04.yaml TJ-362303-2024-05.yaml " ] \
  || fail "unexpected file names: $(ls "$WORK/out")"
run check --lang zh "$WORK/out"
expect_status 0
expect_out "5 个项目，35 个指标；0 个错误，0 个警告"
diff <(content "$WORK"/out/*.yaml) <(content examples/targets/*.yaml) >"$WORK/diff" \
  || fail "import differs from examples/targets: $(head -20 "$WORK/diff")"

case_ "the .docx fixture: the same projects"
run import --lang zh $F/seed-2024.docx -o "$WORK/docx"
expect_status 0
expect_err "0 个错误，0 个警告"
run check "$WORK/docx"
expect_status 0
diff <(content "$WORK"/docx/*.yaml) <(content examples/targets/*.yaml) >"$WORK/diff" \
  || fail "docx import differs from examples/targets: $(head -20 "$WORK/diff")"

case_ "all documents to stdout, separated by ---"
run import $F/seed-2024.txt
expect_status 0
[ "$(grep -c '^---$' "$OUT")" -eq 5 ] || fail "expected 5 documents"
expect_out "id: TJ-362303-2024-05"
expect_out "  # 其他资金：原表该单元格为空，故不填"
cp "$OUT" "$WORK/all.yaml"
run check "$WORK/all.yaml"
expect_status 0

case_ "-o FILE.yaml writes one multi-document file"
run import $F/seed-2024.docx -o "$WORK/one.yaml"
expect_status 0
[ "$(grep -c '^---$' "$WORK/one.yaml")" -eq 5 ] || fail "expected 5 documents in one.yaml"
# The extension in capitals (as Windows shows it) is a file too, not a directory.
run import $F/seed-2024.docx -o "$WORK/ONE.YAML"
expect_status 0
[ -f "$WORK/ONE.YAML" ] || fail "-o ONE.YAML did not write a file"

case_ "a directory of documents, --id-prefix, --lang en"
mkdir -p "$WORK/docs" && cp $F/seed-2024.txt "$WORK/docs/a.txt"
run import "$WORK/docs" --id-prefix '' --lang en -o "$WORK/noprefix"
expect_status 0
expect_err "imported 5 projects (35 indicators)"
[ -f "$WORK/noprefix/362303-2024-01.yaml" ] || fail "no 362303-2024-01.yaml"

case_ "guesses: warnings on stderr and comments in the YAML"
run import $F/guesses.txt --year 2024 --unit 万元
expect_status 0
expect_err "$F/guesses.txt:10:2: warning[JX0631]: 预算数 is empty: using 6.00 (财政资金)"
expect_no_err "unit"
expect_out "# 单位由 --unit 给出 / the unit is from --unit: 万元"
expect_err "warning[JX0619]: 二级指标 '数量' is read as '数量指标'"
expect_err "warning[JX0611]: not imported: '备注内容'"
expect_out "# 猜测 / guessed: 预算数为空"
expect_out "# 未导入的单元格"
expect_out "年度取自 --year"
cp "$OUT" "$WORK/guesses.yaml"
run check "$WORK/guesses.yaml"
expect_status 0

case_ "--strict: a project with guesses is an error and is not written"
run import --strict $F/guesses.txt --year 2024 --unit 万元 -o "$WORK/strict"
expect_status 2
expect_err "error[JX0631]: 预算数 is empty"
[ -z "$(ls -A "$WORK/strict" 2>/dev/null)" ] || fail "strict wrote a project with guesses"

case_ "amounts without their unit are an error, never taken as 万元"
run import $F/guesses.txt --year 2024
expect_status 2
expect_err "$F/guesses.txt:10:2: error[JX0629]: the document does not say the unit of its amounts (单位：元 or 单位：万元, above the table or in it): add it, or pass --unit 元 (or 千元, 万元, 亿元)"
expect_no_out "total:"
run import $F/guesses.txt --year 2024 --lang zh
expect_status 2
expect_err "$F/guesses.txt:10:2: 错误[JX0629]: 文档没有写明金额的单位（表格上方或表格中的“单位：元”或“单位：万元”）：请补上，或用 --unit 元（或千元、万元、亿元）给出"
expect_err "导入了 0 个项目（0 个指标）到 标准输出；1 个错误，"

case_ "the department and the unit in a paragraph above the table (.docx)"
run import --lang zh $F/title-line.docx
expect_status 0
expect_no_err "警告:"
grep -A5 '^department:' "$OUT" > "$WORK/title-line.part"
printf 'department:\n  code: "207001"\n  name: 青山区教育局\nunit: 元\nbudget:\n  total: 1260000.00\n' |
  cmp -s - "$WORK/title-line.part" || fail "department, unit or total not read: $(cat "$WORK/title-line.part")"
cp "$OUT" "$WORK/title-line.yaml"
run check "$WORK/title-line.yaml"
expect_status 0

case_ "a .docx whose amounts have no unit: an error at the amount, or --unit"
run import $F/title-line-no-unit.docx
expect_status 2
expect_err "$F/title-line-no-unit.docx: error[JX0629]: table 1, row 2, cell 2: the document does not say the unit of its amounts (单位：元 or 单位：万元, above the table or in it): add it, or pass --unit 元 (or 千元, 万元, 亿元)"
expect_no_out "project:"
run import $F/title-line-no-unit.docx --unit 元
expect_status 0
expect_out "unit: 元"
expect_out "  total: 1260000.00"
run import $F/title-line.docx --unit 万元
expect_status 0
expect_err "$F/title-line.docx: warning[JX0627]: paragraph 2: --unit 万元 differs from the unit 元 the document gives: using 元"
run import $F/title-line.docx --unit 万元 --lang zh
expect_err "$F/title-line.docx: 警告[JX0627]: 第 2 段：--unit 万元 与文档中的单位 元 不同：采用文档的 元"
run import $F/title-line.docx --unit 台
expect_status 2
expect_err "jixiao: error[JX0706]: --unit: '台' is not one of 元, 千元, 万元, 亿元"

case_ "two units of money in one document: an error naming both, or --unit decides"
printf '2024年度设备购置项目绩效目标表\n\n\t单位：元\n\n\t项目名称\n\t2024年度设备购置项目\n\n\t项目资金（万元）\n\t预算数\n\t6.00\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t购置设备数量\n\t4台\n' >"$WORK/units.txt"
run import "$WORK/units.txt"
expect_status 2
expect_err "$WORK/units.txt:8:2: error[JX0640]: two units of money: '元' at line 3 and '万元' at line 8"
expect_no_out "total:"
run import "$WORK/units.txt" --lang zh
expect_err "$WORK/units.txt:8:2: 错误[JX0640]: 金额单位有两种：第 3 行写的是“元”，第 8 行写的是“万元”"
run import "$WORK/units.txt" --unit 万元
expect_status 0
expect_err "$WORK/units.txt:8:2: warning[JX0627]: the document gives two units of money ('元' at line 3, '万元' at line 8): using 万元, from --unit"
expect_out "unit: 万元"
expect_out "  total: 6.00"

case_ "goals end at a labelled row; the 年度目标 are the goals, not the 总体目标"
printf '2024年度设备购置项目绩效目标表\n\n\t单位：万元\n\n\t项目名称\n\t2024年度设备购置项目\n\n\t预算数\n\t6.00\n\n\t绩效目标\n\t总体目标\n\t三年内完成全部设备更新\n\n\t\n\t年度目标\n\t完成4台设备购置\n\n\t备注\n\t无\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t购置设备数量\n\t4台\n' >"$WORK/goals.txt"
run import "$WORK/goals.txt"
expect_status 0
grep -A2 '^goals:' "$OUT" | cmp -s - <(printf 'goals:\n  - 完成4台设备购置\nindicators:\n') ||
  fail "the goals are not the 年度目标 alone"
expect_err "$WORK/goals.txt:13:2: warning[JX0611]: not imported: '三年内完成全部设备更新' (a 总体目标 (over several years)"
expect_err "$WORK/goals.txt:19:2: warning[JX0611]: not imported: '备注' (not a field of a target file)"
expect_out "# line 20: 无"
expect_no_out "  - 备注"

case_ "上年结转资金 is carryover; 中央 + 地方财政资金 add up to fiscal; the sum is checked"
budget_doc() {
  printf '2024年度设备购置项目绩效目标表\n\n\t单位：万元\n\n\t项目名称\n\t2024年度设备购置项目\n\n'
  printf "$1"
  printf '\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t购置设备数量\n\t4台\n'
}
budget_doc '\t年度资金总额\n\t10.00\n\n\t其中：当年财政拨款\n\t6.00\n\n\t上年结转资金\n\t4.00\n\n' >"$WORK/carry.txt"
run import "$WORK/carry.txt" -o "$WORK/carry.yaml"
expect_status 0
expect_err "0 errors, 0 warnings"
grep -qF "  carryover: 4.00" "$WORK/carry.yaml" || fail "no carryover"
run check "$WORK/carry.yaml"
expect_status 0
budget_doc '\t年度资金总额\n\t10.00\n\n\t其中：当年财政拨款\n\t6.00\n\n\t上年结转资金\n\t3.00\n\n' >"$WORK/carry-bad.txt"
run import "$WORK/carry-bad.txt"
expect_status 2
expect_err "$WORK/carry-bad.txt:9:2: error[JX0634]: 财政资金 (6.00) + 上年结转资金 (3.00) = 9, but 预算数 is 10.00"
budget_doc '\t年度资金总额\n\t10.00\n\n\t其中：中央财政资金\n\t4.00\n\n\t地方财政资金\n\t6.00\n\n' >"$WORK/parts.txt"
run import "$WORK/parts.txt"
expect_status 0
expect_out "  # 财政资金 = 其中：中央财政资金 4.00 + 地方财政资金 6.00 / fiscal: the sum of the document's parts"
expect_out "  fiscal: 10.00"
budget_doc '\t年度资金总额\n\t10.00\n\n\t其中：中央财政资金\n\t4.00\n\n\t地方财政资金\n\t5.00\n\n\t其他资金\n\t0.50\n\n' >"$WORK/parts-bad.txt"
run import "$WORK/parts-bad.txt"
expect_status 2
expect_err "$WORK/parts-bad.txt:9:2: error[JX0634]: 财政资金 (9.00) + 其他资金 (0.50) = 9.5, but 预算数 is 10.00"

case_ "a budget label and its amount in one cell (预算数：850,000.00) read as in two cells"
# The row of targets.md §1's Word table, each label and amount in one cell.
onecell_docx() {
  python3 - "$1" "$2" <<'PY'
import sys, zipfile
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
def p(t): return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % t
def c(t, span=1, vm=None):
    pr = ('<w:gridSpan w:val="%d"/>' % span if span > 1 else '') + \
         {None: '', 'r': '<w:vMerge w:val="restart"/>', 'c': '<w:vMerge/>'}[vm]
    return '<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>' % (pr, p(t) if t else '<w:p/>')
def row(*cells): return '<w:tr>%s</w:tr>' % ''.join(cells)
total = sys.argv[2]
body = p('1.2024年度区财政预算管理一体化系统运维项目绩效目标表') + p('101005某区财政局信息中心　　　　单位：元') + '<w:tbl>' + ''.join([
    row(c('项目名称'), c('2024年度区财政预算管理一体化系统运维项目', 4)),
    row(c('预算规模及资金用途', vm='r'), c('预算数：' + total), c('其中：财政资金：850,000.00'), c('其他资金：'), c('')),
    row(c('', vm='c'), c('保障预算管理一体化系统全年稳定运行。', 4)),
    row(c('绩效目标'), c('1.保障系统稳定运行', 4)),
    row(c('一级指标'), c('二级指标'), c('三级指标'), c('绩效指标描述'), c('指标值')),
    row(c('产出指标'), c('数量指标'), c('运维系统数量'), c('运维系统数量'), c('≥3个')),
    row(c('满意度指标'), c('服务对象满意度指标'), c('预算单位满意度'), c('满意度'), c('≥90%'))]) + '</w:tbl>'
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body))
PY
}
onecell_docx "$WORK/onecell.docx" '850,000.00'
run import "$WORK/onecell.docx" --strict -o "$WORK/onecell.yaml"
expect_status 0
expect_err "imported 1 project (2 indicators) to $WORK/onecell.yaml; 0 errors, 0 warnings"
grep -A3 '^budget:' "$WORK/onecell.yaml" | grep -v '^ *#' >"$WORK/onecell.part"
printf 'budget:\n  total: 850000.00\n  fiscal: 850000.00\n' | cmp -s - "$WORK/onecell.part" ||
  fail "the budget in one cell is not read: $(cat "$WORK/onecell.part")"
run check --strict "$WORK/onecell.yaml"
expect_status 0
# An amount in another unit than the table's: the two-cell form's error, at the cell.
onecell_docx "$WORK/onecell-wan.docx" '85万元'
run import "$WORK/onecell-wan.docx"
expect_status 2
expect_err "$WORK/onecell-wan.docx: error[JX0630]: table 1, row 2, cell 2: 预算数 '85万元': the amount is in 万元, but the table's unit is 元"
# A cell that holds no amount after its label is reported as before (and
# 预算数 is taken from 财政资金, a guess).
onecell_docx "$WORK/onecell-words.docx" '八十五万元'
run import "$WORK/onecell-words.docx"
expect_status 0
expect_err "$WORK/onecell-words.docx: warning[JX0631]: table 1, row 2, cell 3: 预算数 is empty: using 850000.00 (财政资金)"
expect_err "$WORK/onecell-words.docx: warning[JX0611]: table 1, row 2, cell 2: not imported: '预算数：八十五万元'"
# In extracted text: at the line and column of the cell.
printf '2024年度设备购置项目绩效目标表\n\n\t单位：万元\n\n\t项目名称\n\t2024年度设备购置项目\n\n\t预算数：6000元\n\t其中：财政资金 6.00\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t购置设备数量\n\t4台\n' >"$WORK/onecell.txt"
run import "$WORK/onecell.txt"
expect_status 2
expect_err "$WORK/onecell.txt:8:2: error[JX0630]: 预算数 '6000元': the amount is in 元, but the table's unit is 万元"
sed -i 's/6000元/6.00/' "$WORK/onecell.txt"
run import "$WORK/onecell.txt"
expect_status 0
expect_out "  total: 6.00"
expect_out "  fiscal: 6.00"

case_ "variations: full-width, the 2021 form, no description, spaces, separators, numbered goals"
run import --lang zh $F/variations.txt -o "$WORK/var"
expect_status 0
expect_err "导入了 2 个项目"
run check "$WORK/var"
expect_status 0
grep -q "total: 1260.00" "$WORK"/var/*.yaml || fail "1,260.00 not read"
grep -q "level1: 成本指标" "$WORK"/var/*.yaml || fail "2021-form 成本指标 missing"
grep -q "target: ≥90%" "$WORK"/var/*.yaml || fail "composed target missing"
grep -q "  - 降低风险" "$WORK"/var/*.yaml || fail "goals not split"

case_ "not a 绩效目标表: one located error, exit 2, nothing written"
run import $F/not-a-table.txt -o "$WORK/none"
expect_status 2
expect_err "$F/not-a-table.txt:1:1: error[JX0601]: not a 绩效目标表"
run import $F/not-a-table.txt --lang zh
expect_err "$F/not-a-table.txt:1:1: 错误[JX0601]: 不是绩效目标表："
[ -z "$(ls -A "$WORK/none" 2>/dev/null)" ] || fail "something was written"

case_ "a bad target is located at its cell; the other projects are still written"
run import $F/bad-target.txt -o "$WORK/bad"
expect_status 2
expect_err_re "$F/bad-target.txt:33:2: error(\[JX0[0-9]{3}\])?: bad 指标值 '≥9O%' of '设备'"
expect_err " 33 | 	≥9O%"
[ "$(ls "$WORK/bad" | wc -l)" -eq 1 ] || fail "expected the one good project written"

case_ "指标性质 against the target's own comparator: imported by the target, warned of, noted"
printf '2024年度培训项目绩效目标表\n\n\t单位：万元\n\n\t项目名称\n\t2024年度培训项目\n\n\t预算数\n\t10\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标性质\n\t指标值\n\t度量单位\n\n\t产出指标\n\t数量指标\n\t培训人次\n\t正向\n\t≤1200\n\t人次\n\n\t产出指标\n\t数量指标\n\t发放手册\n\t正向\n\t500\n\t册\n' >"$WORK/nature.txt"
run import "$WORK/nature.txt" -o "$WORK/nature.yaml"
expect_status 0
expect_err "$WORK/nature.txt:21:2: warning[JX0638]: indicator '培训人次': its 指标性质 '正向' and the comparator in its target '≤1200' point opposite ways: imported as '≤1200人次', by the target; check which is right"
grep -qF "target: ≤1200人次" "$WORK/nature.yaml" || fail "the target's comparator is not the one imported"
grep -qF "# 猜测 / guessed: 指标性质“正向”与指标值“≤1200”方向相反" "$WORK/nature.yaml" || fail "no comment in the YAML"
# 500 with 正向 and no comparator of its own: ≥500册, no warning.
grep -qF "target: ≥500册" "$WORK/nature.yaml" || fail "正向 500 is not ≥500册"
[ "$(grep -c 'JX0638' "$ERR")" = 1 ] || fail "expected one JX0638"

case_ "a row one cell short: its first name places it, or it is a located error"
# The seed with the 一级指标 cell of the 质量指标 row (line 36) left out: the
# row continues 产出指标, and all 35 indicators are imported.
sed '36d' $F/seed-2024.txt >"$WORK/short-merged.txt"
run import "$WORK/short-merged.txt" -o "$WORK/short-merged"
expect_status 0
expect_err "$WORK/short-merged.txt:36:2: warning[JX0613]: this indicator row has 4 cells, the header 5: taking the first 1 as merged from the row above"
expect_err "imported 5 projects (35 indicators)"
# The 三级指标 of the first row (line 32) left out: it used to be "一级指标 is
# empty" on this row and on every row below it.
sed '32d' $F/seed-2024.txt >"$WORK/short-name.txt"
run import "$WORK/short-name.txt" -o "$WORK/short-name"
expect_status 2
expect_err "$WORK/short-name.txt:30:2: error[JX0613]: this indicator row has 4 cells and the indicator header (line 24) 5, and the missing ones are not at its start"
expect_no_err "JX0615"
expect_err "1 error"
# The 指标值 of the 质量指标 row (line 40) left out: the indicator used to be
# dropped with a warning, and the import succeeded with 34 indicators.
sed '40d' $F/seed-2024.txt >"$WORK/short-target.txt"
run import --lang zh "$WORK/short-target.txt" -o "$WORK/short-target"
expect_status 2
expect_err "$WORK/short-target.txt:36:2: 错误[JX0613]: 这一行指标有 4 个单元格，而指标表头（第 24 行）有 5 个，少掉的单元格不在行首"
expect_no_err "JX0611"
[ ! -e "$WORK/short-target/TJ-362303-2024-01.yaml" ] || fail "the project with the short row was written"

case_ "a table continued on the next page: a repeated header or a 续 heading goes on"
# The seed with its first project's header (lines 24-29) repeated after the
# first indicator row, as Word repeats a header row at a page break: all 35
# indicators, and the same YAML as the seed's.
run import $F/seed-2024.txt -o "$WORK/cont-seed.yaml"
sed -n '24,29p' $F/seed-2024.txt >"$WORK/header.part"
sed "35r $WORK/header.part" $F/seed-2024.txt >"$WORK/cont.txt"
run import "$WORK/cont.txt" -o "$WORK/cont.yaml"
expect_status 0
expect_err "imported 5 projects (35 indicators)"
expect_err "0 errors, 0 warnings"
diff <(grep -v '^#' "$WORK/cont-seed.yaml") <(grep -v '^#' "$WORK/cont.yaml") >/dev/null ||
  fail "the continued table imports otherwise than the seed"
# A 续 heading above the repeated header.
{ printf '（续）1.2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表\n\n'; cat "$WORK/header.part"; } >"$WORK/cont-heading.part"
sed "35r $WORK/cont-heading.part" $F/seed-2024.txt >"$WORK/cont-heading.txt"
run import "$WORK/cont-heading.txt"
expect_status 0
expect_err "imported 5 projects (35 indicators)"
# A header with other columns (no 绩效指标描述): an error at it, and the
# project is not written rather than cut short.
grep -v '绩效指标描述' "$WORK/header.part" >"$WORK/other-header.part"
sed "35r $WORK/other-header.part" $F/seed-2024.txt >"$WORK/other-header.txt"
run import "$WORK/other-header.txt" -o "$WORK/other-header"
expect_status 2
expect_err "$WORK/other-header.txt:36:2: error[JX0639]: the indicator header appears again with other columns than the header at line 24"
[ ! -e "$WORK/other-header/TJ-362303-2024-01.yaml" ] || fail "the project with the other header was written"
expect_err "imported 4 projects"

case_ "the official form's title (项目支出绩效目标表) names no project; another project's title does"
# The form as issued: its title and year in the table's first rows, the
# budget label merged down; twice in one document, and once titled with
# another project's name.
official_form() {
  python3 - "$1" "$2" <<'PY'
import sys, zipfile
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
def c(t, span=1, vm=None):
    pr = ('<w:gridSpan w:val="%d"/>' % span if span > 1 else '') + \
         {None: '', 'r': '<w:vMerge w:val="restart"/>', 'c': '<w:vMerge/>'}[vm]
    return '<w:tc><w:tcPr>%s</w:tcPr><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>' % (pr, t)
def row(*cells): return '<w:tr>%s</w:tr>' % ''.join(cells)
def form(title, name):
    return '<w:tbl>' + ''.join([
        row(c(title, 5)), row(c('（2024年度）', 5)),
        row(c('项目名称'), c(name, 4)),
        row(c('主管部门及代码'), c('208青山区民政局'), c('实施单位'), c('208001青山区养老服务中心', 2)),
        row(c('项目资金（万元）', vm='r'), c('年度资金总额'), c('80.00', 3)),
        row(c('', vm='c'), c('其中：财政拨款'), c('80.00', 3)),
        row(c('年度总体目标'), c('1.保障10个老年食堂正常运营。', 4)),
        row(c('一级指标'), c('二级指标'), c('三级指标'), c('指标值', 2)),
        row(c('产出指标'), c('数量指标'), c('补助食堂数量'), c('10个', 2)),
        row(c('满意度指标'), c('服务对象满意度指标'), c('就餐老人满意度'), c('≥90%', 2))]) + '</w:tbl><w:p/>'
body = {
  'one': form('2024年度项目支出绩效目标表', '青山区老年食堂运营补助项目'),
  'two': form('项目支出绩效目标表', '青山区老年食堂运营补助项目') + form('项目支出绩效目标表', '青山区助浴服务项目'),
  'other': form('2024年度青山区助浴服务项目支出绩效目标表', '青山区老年食堂运营补助项目'),
}[sys.argv[2]]
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body))
PY
}
official_form "$WORK/official.docx" one
run import "$WORK/official.docx" --strict -o "$WORK/official"
expect_status 0
expect_no_err "JX0623"
expect_err "imported 1 project (2 indicators) to $WORK/official; 0 errors, 0 warnings"
grep -qF "project: 青山区老年食堂运营补助项目" "$WORK/official/208001-2024-01.yaml" || fail "not the 项目名称 row's name"
official_form "$WORK/official-two.docx" two
run import "$WORK/official-two.docx" --strict -o "$WORK/official-two"
expect_status 0
expect_err "imported 2 projects (4 indicators) to $WORK/official-two; 0 errors, 0 warnings"
grep -qF "project: 青山区助浴服务项目" "$WORK/official-two/208001-2024-02.yaml" || fail "no second project"
official_form "$WORK/official-other.docx" other
run import "$WORK/official-other.docx" --strict
expect_status 2
expect_err "$WORK/official-other.docx: error[JX0623]: table 1, row 3, cell 2: the heading names '2024年度青山区助浴服务项目', the 项目名称 row '青山区老年食堂运营补助项目': using the row"

case_ "what check --strict refuses, import --strict refuses: JX0247, JX0306 at their cells"
# 分值 adding up to 90, split 40/40/10 where the rules give 50/30/10, and a
# 时效指标 without a comparator: warnings of check, so of import too.
printf '1.2024年度分值二项目绩效目标表\n207001青山区教育局　　单位：万元\n\n\t项目名称\n\t2024年度分值二项目\n\n\t预算数\n\t10.00\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t分值\n\n\t产出指标\n\t数量指标\n\t甲\n\t≥10个\n\t20\n\n\t产出指标\n\t时效指标\n\t完成时间\n\t12个月\n\t20\n\n\t效益指标\n\t社会效益指标\n\t丙\n\t≥90%%\n\t40\n\n\t满意度指标\n\t服务对象满意度指标\n\t丁\n\t≥90%%\n\t10\n' >"$WORK/pools.txt"
run import "$WORK/pools.txt" --strict -o "$WORK/pools-strict"
expect_status 2
expect_err "$WORK/pools.txt:14:2: error[JX0247]: the indicator weights give 产出指标 40, 效益指标 40, 满意度指标 10, but the rules give 产出指标 50, 效益指标 30, 满意度指标 10"
expect_err "$WORK/pools.txt:25:2: error[JX0306]: target '12个月' of 时效指标 '完成时间' has no comparator"
[ -z "$(ls -A "$WORK/pools-strict" 2>/dev/null)" ] || fail "--strict wrote a project check --strict refuses"
run import "$WORK/pools.txt" -o "$WORK/pools" --lang zh
expect_status 0
expect_err "$WORK/pools.txt:14:2: 警告[JX0247]: 各一级指标的分值为 产出指标 40、效益指标 40、满意度指标 10，而规则为 产出指标 50、效益指标 30、满意度指标 10"
expect_err "0 个错误，2 个警告"
# check says the same of what was written: no more, no less.
run check "$WORK/pools"
expect_status 0
expect_out "0 errors, 2 warnings"
expect_err "warning[JX0247]"
expect_err "warning[JX0306]"
# The seed, which check --strict accepts, import --strict imports.
run import $F/seed-2024.txt --strict -o "$WORK/seed-strict"
expect_status 0
run check --strict "$WORK/seed-strict"
expect_status 0

case_ "a directory: Word's and WPS's lock files beside a document are skipped, a document so named is read"
mkdir -p "$WORK/locked"
cp $F/seed-2024.docx "$WORK/locked/2024表.docx"
printf '\005Admin\000\000\000' >"$WORK/locked/~\$2024表.docx"
head -c 162 /dev/zero >"$WORK/locked/.~2024表.docx"
run import "$WORK/locked" -o "$WORK/locked-out"
expect_status 0
expect_err "imported 5 projects (35 indicators)"
expect_err "0 errors, 0 warnings"
# Named on the command line, a lock file is read, and refused.
run import "$WORK/locked/~\$2024表.docx"
expect_status 2
expect_err "$WORK/locked/~\$2024表.docx: error[JX0605]: not a .docx file"
# A document merely named like one (no lock file: larger than 4 KiB) is
# read, as eval and monitor read such a file.
mkdir -p "$WORK/tilde"
cp $F/seed-2024.docx "$WORK/tilde/~\$真的.docx"
run import "$WORK/tilde" -o "$WORK/tilde-out"
expect_status 0
expect_err "imported 5 projects (35 indicators)"

case_ "a directory: a .doc, a PDF, a workbook beside a .docx are named, not skipped in silence"
mkdir -p "$WORK/mixed/sub"
cp $F/seed-2024.docx "$WORK/mixed/x.docx"
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest' >"$WORK/mixed/y.doc"
printf '%%PDF-1.4\n' >"$WORK/mixed/sub/扫描件.pdf"
printf 'PK\003\004' >"$WORK/mixed/sub/目标表.xlsx"
printf '\005Admin\000\000\000' >"$WORK/mixed/~\$y.doc"
echo notes >"$WORK/mixed/说明.md"
run import "$WORK/mixed" -o "$WORK/mixed-out"
expect_status 0
expect_err "$WORK/mixed/y.doc: warning[JX0641]: not imported: this is a Word 97-2003 document (.doc), and import reads .docx files and text extracted from Word (.txt) only: save it as .docx in Word, WPS or LibreOffice, in the same directory"
expect_err "$WORK/mixed/sub/扫描件.pdf: warning[JX0641]: not imported: this is a PDF file"
expect_err "$WORK/mixed/sub/目标表.xlsx: warning[JX0641]: not imported: this is an Excel workbook"
expect_err "imported 5 projects (35 indicators) to $WORK/mixed-out; 0 errors, 3 warnings"
expect_no_err "~\$y.doc"
expect_no_err "说明.md"
run import "$WORK/mixed" -o "$WORK/mixed-zh" --lang zh
expect_err "$WORK/mixed/y.doc: 警告[JX0641]: 未导入：这是 Word 97-2003 格式的文档（.doc），而 import 只读 .docx 文件和从 Word 导出的文本（.txt）：请在 Word、WPS 或 LibreOffice 中把它另存为 .docx，放在同一目录中"
# --strict: the warning is an error, as every warning is.
run import "$WORK/mixed" -o "$WORK/mixed-strict" --strict
expect_status 2
expect_err "$WORK/mixed/y.doc: error[JX0641]"

case_ "a directory: a .docm and a Word template are named; macOS's AppleDouble files are passed over"
# As a folder copied from a Mac to a USB drive, or unzipped: each document
# with its "._" metadata file (magic 0x00051607), and a macro-enabled .docm.
mkdir -p "$WORK/mac"
cp $F/seed-2024.docx "$WORK/mac/报告.docx"
cp $F/seed-2024.docx "$WORK/mac/宏.docm"
cp $F/seed-2024.docx "$WORK/mac/绩效目标表模板.dotx"
for f in 报告.docx 宏.docm 说明.txt; do
  printf '\000\005\026\007\000\002\000\000Mac OS X        \000\002' >"$WORK/mac/._$f"
done
run import "$WORK/mac" -o "$WORK/mac-out"
expect_status 0
expect_err "$WORK/mac/绩效目标表模板.dotx: warning[JX0641]: not imported: this is a Word template (.dotx, .dotm, .dot)"
expect_err "$WORK/mac/宏.docm: warning[JX0641]: not imported: this is a macro-enabled Word document (.docm), and import reads .docx files and text extracted from Word (.txt) only: save it as .docx in Word, WPS or LibreOffice, in the same directory"
expect_err "imported 5 projects (35 indicators) to $WORK/mac-out; 0 errors, 2 warnings"
expect_no_err "._"
run import "$WORK/mac" -o "$WORK/mac-zh" --lang zh
expect_err "$WORK/mac/宏.docm: 警告[JX0641]: 未导入：这是 Word 启用宏的文档（.docm），而 import 只读 .docx 文件和从 Word 导出的文本（.txt）：请在 Word、WPS 或 LibreOffice 中把它另存为 .docx，放在同一目录中"
# A file that merely has such a name, not AppleDouble by its bytes, is read.
cp $F/seed-2024.txt "$WORK/mac/._另一份.txt"
run import "$WORK/mac" -o "$WORK/mac-named"
expect_status 0
expect_err "imported 10 projects (70 indicators)"

case_ "a .doc, a broken .docx and a missing file"
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest' >"$WORK/old.doc"
run import "$WORK/old.doc"
expect_status 2
expect_err "$WORK/old.doc: error[JX0604]: a Word 97-2003 .doc file: save it as .docx"
echo text >"$WORK/renamed.doc"
run import "$WORK/renamed.doc"
expect_status 2
expect_err "$WORK/renamed.doc: error[JX0604]: a Word 97-2003 .doc file"
cp $F/seed-2024.txt "$WORK/text.docx"
run import "$WORK/text.docx"
expect_status 2
expect_err "$WORK/text.docx: error[JX0605]: not a .docx file: it is not a ZIP archive, as every .docx is (text extracted from Word is read from a file named .txt)"
# The name is looked at in any case, as Windows writes it.
echo text >"$WORK/RENAMED.DOC"
run import "$WORK/RENAMED.DOC"
expect_status 2
expect_err "$WORK/RENAMED.DOC: error[JX0604]: a Word 97-2003 .doc file"
cp $F/seed-2024.txt "$WORK/TEXT.DOCX"
run import "$WORK/TEXT.DOCX"
expect_status 2
expect_err "$WORK/TEXT.DOCX: error[JX0605]: not a .docx file"
head -c 100 $F/seed-2024.docx >"$WORK/cut.docx"
run import "$WORK/cut.docx"
expect_status 2
expect_err "$WORK/cut.docx: error[JX0605]: not a"
run import "$WORK/missing.txt"
expect_status 2

case_ "messages: libzip's and pugixml's reasons in Chinese, a spanned cell, --max-indicators"
head -c 1000 $F/seed-2024.docx >"$WORK/trunc.docx"
run import "$WORK/trunc.docx" --lang zh
expect_status 2
expect_err "$WORK/trunc.docx: 错误[JX0605]: 不是 .docx 文件：不是可读的 ZIP 压缩包（找不到 ZIP 压缩包的目录"
expect_no_err "Not a zip"
# A .docx built here: its XML with a tag left open, and a table whose
# 三级指标 and 绩效指标描述 cells are one (w:gridSpan=2).
mkdocx() {
  python3 - "$1" "$2" <<'PY'
import sys, zipfile
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
def p(t): return '<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % t
def c(t, span=1):
    pr = '<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else ''
    return '<w:tc>%s%s</w:tc>' % (pr, p(t))
def row(*cells): return '<w:tr>%s</w:tr>' % ''.join(cells)
body = {
  'badxml': p('x') + '<w:p>',
  'span': p('1.2024年度测试项目绩效目标表') + '<w:tbl>' + row(c('项目名称'), c('2024年度测试项目')) +
          row(c('预算数'), c('6.00')) + row(c('单位：万元')) + '</w:tbl><w:tbl>' +
          row(c('一级指标'), c('二级指标'), c('三级指标'), c('绩效指标描述'), c('指标值')) +
          row(c('产出指标'), c('数量指标'), c('购置设备数量', 2), c('4台')) + '</w:tbl>',
}[sys.argv[2]]
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body))
PY
}
mkdocx "$WORK/badxml.docx" badxml
run import "$WORK/badxml.docx" --lang zh
expect_status 2
expect_err_re "$WORK/badxml.docx: 错误\[JX0605\]: 无法读取这个 .docx 文件：“word/document.xml”部分不是格式正确的 XML（开始标签与结束标签不匹配，第 [0-9]+ 字节）"
run import "$WORK/badxml.docx"
expect_err "(Start-end tags mismatch at byte"
mkdocx "$WORK/span.docx" span
run import "$WORK/span.docx"
expect_status 2
expect_err "$WORK/span.docx: error[JX0613]: table 2, row 2, cell 3: this cell spans 2 columns (merged cells)"
expect_err "split the cell in Word (Layout › Split Cells)"
# More indicators than --max-indicators: at the first one past it, in the
# document; --max-indicators raises the limit, as for check.
run import $F/seed-2024.txt --max-indicators 6
expect_status 2
expect_err "$F/seed-2024.txt:134:2: error[JX0235]: a project may have at most 6 indicators, and this one has 7: split it, or raise the limit with --max-indicators"
expect_no_err "of its YAML"
expect_err "imported 2 projects (12 indicators)"
run import $F/seed-2024.txt --max-indicators 9
expect_status 0

case_ "-o a file that cannot be written: JX0718, and the summary counts nothing imported"
run import $F/seed-2024.txt -o "$WORK/nodir/all.yaml"
expect_status 2
expect_err "error[JX0718]"
expect_err "imported 0 projects (0 indicators) to $WORK/nodir/all.yaml; 1 error"
[ ! -e "$WORK/nodir" ] || fail "a directory was made"

case_ "-o /dev/stdout and /dev/stderr are one stream, as for reports"
run import $F/seed-2024.txt -o /dev/stdout
expect_status 0
[ "$(grep -c '^---$' "$OUT")" -eq 5 ] || fail "expected 5 documents on standard output"
run import $F/seed-2024.txt -o /dev/stderr
expect_status 0
[ "$(grep -c '^---$' "$ERR")" -eq 5 ] || fail "expected 5 documents on standard error"

case_ "usage errors exit 2"
run import
expect_status 2
run import $F/seed-2024.txt --year 1800
expect_status 2

case_ "--help"
run import --help
expect_status 0
expect_out "--id-prefix"
expect_out "--year"

finish
