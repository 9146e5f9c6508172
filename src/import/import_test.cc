#include "import/import.h"

#include <doctest/doctest.h>

#include <random>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "import/import_labels.h"
#include "import/import_testing.h"
#include "import/import_text.h"
#include "base/text.h"

namespace jixiao {

namespace {

using testing::CheckSameProjects;
using testing::LoadExamples;
using testing::ReadBack;

// Text as Word's extraction writes it: ">text" is a paragraph, "a|b|c" a
// table row of cells (each on its own line behind a tab), rows separated by
// blank lines.
std::string Extracted(std::initializer_list<std::string_view> rows) {
  std::string out;
  for (std::string_view r : rows) {
    if (StartsWith(r, ">")) {
      out += std::string(r.substr(1)) + "\n\n";
      continue;
    }
    if (StartsWith(r, "|")) r.remove_prefix(1);
    size_t start = 0;
    while (start <= r.size()) {
      size_t bar = r.find('|', start);
      if (bar == std::string_view::npos) bar = r.size();
      out += "\t" + std::string(r.substr(start, bar - start)) + "\n";
      start = bar + 1;
    }
    out += "\n";
  }
  return out;
}

struct Imported {
  std::vector<ImportedProject> projects;
  Diagnostics diags;

  const ImportedProject& only() const {
    REQUIRE(projects.size() == 1);
    return projects.front();
  }
  bool Says(std::string_view text, Severity sev) const {
    for (const Diagnostic& d : diags.all()) {
      if (d.severity == sev && d.message.find(text) != std::string::npos) return true;
    }
    return false;
  }
  bool Warns(std::string_view text) const { return Says(text, Severity::kWarning); }
  bool Errs(std::string_view text) const { return Says(text, Severity::kError); }
  std::optional<Diagnostic> First(Severity sev) const {
    for (Diagnostic d : diags.all())
      if (d.severity == sev) return d;
    return std::nullopt;
  }
};

Imported ImportText(const std::string& text, ImportOptions opts = {}) {
  Imported r;
  Source src{"t.txt", text};
  if (auto doc = ReadExtractedText(src, &r.diags)) r.projects = ImportTables(*doc, opts, &r.diags);
  AssignIds(&r.projects, opts);
  return r;
}

bool HasNote(const ImportedProject& p, std::string_view field, std::string_view text) {
  auto it = p.field_notes.find(std::string(field));
  if (it == p.field_notes.end()) return false;
  for (const std::string& n : it->second)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

// The rows of a small valid table: header rows, then `indicators`.
std::vector<std::string> Table(std::string name = "2024年度测试项目") {
  return {">1." + name + "绩效目标表",
          "|362303天津市某执法总队|单位：万元",
          "|项目名称|" + name,
          "|预算规模及资金用途|预算数|6.00|其中：财政    资金|6.00|其他资金| ",
          "||购置设备。",
          "|绩效目标|1.提高能力",
          "|一级指标|二级指标|三级指标|绩效指标描述|指标值"};
}

std::string Join(const std::vector<std::string>& rows) {
  std::string out;
  for (const std::string& r : rows) {
    out += Extracted({r});
  }
  return out;
}

std::string WithIndicators(std::vector<std::string> rows,
                           std::initializer_list<std::string> indicators) {
  for (const std::string& i : indicators) rows.push_back(i);
  return Join(rows);
}

const std::initializer_list<std::string> kFour = {
    "|产出指标|数量指标|购置设备数量|辐射检测报警设备|4台",
    "||时效指标|项目完成时间|项目完成时间|≤12个月",
    "|效益指标|可持续影响指标|受辐射量|受辐射量|<20mSv",
    "|满意度指标|服务对象满意度指标|满意度|满意度|≥90%",
};

}  // namespace

TEST_CASE("import: the seed's five tables import exactly as examples/targets") {
  std::string text = testing::ReadFileBytes(testing::SourceDir() + "/tests/fixtures/import/seed-2024.txt");
  REQUIRE(!text.empty());
  Imported r = ImportText(text);
  CHECK(r.diags.empty());
  REQUIRE(r.projects.size() == 5);
  for (const ImportedProject& p : r.projects) CHECK(p.ok);
  CHECK(r.projects[0].id == "TJ-362303-2024-01");
  CHECK(r.projects[4].id == "TJ-362303-2024-05");
  // Project 4's last row has a cell with stray blank lines inside.
  CHECK(r.projects[3].indicators.back().target == "≥90%");
  CheckSameProjects(ReadBack(r.projects), LoadExamples());
  // `other` is empty in the document: omitted, and a comment says so.
  CHECK(r.projects[0].other.empty());
  CHECK(HasNote(r.projects[0], "budget.other", "omitted"));
}

TEST_CASE("import: the YAML keeps the field order of examples/targets") {
  Imported r = ImportText(WithIndicators(Table(), kFour));
  std::string y = ProjectYaml(r.only());
  std::vector<std::string> order = {"project:", "id:", "year:", "department:", "  code:",
                                    "  name:", "unit:", "budget:", "  total:", "  fiscal:",
                                    "purpose:", "goals:", "indicators:", "  - level1:",
                                    "    level2:", "    name:", "    description:", "    target:"};
  size_t at = 0;
  for (const std::string& key : order) {
    size_t found = y.find("\n" + key, at);
    CHECK_MESSAGE(found != std::string::npos, key);
    if (found != std::string::npos) at = found;
  }
  CHECK(y.find("code: \"362303\"") != std::string::npos);
  CHECK(y.find("target: \"<20mSv\"") != std::string::npos);
}

TEST_CASE("import: full-width punctuation, digits and comparators") {
  Imported r = ImportText(Extracted({
      ">１．2024年度全角测试项目绩效目标表",
      "|362303天津市某单位|单位：万元",
      "|项目名称：|2024年度全角测试项目",
      "|预算规模及资金用途|预算数：|１，２６０．００|其中：财政资金|１，０００．００|其他资金|２６０．００",
      "||全角用途。",
      "|绩效目标|１．全角目标",
      "|一级指标|二级指标|三级指标|绩效指标描述|指标值（包含数字及文字描述）",
      "|产出指标|数量指标|设备|设备数量|≧４台",
      "||质量指标|合格率|合格率|＞９０％",
      "|效益指标|社会效益指标|受理时长|受理时长|＜２天",
      "|满意度指标|服务对象满意度指标|满意度|满意度|≥９０％",
  }));
  const ImportedProject& p = r.only();
  CHECK(p.ok);
  CHECK(p.project == "2024年度全角测试项目");
  CHECK(p.total == "1260.00");
  CHECK(p.fiscal == "1000.00");
  CHECK(p.other == "260.00");
  CHECK(p.goals == std::vector<std::string>{"全角目标"});
  REQUIRE(p.indicators.size() == 4);
  CHECK(p.indicators[0].target == "≧４台");  // as written; check reads it
  CHECK(p.indicators[1].level1 == "产出指标");
  CHECK(p.indicators[2].target == "＜２天");
  CHECK(ReadBack(r.projects).size() == 1);
}

TEST_CASE("import: the 2021 form, 成本指标 as a level-1 group, 指标性质 and 度量单位") {
  std::vector<std::string> rows = Table();
  rows.back() = "|一级指标|二级指标|三级指标|指标性质|指标值|度量单位";
  Imported r = ImportText(WithIndicators(rows, {
                                                   "|产出指标|数量指标|设备|≥|4|台",
                                                   "|成本指标|经济成本指标|总成本|≤|6|万元",
                                                   "||社会成本指标|社会成本|定性|无负面影响|",
                                                   "|效益指标|社会效益指标|能力|定性|显著提升|",
                                                   "|满意度指标|服务对象满意度指标|满意度|≥|90|%",
                                               }));
  const ImportedProject& p = r.only();
  CHECK(p.ok);
  REQUIRE(p.indicators.size() == 5);
  CHECK(p.indicators[0].target == "≥4台");
  CHECK(p.indicators[1].level1 == "成本指标");
  CHECK(p.indicators[1].level2 == "经济成本指标");
  CHECK(p.indicators[1].target == "≤6万元");
  CHECK(p.indicators[2].level1 == "成本指标");
  CHECK(p.indicators[2].level2 == "社会成本指标");
  CHECK(p.indicators[3].target == "显著提升");
  CHECK(p.indicators[4].target == "≥90%");
  CHECK(p.indicators[0].description.empty());
  std::vector<Project> back = ReadBack(r.projects);
  REQUIRE(back.size() == 1);
  CHECK(back[0].indicators[1].level1 == "成本指标");
}

TEST_CASE("import: 指标性质 written 正向 / 反向 is ≥ / ≤") {
  std::vector<std::string> rows = Table();
  rows.back() = "|一级指标|二级指标|三级指标|指标性质|指标值|度量单位";
  Imported r = ImportText(WithIndicators(rows, {
                                                   "|产出指标|数量指标|设备|正向|4|台",
                                                   "|成本指标|经济成本指标|总成本|反向|10|万元",
                                                   "|产出指标|时效指标|时限|反向指标|12|个月",
                                                   "|满意度指标|服务对象满意度指标|满意度|正向指标|90|%",
                                               }));
  const ImportedProject& p = r.only();
  CHECK(p.ok);
  REQUIRE(p.indicators.size() == 4);
  CHECK(p.indicators[0].target == "≥4台");
  CHECK(p.indicators[1].target == "≤10万元");
  CHECK(p.indicators[2].target == "≤12个月");
  CHECK(p.indicators[3].target == "≥90%");
}

TEST_CASE("import: a missing 绩效指标描述 column or cell leaves description out") {
  std::vector<std::string> rows = Table();
  rows.back() = "|一级指标|二级指标|三级指标|指标值";
  Imported r = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|4台",
                                                "|满意度指标|服务对象满意度指标|满意度|≥90%"}));
  const ImportedProject& p = r.only();
  CHECK(p.ok);
  REQUIRE(p.indicators.size() == 2);
  CHECK(p.indicators[0].description.empty());
  CHECK(ProjectYaml(p).find("description:") == std::string::npos);

  Imported empty_cell = ImportText(
      WithIndicators(Table(), {"|产出指标|数量指标|设备||4台", "|效益指标|社会效益指标|能力|能力|显著提升"}));
  CHECK(empty_cell.only().ok);
  CHECK(empty_cell.only().indicators[0].description.empty());
  CHECK(empty_cell.diags.empty());
}

TEST_CASE("import: values with spaces") {
  std::vector<std::string> rows = Table();
  rows[3] = "|预算规模及资金用途|预算数| 6.00 |其中：财政    资金|6 .00|其他资金| ";
  Imported r = ImportText(WithIndicators(rows, {"|产出指标|数量指标|购置 设备 数量|描述 有 空格|4 台",
                                                "||质量指标|合格率|合格率|≥ 90 %",
                                                "|满意度指标|服务对象满意度指标|满意度|满意度| ≥90% "}));
  const ImportedProject& p = r.only();
  CHECK(p.ok);
  CHECK(p.total == "6.00");
  CHECK(p.fiscal == "6.00");
  CHECK(p.indicators[0].name == "购置 设备 数量");
  CHECK(p.indicators[0].description == "描述 有 空格");
  CHECK(p.indicators[0].target == "4 台");
  CHECK(p.indicators[1].target == "≥ 90 %");
  CHECK(p.indicators[2].target == "≥90%");
  CHECK(ReadBack(r.projects).size() == 1);
}

TEST_CASE("import: amounts, with thousands separators") {
  CHECK(*ParseAmount("1,260.00", "万元") == "1260.00");
  CHECK(*ParseAmount("12,345,678", "万元") == "12345678");
  CHECK(*ParseAmount("１，２６０．００", "万元") == "1260.00");
  CHECK(*ParseAmount(" 6.00 ", "万元") == "6.00");
  CHECK(*ParseAmount("45.00万元", "万元") == "45.00");
  CHECK(*ParseAmount("06.5", "万元") == "6.5");
  CHECK(*ParseAmount("0", "万元") == "0");
  CHECK(ParseAmount("", "万元")->empty());
  CHECK(ParseAmount("-", "万元")->empty());
  CHECK(ParseAmount("／", "万元")->empty());
  CHECK(ParseAmount("无", "万元")->empty());
  CHECK_FALSE(ParseAmount("1,26", "万元"));
  CHECK_FALSE(ParseAmount("1,2600", "万元"));
  CHECK_FALSE(ParseAmount(",100", "万元"));
  CHECK_FALSE(ParseAmount("1234,567", "万元"));
  CHECK_FALSE(ParseAmount("6000元", "万元"));
  CHECK_FALSE(ParseAmount("六万", "万元"));
  CHECK_FALSE(ParseAmount("1.2.3", "万元"));
  CHECK_FALSE(ParseAmount("-5", "万元"));
  CHECK_FALSE(ParseAmount("12345678901234567", "万元"));

  std::vector<std::string> rows = Table();
  rows[3] = "|预算规模及资金用途|预算数|1,260.00|其中：财政    资金|1,000.00|其他资金|260.00";
  Imported r = ImportText(WithIndicators(rows, kFour));
  CHECK(r.only().total == "1260.00");
  CHECK(r.only().other == "260.00");
  CHECK(r.only().ok);
}

TEST_CASE("import: 上年结转资金, fiscal funds in parts, and the sums check makes") {
  auto budget = [](std::initializer_list<std::string> lines, ImportOptions opts = {}) {
    std::vector<std::string> rows = Table();
    rows.erase(rows.begin() + 3, rows.begin() + 5);  // the budget and purpose rows
    rows.insert(rows.begin() + 3, lines);
    return ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"}), opts);
  };
  // 10.00 = 6.00 fiscal + 4.00 carried over, as targets.md §3.2 has it.
  Imported c = budget({"|年度资金总额|10.00", "|其中：当年财政拨款|6.00", "|上年结转资金|4.00"});
  CHECK(c.only().ok);
  CHECK(c.only().total == "10.00");
  CHECK(c.only().fiscal == "6.00");
  CHECK(c.only().carryover == "4.00");
  CHECK(c.diags.empty());
  CHECK(ProjectYaml(c.only()).find("  fiscal: 6.00\n  carryover: 4.00\n") != std::string::npos);
  REQUIRE(ReadBack(c.projects).size() == 1);
  CHECK(ReadBack(c.projects)[0].carryover == Rational::ParseDecimal("4.00"));
  // Parts that do not add up: an error, as check's.
  Imported bad = budget({"|年度资金总额|10.00", "|其中：财政资金|6.00", "|上年结转|3.00"});
  CHECK_FALSE(bad.only().ok);
  CHECK(bad.Errs("财政资金 (6.00) + 上年结转资金 (3.00) = 9, but 预算数 is 10.00"));
  CHECK(bad.diags.all().front().code == 634);
  Imported over = budget({"|预算数|10.00", "|上年结转资金|12.00"});
  CHECK(over.Errs("上年结转资金 (12.00) is larger than 预算数 (10.00)"));
  // One part alone below the total is what check accepts: no message.
  Imported alone = budget({"|预算数|10.00", "|其中：财政资金|6.00", "|其他资金|"});
  CHECK(alone.only().ok);
  CHECK(alone.only().fiscal == "6.00");
  CHECK(alone.diags.empty());

  // 中央财政资金 4.00 + 地方财政资金 6.00: the fiscal funds are 10.00, the
  // sum said in a comment.
  Imported parts = budget({"|年度资金总额|10.00", "|其中：中央财政资金|4.00", "|地方财政资金|6.00"});
  CHECK(parts.only().ok);
  CHECK(parts.only().fiscal == "10.00");
  CHECK(HasNote(parts.only(), "budget.fiscal", "财政资金 = 其中：中央财政资金 4.00 + 地方财政资金 6.00"));
  CHECK(parts.diags.empty());
  Imported short_parts = budget({"|预算数|10.00", "|中央财政资金|4.00", "|地方财政资金|5.00",
                                 "|其他资金|0.50"});
  CHECK(short_parts.Errs("财政资金 (9.00) + 其他资金 (0.50) = 9.5, but 预算数 is 10.00"));
  // Given as a whole too: the parts are its breakdown, not imported.
  Imported whole = budget({"|预算数|10.00", "|其中：财政资金|10.00", "|中央财政资金|4.00",
                           "|地方财政资金|6.00"});
  CHECK(whole.only().fiscal == "10.00");
  CHECK(whole.Warns("not imported: '4.00' ('中央财政资金' is a part of the fiscal funds, which "
                    "are given as a whole)"));
}

TEST_CASE("import: a budget label and its amount in one cell read as in two") {
  using labels::SplitLabelledAmount;
  auto split = [](std::string_view text) {
    std::optional<labels::LabelledAmount> la = SplitLabelledAmount(text);
    return la ? la->label + "|" + la->amount : std::string("none");
  };
  CHECK(split("预算数：850,000.00") == "预算数|850,000.00");
  CHECK(split("预算数:6.00") == "预算数|6.00");
  CHECK(split("预算数 6.00") == "预算数|6.00");
  CHECK(split("预算数　６．００") == "预算数|６．００");
  CHECK(split(" 预算数 ： 6.00 ") == "预算数|6.00");
  CHECK(split("预算数\n6.00") == "预算数|6.00");
  CHECK(split("其中：财政资金：850,000.00") == "其中：财政资金|850,000.00");
  CHECK(split("其中：财政资金 6.00") == "其中：财政资金|6.00");
  CHECK(split("上年结转资金：4.00") == "上年结转资金|4.00");
  CHECK(split("其他资金：无") == "其他资金|无");
  CHECK(split("全年预算数（A）：1,260.00") == "全年预算数（A）|1,260.00");
  CHECK(split("预算数：6.00万元") == "预算数|6.00万元");
  // Not a budget label with an amount: left as it was.
  CHECK(split("预算数") == "none");
  CHECK(split("预算数：") == "none");
  CHECK(split("预算数6.00") == "none");
  CHECK(split("预算数：八十五万元") == "none");
  CHECK(split("预算数：6.00（含税）") == "none");
  CHECK(split("其中：6.00") == "none");
  CHECK(split("单位名称：青山区教育局") == "none");
  CHECK(split("项目资金：80.00") == "none");
  CHECK(split("1.完成 6.00") == "none");
  // A long cell of many words is not looked up at each space: at once.
  std::string many;
  for (int i = 0; i < 200000; ++i) many += "其中：财政 ";
  CHECK(split(many + "6.00") == "none");

  auto budget = [](std::initializer_list<std::string> lines) {
    std::vector<std::string> rows = Table();
    rows.erase(rows.begin() + 3, rows.begin() + 5);  // the budget and purpose rows
    rows.insert(rows.begin() + 3, lines);
    return ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"}));
  };
  // targets.md §1's Word table: "预算数 6.00 | 其中：财政资金 6.00 | 其他资金 （空）".
  Imported one = budget({"|预算规模及资金用途|预算数：850,000.00|其中：财政资金：850,000.00|其他资金：| "});
  CHECK(one.only().ok);
  CHECK(one.only().total == "850000.00");
  CHECK(one.only().fiscal == "850000.00");
  CHECK(HasNote(one.only(), "budget.other", "其他资金：原表该单元格为空"));
  CHECK(one.diags.empty());
  Imported spaced = budget({"|预算数 10.00|其中：中央财政资金 4.00|地方财政资金 6.00|上年结转资金 0"});
  CHECK(spaced.only().ok);
  CHECK(spaced.only().total == "10.00");
  CHECK(spaced.only().fiscal == "10.00");
  CHECK(HasNote(spaced.only(), "budget.fiscal", "财政资金 = 其中：中央财政资金 4.00 + 地方财政资金 6.00"));
  CHECK(spaced.diags.empty());
  // Given twice, in one cell and in two: the second is not imported, said so.
  Imported twice = budget({"|预算数：10.00|预算数|10.00"});
  CHECK(twice.only().total == "10.00");
  CHECK(twice.Warns("not imported: '10.00' ('预算数' is given twice; the first is used)"));
  // An amount in another unit than the table's: the error of the two-cell form.
  Imported other_unit = budget({"|预算数：6000元"});
  CHECK(other_unit.Errs("预算数 '6000元': the amount is in 元, but the table's unit is 万元"));
  // A cell with no amount after its label is reported as before.
  Imported words = budget({"|预算数：八十五万元"});
  CHECK(words.Warns("not imported: '预算数：八十五万元'"));
  CHECK(words.Errs("no 预算数 (budget total) in this table"));
}

TEST_CASE("import: numbered goals and several goals") {
  using V = std::vector<std::string>;
  CHECK(SplitGoals("1.提高能力") == V{"提高能力"});
  CHECK(SplitGoals("1.甲；2.乙；3.丙。") == V{"甲", "乙", "丙。"});
  CHECK(SplitGoals("1、甲。2、乙。") == V{"甲。", "乙。"});
  CHECK(SplitGoals("（一）甲\n（二）乙") == V{"甲", "乙"});
  CHECK(SplitGoals("一、甲\n二、乙\n十一、丙") == V{"甲", "乙", "丙"});
  CHECK(SplitGoals("目标1：甲\n目标2：乙") == V{"甲", "乙"});
  CHECK(SplitGoals("(1)甲 (2)乙") == V{"甲", "乙"});
  CHECK(SplitGoals("１．全角") == V{"全角"});
  CHECK(SplitGoals("1.5倍提升") == V{"1.5倍提升"});
  CHECK(SplitGoals("提高1.2个百分点；2.不是编号") == V{"提高1.2个百分点；2.不是编号"});
  CHECK(SplitGoals("1.甲；3.丙") == V{"甲；3.丙"});  // not in sequence: one goal
  CHECK(SplitGoals("无编号的目标") == V{"无编号的目标"});
  CHECK(SplitGoals("\n\n").empty());

  std::vector<std::string> rows = Table();
  rows[5] = "|绩效目标|（一）提高能力；（二）降低风险";
  rows.insert(rows.begin() + 6, "||（三）改善服务");
  Imported r = ImportText(WithIndicators(rows, kFour));
  CHECK(r.only().goals == V{"提高能力", "降低风险", "改善服务"});
  CHECK(r.only().ok);
  CHECK(ReadBack(r.projects).at(0).goals.size() == 3);
}

TEST_CASE("import: a document that is not a 绩效目标表 is one located error") {
  Imported prose = ImportText("这是一份会议纪要。\n\n没有任何表格。\n");
  CHECK(prose.projects.empty());
  REQUIRE(prose.diags.error_count() == 1);
  std::optional<Diagnostic> e = prose.First(Severity::kError);
  CHECK(e->message.find("not a 绩效目标表") != std::string::npos);
  CHECK(e->loc.file == "t.txt");
  CHECK(e->loc.line == 1);
  CHECK(prose.diags.warning_count() == 0);

  Imported other_table = ImportText(Extracted({"|姓名|电话", "|张三|123"}));
  CHECK(other_table.Errs("not a 绩效目标表"));
  REQUIRE(other_table.First(Severity::kError));
  CHECK(other_table.First(Severity::kError)->loc.line == 1);

  Imported heading_only = ImportText(">2024年度某项目绩效目标表\n");
  CHECK(heading_only.Errs("no table below the heading"));

  Imported empty = ImportText("");
  CHECK(empty.Errs("not a 绩效目标表"));

  Imported binary = ImportText(std::string("PK\x01\x02\0\0junk", 10));
  CHECK(binary.Errs("not a text document"));
  Imported latin1 = ImportText("\xb8\xdf\xd0\xa7\n");
  CHECK(latin1.Errs("invalid UTF-8"));
}

TEST_CASE("import: errors are located at the cell, file:line:column") {
  std::string text = WithIndicators(Table(), {"|产出指标|数量指标|设备|设备|≥9O%"});
  Imported r = ImportText(text);
  CHECK_FALSE(r.only().ok);
  std::optional<Diagnostic> e = r.First(Severity::kError);
  REQUIRE(e);
  CHECK(e->message.find("bad 指标值 '≥9O%'") != std::string::npos);
  CHECK(e->loc.line == 33);
  CHECK(e->loc.column == 2);
  CHECK(e->source_line == "\t≥9O%");

  Imported l1 = ImportText(WithIndicators(Table(), {"|产出指票|数量指标|设备|设备|4台"}));
  CHECK(l1.Errs("unknown 一级指标 '产出指票': did you mean '产出指标'?"));
  Imported l2 = ImportText(WithIndicators(Table(), {"|效益指标|数量指标|设备|设备|4台"}));
  CHECK(l2.Errs("二级指标 '数量指标' belongs to 产出指标, not to 效益指标"));
  Imported first_empty = ImportText(WithIndicators(Table(), {"||数量指标|设备|设备|4台"}));
  CHECK(first_empty.Errs("一级指标 is empty and no row above gives one"));
  Imported no_target = ImportText(WithIndicators(Table(), {"|产出指标|数量指标|设备|设备| "}));
  CHECK(no_target.Errs("指标值 of '设备' is empty"));
  Imported no_name = ImportText(WithIndicators(Table(), {"|产出指标|数量指标||设备|4台"}));
  CHECK(no_name.Errs("三级指标 (the indicator's name) is empty"));
  Imported wide = ImportText(WithIndicators(Table(), {"|产出指标|数量指标|设备|设备|4台|多余"}));
  CHECK(wide.Errs("this indicator row has 6 cells"));
  // A row under the table that is no indicator is kept as a comment, not an error.
  Imported note = ImportText(WithIndicators(Table(), {"|产出指标|数量指标|设备|设备|4台",
                                                      "|填报人：张三|联系电话：123"}));
  CHECK(note.only().ok);
  CHECK(note.Warns("not imported: '填报人：张三' (a row of the indicator table that is no indicator)"));
  CHECK(note.only().unread.size() == 2);

  std::vector<std::string> rows = Table();
  rows[3] = "|预算规模及资金用途|预算数|10.00|其中：财政    资金|6.00|其他资金|3.00";
  Imported sum = ImportText(WithIndicators(rows, kFour));
  CHECK(sum.Errs("财政资金 (6.00) + 其他资金 (3.00) = 9, but 预算数 is 10.00"));
  CHECK_FALSE(sum.only().ok);
  rows[3] = "|预算规模及资金用途|预算数|六万|其中：财政    资金|6.00|其他资金|";
  CHECK(ImportText(WithIndicators(rows, kFour)).Errs("预算数 '六万': expected an amount"));
  rows[0] = ">1.某项目绩效目标表";
  rows[2] = "|项目名称|某项目";
  rows[3] = "|预算规模及资金用途|预算数|6.00|其中：财政    资金|6.00|其他资金|";
  CHECK(ImportText(WithIndicators(rows, kFour)).Errs("no year: the project name '某项目' has none"));
}

TEST_CASE("import: the year from the name, the heading or --year") {
  ImportOptions opts;
  opts.year = 2023;
  std::vector<std::string> rows = Table("某项目");
  Imported r = ImportText(WithIndicators(rows, kFour), opts);
  CHECK(r.only().ok);
  CHECK(r.only().year == 2023);
  CHECK(HasNote(r.only(), "year", "--year"));
  CHECK(r.only().id == "TJ-362303-2023-01");

  Imported named = ImportText(WithIndicators(Table(), kFour), opts);  // 2024年度测试项目
  CHECK(named.only().year == 2024);
  CHECK(named.Warns("--year 2023 differs from the year 2024 in the document"));

  rows[0] = ">（2022年度）";
  rows.insert(rows.begin() + 1, ">1.某项目绩效目标表");
  Imported titled = ImportText(WithIndicators(rows, kFour));
  CHECK(titled.only().year == 2022);
}

TEST_CASE("import: the name from the heading or the 项目名称 row") {
  std::vector<std::string> rows = Table();
  rows.erase(rows.begin() + 2);  // no 项目名称 row
  Imported heading = ImportText(WithIndicators(rows, kFour));
  CHECK(heading.only().project == "2024年度测试项目");
  CHECK(heading.diags.empty());

  rows = Table();
  rows.erase(rows.begin());  // no heading
  Imported row = ImportText(WithIndicators(rows, kFour));
  CHECK(row.only().project == "2024年度测试项目");
  CHECK(row.only().ok);

  rows = Table();
  rows[0] = ">1.2024年度别的名字绩效目标表";
  Imported differ = ImportText(WithIndicators(rows, kFour));
  CHECK(differ.only().project == "2024年度测试项目");
  CHECK(differ.Warns("the heading names '2024年度别的名字'"));
  CHECK(HasNote(differ.only(), "project", "2024年度别的名字"));

  rows = Table();
  rows[0] = ">2024年度测试项目支出绩效目标表";
  CHECK(ImportText(WithIndicators(rows, kFour)).diags.empty());
}

TEST_CASE("import: the form's own title (项目支出绩效目标表) names no project") {
  // Above the table, or as the table's first row: no 'the heading names 项目'.
  ImportOptions y2024;
  y2024.year = 2024;
  for (const char* title : {"项目支出绩效目标表", "2024年度项目支出绩效目标表", "项目绩效目标表",
                            "（2024年度）项目支出绩效目标表", "____年度项目支出绩效目标表",
                            "2024年部门预算项目支出绩效目标表", "1.项目支出绩效目标表"}) {
    INFO(title);
    std::vector<std::string> rows = Table("青山区老年食堂运营补助项目");
    rows[0] = std::string(">") + title;
    Imported above = ImportText(WithIndicators(rows, kFour), y2024);
    CHECK(above.only().ok);
    CHECK(above.only().project == "青山区老年食堂运营补助项目");
    CHECK(above.diags.empty());
    rows[0] = std::string("|") + title;
    Imported first_row = ImportText(WithIndicators(rows, kFour), y2024);
    CHECK(first_row.only().project == "青山区老年食堂运营补助项目");
    CHECK(first_row.diags.empty());
  }
  // Its year is the project's when the name has none.
  std::vector<std::string> rows = Table("青山区老年食堂运营补助项目");
  rows[0] = "|2023年度项目支出绩效目标表";
  Imported dated = ImportText(WithIndicators(rows, kFour));
  CHECK(dated.only().ok);
  CHECK(dated.only().year == 2023);
  // Without a 项目名称 row it names nothing: no name, an error.
  rows.erase(rows.begin() + 2);
  CHECK(ImportText(WithIndicators(rows, kFour)).Errs("no project name"));
  // A title naming another project is still a heading that differs.
  rows = Table("青山区老年食堂运营补助项目");
  rows[0] = "|2024年度青山区助浴服务项目支出绩效目标表";
  Imported differ = ImportText(WithIndicators(rows, kFour));
  CHECK(differ.Warns("the heading names '2024年度青山区助浴服务项目', the 项目名称 row "
                     "'青山区老年食堂运营补助项目': using the row"));
  // Below the project's own heading, the form's title leaves that heading.
  rows = Table("2024年度测试项目");
  rows.insert(rows.begin() + 1, ">项目支出绩效目标表");
  Imported both = ImportText(WithIndicators(rows, kFour));
  CHECK(both.only().project == "2024年度测试项目");
  CHECK(both.diags.empty());
}

TEST_CASE("import: forms one after another, each titled in its first row, are one project each") {
  // The official form: its title and year in the table's first rows. The
  // second form's title row, under the first form's indicators, starts the
  // second project (it used to be read as a row of the first's indicators).
  auto form = [](const std::string& name) {
    return std::vector<std::string>{"|项目支出绩效目标表", "|（2024年度）", "|项目名称|" + name,
                                    "|主管部门及代码|208青山区民政局|实施单位|208001青山区养老服务中心",
                                    "|项目资金（万元）|年度资金总额|80.00",
                                    "||其中：财政拨款|80.00",
                                    "|年度总体目标|1.保障运营。",
                                    "|一级指标|二级指标|三级指标|指标值",
                                    "|产出指标|数量指标|补助食堂数量|10个",
                                    "|满意度指标|服务对象满意度指标|就餐老人满意度|≥90%"};
  };
  std::vector<std::string> rows = form("青山区老年食堂运营补助项目");
  for (const std::string& r : form("青山区助浴服务项目")) rows.push_back(r);
  Imported r = ImportText(Join(rows));
  REQUIRE(r.projects.size() == 2);
  CHECK(r.projects[0].project == "青山区老年食堂运营补助项目");
  CHECK(r.projects[1].project == "青山区助浴服务项目");
  CHECK(r.projects[1].year == 2024);
  CHECK(r.projects[0].indicators.size() == 2);
  CHECK(r.projects[1].ok);
  CHECK(r.diags.empty());
}

TEST_CASE("import: several projects without headings split at the next title block") {
  std::vector<std::string> a = Table("2024年度甲项目");
  std::vector<std::string> b = Table("2024年度乙项目");
  a.erase(a.begin());
  b.erase(b.begin());
  std::string text = WithIndicators(a, kFour) + WithIndicators(b, kFour);
  Imported r = ImportText(text);
  REQUIRE(r.projects.size() == 2);
  CHECK(r.projects[0].project == "2024年度甲项目");
  CHECK(r.projects[1].project == "2024年度乙项目");
  CHECK(r.projects[1].id == "TJ-362303-2024-02");
  CHECK(r.projects[1].indicators.size() == 4);
  CHECK(r.diags.empty());
}

TEST_CASE("import: a header row repeated on the next page continues the indicator table") {
  // 5 indicators, the header repeated after the second: one project of 5,
  // the 一级指标 merged across the break (empty in the text) continued.
  const std::vector<std::string> first = {"|产出指标|数量指标|购置设备数量|设备|4台",
                                          "||质量指标|验收合格率|合格率|100%"};
  const std::vector<std::string> rest = {"||时效指标|项目完成时间|完成时间|≤12个月",
                                         "|效益指标|社会效益指标|执法效能|效能|明显提升",
                                         "|满意度指标|服务对象满意度指标|满意度|满意度|≥90%"};
  for (const std::string& between :
       std::vector<std::string>{"", ">（续）1.2024年度测试项目绩效目标表",
                                ">1.2024年度测试项目绩效目标表（续）", ">续表"}) {
    CAPTURE(between);
    std::vector<std::string> rows = Table();
    rows.insert(rows.end(), first.begin(), first.end());
    if (!between.empty()) rows.push_back(between);
    rows.push_back("|一级指标|二级指标|三级指标|绩效指标描述|指标值");
    rows.insert(rows.end(), rest.begin(), rest.end());
    Imported r = ImportText(Join(rows));
    const ImportedProject& p = r.only();
    CHECK(p.ok);
    REQUIRE(p.indicators.size() == 5);
    CHECK(p.indicators[2].level1 == "产出指标");
    CHECK(p.indicators[2].name == "项目完成时间");
    CHECK(p.indicators[4].name == "满意度");
    CHECK(r.diags.empty());
  }
  // A header with other columns: not guessed at, and the project of 2
  // indicators is not written.
  std::vector<std::string> rows = Table();
  rows.insert(rows.end(), first.begin(), first.end());
  rows.push_back("|一级指标|二级指标|三级指标|指标值");
  rows.push_back("|效益指标|社会效益指标|执法效能|明显提升");
  Imported r = ImportText(Join(rows));
  const ImportedProject& p = r.only();
  CHECK_FALSE(p.ok);
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all().front().code == 639);
  CHECK(r.diags.all().front().loc.line == 41);
  CHECK(r.Errs("the indicator header appears again with other columns than the header at line 23"));
}

TEST_CASE("import: guesses are warnings and YAML comments; no cell is dropped silently") {
  std::vector<std::string> rows = Table();
  rows[3] = "|预算规模及资金用途|预算数| |其中：财政    资金|6.00|其他资金|";
  rows.insert(rows.begin() + 5, "|备注|这是一条备注");
  Imported r = ImportText(WithIndicators(rows, {"|产出指标|数量|设备|设备|4台",
                                                "|满意度指标|服务对象满意度|满意度|满意度|≥90%"}));
  const ImportedProject& p = r.only();
  CHECK(p.ok);
  CHECK(p.total == "6.00");
  CHECK(r.Warns("预算数 is empty: using 6.00"));
  CHECK(HasNote(p, "budget.total", "预算数为空"));
  CHECK(p.indicators[0].level2 == "数量指标");
  CHECK(r.Warns("二级指标 '数量' is read as '数量指标'"));
  CHECK(p.indicators[1].level2 == "服务对象满意度指标");
  REQUIRE(p.unread.size() == 2);
  CHECK(r.Warns("not imported: '备注'"));
  std::string y = ProjectYaml(p);
  CHECK(y.find("# 未导入的单元格") != std::string::npos);
  CHECK(y.find("这是一条备注") != std::string::npos);
  CHECK(y.find("  # 猜测 / guessed: 二级指标“数量”") != std::string::npos);
  CHECK(p.warnings == r.diags.warning_count());
  CHECK(ReadBack(r.projects).size() == 1);

  // Text between tables, and an extra column, are kept as comments too.
  rows = Table();
  rows.back() = "|一级指标|二级指标|三级指标|绩效指标描述|指标值|备注";
  Imported extra = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台|已采购"}) +
                              "注：本表数据截至一月。\n");
  CHECK(extra.Warns("not imported: '已采购'"));
  CHECK(extra.Warns("not imported: '注：本表数据截至一月。' (text outside the table)"));
  REQUIRE(extra.projects.size() == 1);
  CHECK(ProjectYaml(extra.projects[0]).find("已采购") != std::string::npos);
}

TEST_CASE("import: a labelled row or a caption ends the goals; 年度目标 over 总体目标") {
  // Rows under the merged 绩效目标 cell (blank first cell) are goals; a row
  // with a label of its own, or the 年度绩效指标 caption, is not.
  std::vector<std::string> rows = Table();
  rows.push_back("||2.完成培训");
  rows.push_back("|备注|无");
  rows.push_back("|项目负责人|张三|联系电话|022-12345678");
  rows.push_back("|年度绩效指标");
  rows.push_back("|一级指标|二级指标|三级指标|绩效指标描述|指标值");
  rows.erase(rows.end() - 6);  // the header, moved below
  Imported r = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"}));
  const ImportedProject& p = r.only();
  CHECK(p.ok);
  CHECK(p.goals == std::vector<std::string>{"提高能力", "完成培训"});
  REQUIRE(p.unread.size() == 7);
  CHECK(r.Warns("not imported: '备注' (not a field of a target file)"));
  CHECK(r.Warns("not imported: '022-12345678'"));
  CHECK(r.Warns("not imported: '年度绩效指标'"));
  CHECK(ProjectYaml(p).find("# line 26: 备注\n# line 27: 无\n") != std::string::npos);

  // 绩效目标 merged over 总体目标 and 年度目标: the year's goals are the
  // goals, the 总体目标 a comment; the labels are no goals.
  rows = Table();
  rows[5] = "|绩效目标|总体目标|三年内完成全部设备更新";
  rows.insert(rows.begin() + 6, "||年度目标|1.完成4台设备购置；2.培训20人");
  Imported both = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"}));
  CHECK(both.only().ok);
  CHECK(both.only().goals == std::vector<std::string>{"完成4台设备购置", "培训20人"});
  CHECK(both.Warns("not imported: '三年内完成全部设备更新' (a 总体目标 (over several years)"));
  REQUIRE(both.only().unread.size() == 1);
  // A 总体目标 alone is the goals.
  rows = Table();
  rows[5] = "|总体目标|三年内完成全部设备更新";
  Imported overall = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"}));
  CHECK(overall.only().goals == std::vector<std::string>{"三年内完成全部设备更新"});
  CHECK(overall.diags.empty());
}

TEST_CASE("import: the department and the unit in a paragraph above the table") {
  // The commonest Word layout: heading, a line with the department's code
  // and name and the unit, then the table. Amounts in 元.
  std::vector<std::string> rows = Table("2024年度青山区教育信息化项目");
  rows[1] = ">207001青山区教育局　　　　单位：元";
  rows[3] = "|预算规模及资金用途|预算数|10,000,000.00|其中：财政    资金|10,000,000.00|其他资金| ";
  Imported r = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"}));
  const ImportedProject& p = r.only();
  CHECK(p.ok);
  CHECK(p.department_code == "207001");
  CHECK(p.department_name == "青山区教育局");
  CHECK(p.unit == "元");
  CHECK(p.total == "10000000.00");
  CHECK_MESSAGE(r.diags.empty(), r.diags.all().front().message);

  // Other spellings of the line; a line before the heading.
  for (const auto& [line, code, name, unit] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {">编制单位：青山区教育局（207001）　金额单位：万元", "207001", "青山区教育局", "万元"},
           {">（单位：元）", "", "", "元"},
           {">单位:千元", "", "", "千元"},
           {">207001青山区教育局", "207001", "青山区教育局", "万元"},
       }) {
    CAPTURE(line);
    std::vector<std::string> variant = Table();
    variant[1] = line;
    if (unit == "万元" && line.find("单位") == std::string::npos) {
      variant.insert(variant.begin() + 2, "|单位：万元");
    }
    Imported v = ImportText(WithIndicators(variant, {"|产出指标|数量指标|设备|设备|4台"}));
    const ImportedProject& q = v.only();
    CHECK(q.ok);
    CHECK(q.unit == unit);
    CHECK(q.department_code == code);
    CHECK(q.department_name == name);
  }
  std::vector<std::string> before = Table();
  before[1] = before[0];
  before[0] = ">362303天津市某执法总队　单位：元";
  Imported b = ImportText(WithIndicators(before, {"|产出指标|数量指标|设备|设备|4台"}));
  CHECK(b.only().unit == "元");
  CHECK(b.only().department_code == "362303");

  std::string department, unit;
  CHECK_FALSE(labels::TitleLine("注：本表数据截至一月。", &department, &unit));
  CHECK_FALSE(labels::TitleLine("单位：个", &department, &unit));
}

TEST_CASE("import: amounts without a unit are an error unless --unit says it") {
  std::vector<std::string> rows = Table();
  rows[1] = "|362303天津市某执法总队";  // no unit anywhere
  const std::string text = WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"});
  Imported r = ImportText(text);
  CHECK_FALSE(r.only().ok);
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all().back().message ==
        "the document does not say the unit of its amounts (单位：元 or 单位：万元, above the "
        "table or in it): add it, or pass --unit 元 (or 千元, 万元, 亿元)");

  ImportOptions opts;
  opts.unit = "元";
  Imported given = ImportText(text, opts);
  CHECK(given.only().ok);
  CHECK(given.only().unit == "元");
  CHECK(HasNote(given.only(), "unit", "--unit"));
  CHECK(given.diags.empty());

  // The document's unit wins over --unit, said so.
  opts.unit = "元";
  Imported both = ImportText(WithIndicators(Table(), {"|产出指标|数量指标|设备|设备|4台"}), opts);
  CHECK(both.only().unit == "万元");
  CHECK(both.Warns("--unit 元 differs from the unit 万元 the document gives: using 万元"));
}

TEST_CASE("import: two different units of money are an error unless --unit picks one") {
  // 单位：万元 in the title row, 项目资金（元） on the budget: 60000 would be
  // 60000 万元 or 6 万元.
  std::vector<std::string> rows = Table();
  rows[3] = "|项目资金（元）|预算数|60000|其中：财政    资金|60000|其他资金| ";
  const std::string text = WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"});
  Imported r = ImportText(text);
  CHECK_FALSE(r.only().ok);
  REQUIRE(r.diags.error_count() == 1);
  const Diagnostic& e = r.diags.all().front();
  CHECK(e.code == 640);
  CHECK(e.loc.line == 9);
  CHECK(e.message ==
        "two units of money: '万元' at line 4 and '元' at line 9, and the wrong one puts the "
        "budget off by orders of magnitude: correct the document, or pass --unit to say which "
        "is right (this project is not written)");

  ImportOptions opts;
  opts.unit = "元";
  Imported given = ImportText(text, opts);
  CHECK(given.only().ok);
  CHECK(given.only().unit == "元");
  CHECK(given.only().total == "60000");
  CHECK(given.Warns("the document gives two units of money ('万元' at line 4, '元' at line 9): "
                    "using 元, from --unit"));
  CHECK(HasNote(given.only(), "unit", "--unit 元 is used"));

  // A paragraph 单位：元 above a table whose budget label says 万元.
  rows = Table();
  rows[1] = ">362303天津市某执法总队　单位：元";
  rows[3] = "|项目资金（万元）|预算数|6|其中：财政    资金|6|其他资金| ";
  Imported para = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"}));
  CHECK_FALSE(para.only().ok);
  CHECK(para.Errs("two units of money: '元' at line 3 and '万元' at line "));
  // The same unit twice is no clash.
  rows[3] = "|项目资金（元）|预算数|6|其中：财政    资金|6|其他资金| ";
  Imported same = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台"}));
  CHECK(same.only().ok);
  CHECK(same.diags.empty());
}

TEST_CASE("import: 分值 are written when they add up to 90, else left out with a warning") {
  std::vector<std::string> rows = Table();
  rows.back() = "|一级指标|二级指标|三级指标|绩效指标描述|指标值|分值";
  Imported ok = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台|50",
                                                 "|效益指标|社会效益指标|能力|能力|显著提升|30",
                                                 "|满意度指标|服务对象满意度指标|满意度|满意度|≥90%|10"}));
  CHECK(ok.only().indicators[0].weight == "50");
  CHECK(ok.diags.empty());
  CHECK(ReadBack(ok.projects).at(0).indicators[0].weight.has_value());

  Imported hundred = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台|60",
                                                      "|满意度指标|服务对象满意度指标|满意度|满意度|≥90%|40"}));
  CHECK(hundred.only().ok);
  CHECK(hundred.only().indicators[0].weight.empty());
  CHECK(hundred.Warns("分值 not imported: they add up to 100, not 90"));
  CHECK(HasNote(hundred.only(), "indicators", "设备=60"));

  // 90.003 is within the 0.01 a targets file allows: written.
  Imported near = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台|50.003",
                                                   "|效益指标|社会效益指标|能力|能力|显著提升|30",
                                                   "|满意度指标|服务对象满意度指标|满意度|满意度|≥90%|10"}));
  CHECK(near.only().indicators[0].weight == "50.003");
  CHECK(near.diags.empty());
  // A 0 among them adding up to 90: the 0 is the reason, not "90, not 90".
  Imported zero = ImportText(WithIndicators(rows, {"|产出指标|数量指标|设备|设备|4台|60",
                                                   "|效益指标|社会效益指标|能力|能力|显著提升|0",
                                                   "|满意度指标|服务对象满意度指标|满意度|满意度|≥90%|30"}));
  CHECK(zero.only().indicators[0].weight.empty());
  CHECK(zero.Warns("分值 not imported: some are 0 or negative: every indicator's weight must be above 0"));
}

TEST_CASE("import: what check warns of is reported, at its place in the document") {
  // The 1-based line of the first cell line "\t<cell>" of `text` (0: none).
  auto line_of = [](const std::string& text, const std::string& cell) {
    int line = 1;
    for (size_t pos = 0; pos < text.size(); ++line) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      if (text.compare(pos, end - pos, "\t" + cell) == 0) return line;
      pos = end + 1;
    }
    return 0;
  };
  // 分值 that add up to 90 but split 40/40/10 where the rules give 50/30/10:
  // check warns (JX0247), so import says so too, at the 分值 header cell.
  std::vector<std::string> rows = Table();
  rows.back() = "|一级指标|二级指标|三级指标|绩效指标描述|指标值|分值";
  std::string text = WithIndicators(rows, {"|产出指标|数量指标|甲|甲|≥10个|20",
                                           "||质量指标|乙|乙|100%|20",
                                           "|效益指标|社会效益指标|丙|丙|≥90%|40",
                                           "|满意度指标|服务对象满意度指标|丁|丁|≥90%|10"});
  Imported split = ImportText(text);
  CHECK(split.only().ok);
  CHECK(split.only().warnings == 1);
  std::optional<Diagnostic> w = split.First(Severity::kWarning);
  REQUIRE(w);
  CHECK(w->code == 247);
  CHECK(w->message ==
        "the indicator weights give 产出指标 40, 效益指标 40, 满意度指标 10, but the rules give "
        "产出指标 50, 效益指标 30, 满意度指标 10: check them (another split is for special cases)");
  CHECK(w->loc.file == "t.txt");
  CHECK(w->loc.line == line_of(text, "分值"));
  CHECK(w->loc.column == 2);
  CHECK(split.only().indicators[0].weight == "20");  // written, as check reads them

  // A 时效指标 without a comparator (JX0306), a figure in a qualitative
  // target (JX0307): at each one's 指标值 cell.
  text = WithIndicators(Table(), {"|产出指标|时效指标|完成时间|完成时间|12个月",
                                  "|效益指标|社会效益指标|效果|效果|控制在850万元以内",
                                  "|满意度指标|服务对象满意度指标|满意度|满意度|≥90%"});
  Imported targets = ImportText(text);
  CHECK(targets.only().ok);
  REQUIRE(targets.diags.size() == 2);
  CHECK(targets.diags.all()[0].code == 306);
  CHECK(targets.diags.all()[0].severity == Severity::kWarning);
  CHECK(targets.diags.all()[0].loc.line == line_of(text, "12个月"));
  CHECK(targets.diags.all()[0].message ==
        "target '12个月' of 时效指标 '完成时间' has no comparator, so more is better; did you "
        "mean '≤12个月'?");
  CHECK(targets.diags.all()[1].code == 307);
  CHECK(targets.diags.all()[1].loc.line == line_of(text, "控制在850万元以内"));
  CHECK(targets.diags.all()[1].loc.column == 2);

  // The same in a .docx layout: at the table, row and cell.
  ImportDoc doc;
  doc.file = "t.docx";
  auto row = [&](int r, std::initializer_list<const char*> cells) {
    DocItem item;
    int c = 0;
    for (const char* t : cells) item.cells.push_back(DocCell{t, DocPlace{0, 0, 1, r, ++c, 0}});
    doc.items.push_back(std::move(item));
  };
  row(1, {"项目名称", "2024年度测试项目"});
  row(2, {"预算数", "6.00", "单位：万元"});
  row(3, {"一级指标", "二级指标", "三级指标", "指标值", "分值"});
  row(4, {"产出指标", "数量指标", "甲", "≥10个", "40"});
  row(5, {"效益指标", "社会效益指标", "丙", "≥90%", "40"});
  row(6, {"满意度指标", "服务对象满意度指标", "丁", "≥90%", "10"});
  Diagnostics diags;
  std::vector<ImportedProject> ps = ImportTables(doc, ImportOptions{}, &diags);
  REQUIRE(ps.size() == 1);
  REQUIRE(diags.size() == 1);
  CHECK(diags.all()[0].code == 247);
  CHECK(diags.all()[0].message.rfind("table 1, row 3, cell 5: the indicator weights give", 0) == 0);
}

TEST_CASE("import: ProjectYaml says on which lines its indicators and targets are") {
  Imported r = ImportText(WithIndicators(Table(), kFour));
  ImportedProject p = r.only();
  p.indicators[1].notes.push_back("a note\nof two lines");  // one comment line
  p.indicators[2].description = "two\nparagraphs";
  ProjectYamlLines lines;
  std::string yaml = ProjectYaml(p, &lines);
  std::vector<std::string> text_lines;
  for (size_t pos = 0; pos < yaml.size();) {
    size_t end = yaml.find('\n', pos);
    text_lines.push_back(yaml.substr(pos, end - pos));
    pos = end + 1;
  }
  REQUIRE(lines.indicator.size() == 4);
  REQUIRE(lines.target.size() == 4);
  for (size_t k = 0; k < 4; ++k) {
    INFO("indicator " << k + 1);
    CHECK(text_lines.at(lines.indicator[k] - 1) == "  - level1: " + p.indicators[k].level1);
    CHECK(StartsWith(text_lines.at(lines.target[k] - 1), "    target: "));
  }
  CHECK(ProjectYaml(p) == yaml);
}

TEST_CASE("import: a name the table repeats gets an id") {
  Imported r = ImportText(WithIndicators(Table(), {"|产出指标|数量指标|设备|甲|4台",
                                                   "||数量指标|设备|乙|2台"}));
  const ImportedProject& p = r.only();
  CHECK(p.ok);
  CHECK(p.indicators[0].id.empty());
  CHECK(p.indicators[1].id == "设备-2");
  CHECK(r.Warns("三级指标 '设备' is repeated"));
  CHECK(ReadBack(r.projects).size() == 1);
}

TEST_CASE("import: a row split by stray blank lines is joined; a short row is not guessed at") {
  std::string text = WithIndicators(Table(), {"|产出指标|数量指标|设备"}) + "\t设备\n\n\n\t4台\n\n";
  Imported r = ImportText(text);
  CHECK(r.only().ok);
  CHECK(r.only().indicators.at(0).target == "4台");
}

TEST_CASE("import: a row one cell short is placed by its first name, or is an error") {
  // The 一级指标 cell of a merged group left out: 质量指标 goes under 二级指标
  // and the row continues 产出指标, with a warning.
  Imported merged = ImportText(WithIndicators(
      Table(), {"|产出指标|数量指标|设备|设备|4台", "|质量指标|验收合格率|验收合格率|100%"}));
  CHECK(merged.only().ok);
  REQUIRE(merged.only().indicators.size() == 2);
  CHECK(merged.only().indicators[1].level1 == "产出指标");
  CHECK(merged.only().indicators[1].level2 == "质量指标");
  CHECK(merged.only().indicators[1].target == "100%");
  CHECK(merged.Warns("this indicator row has 4 cells, the header 5: taking the first 1 as merged"));

  // A cell missing after the names (here the 三级指标) cannot be placed: one
  // error at the row, and the rows below still continue its 一级/二级指标.
  Imported inner = ImportText(WithIndicators(
      Table(), {"|产出指标|数量指标|设备|4台", "||质量指标|验收合格率|验收合格率|100%",
                "|||合格证|合格证|1份"}));
  CHECK_FALSE(inner.only().ok);
  CHECK(inner.diags.error_count() == 1);
  std::optional<Diagnostic> e = inner.First(Severity::kError);
  REQUIRE(e);
  CHECK(e->code == 613);
  CHECK(e->message.find("this indicator row has 4 cells and the indicator header (line 23) 5, "
                        "and the missing ones are not at its start") != std::string::npos);
  CHECK(e->loc.line == 29);
  CHECK(e->loc.column == 2);

  // The same with the empty merged cell kept and the 指标值 lost: before, the row
  // was dropped as "no indicator" with a warning and the import succeeded.
  Imported last = ImportText(WithIndicators(
      Table(), {"|产出指标|数量指标|设备|设备|4台", "||质量指标|验收合格率|验收合格率"}));
  CHECK_FALSE(last.only().ok);
  CHECK(last.Errs("this indicator row has 4 cells and the indicator header (line 23) 5"));
  CHECK_FALSE(last.Warns("no indicator"));
}

TEST_CASE("import: ids, province codes and file names") {
  CHECK(ProvinceCode("天津市生态环境保护综合行政执法总队") == "TJ");
  CHECK(ProvinceCode("内蒙古自治区财政厅") == "NM");
  CHECK(ProvinceCode("陕西省") == "SN");
  CHECK(ProvinceCode("某县财政局") == "");

  std::vector<ImportedProject> ps(3);
  ps[0].department_code = "362303";
  ps[0].department_name = "天津市某局";
  ps[0].year = 2024;
  ps[1] = ps[0];
  ps[2] = ps[0];
  ps[2].year = 2025;
  AssignIds(&ps, ImportOptions{});
  CHECK(ps[0].id == "TJ-362303-2024-01");
  CHECK(ps[1].id == "TJ-362303-2024-02");
  CHECK(ps[2].id == "TJ-362303-2025-01");
  ImportOptions none;
  none.id_prefix = "";
  AssignIds(&ps, none);
  CHECK(ps[0].id == "362303-2024-01");
  ImportOptions given;
  given.id_prefix = "X";
  ps[0].department_code.clear();
  AssignIds(&ps, given);
  CHECK(ps[0].id == "X-2024-01");

  ImportedProject p;
  p.id = "a/b\\c:d";
  CHECK(ProjectFileName(p) == "a_b_c_d.yaml");
  p.id = "../..";
  CHECK(ProjectFileName(p) == "_._...yaml");
  p.id = "";
  p.project = std::string(300, 'x');
  CHECK(ProjectFileName(p).size() == 125);
  p.project = "";
  CHECK(ProjectFileName(p) == "project.yaml");
}

TEST_CASE("import: more indicators than --max-indicators: an error at the first one past it") {
  ImportOptions opts;
  opts.max_indicators = 3;
  Imported r = ImportText(WithIndicators(Table(), kFour), opts);
  CHECK_FALSE(r.only().ok);
  REQUIRE(r.diags.error_count() == 1);
  const Diagnostic& e = r.diags.all().front();
  CHECK(e.code == 235);
  CHECK(e.loc.line == 47);
  CHECK(e.message == "a project may have at most 3 indicators, and this one has 4: split it, or "
                     "raise the limit with --max-indicators");
  opts.max_indicators = 4;
  CHECK(ImportText(WithIndicators(Table(), kFour), opts).only().ok);
}

TEST_CASE("import: YAML scalars that need quotes read back unchanged") {
  std::vector<std::string> rows = Table();
  rows[2] = "|项目名称|2024年度yes: no项目";
  Imported r = ImportText(WithIndicators(rows, {"|产出指标|数量指标|- 列表|#注释|4台",
                                                "|满意度指标|服务对象满意度指标|010|\"引号\" \\|≥90%"}));
  REQUIRE(r.only().ok);
  std::vector<Project> back = ReadBack(r.projects);
  REQUIRE(back.size() == 1);
  CHECK(back[0].project == "2024年度yes: no项目");
  CHECK(back[0].indicators[0].name == "- 列表");
  CHECK(back[0].indicators[0].description == "#注释");
  CHECK(back[0].indicators[1].name == "010");
  CHECK(back[0].indicators[1].description == "\"引号\" \\");
}

TEST_CASE("import: a .doc, .docm, .wps, PDF or workbook in a directory is named, other files are not") {
  // The files a user meant to import and import cannot read: each a warning
  // (JX0641) saying how to have it read.
  for (const char* name : {"青山区卫健委.doc", "旧表.DOC", "表.wps", "表.rtf", "表.odt", "宏.docm",
                           "宏.DOCM", "绩效目标表模板.dotx", "模板.dotm", "模板.DOT"}) {
    INFO(name);
    Message m = NotImportedFile(name);
    CHECK(m.code == 641);
    CHECK(m.text.find("save it as .docx") != std::string::npos);
  }
  CHECK(NotImportedFile("青山区卫健委.doc").text.find("a Word 97-2003 document (.doc)") !=
        std::string::npos);
  CHECK(NotImportedFile("表.wps").text.find("a WPS Writer document (.wps)") != std::string::npos);
  // A .docm, macro-enabled, is no .docx: named, saying to save it as one.
  CHECK(NotImportedFile("青山区卫健委.docm").text ==
        "not imported: this is a macro-enabled Word document (.docm), and import reads .docx files "
        "and text extracted from Word (.txt) only: save it as .docx in Word, WPS or LibreOffice, "
        "in the same directory");
  // A Word template (as a 绩效目标表 is often kept) holds no project's figures
  // until saved as a document.
  CHECK(NotImportedFile("绩效目标表模板.dotx").text ==
        "not imported: this is a Word template (.dotx, .dotm, .dot), and import reads .docx files "
        "and text extracted from Word (.txt) only: save it as .docx in Word, WPS or LibreOffice, "
        "in the same directory");
  CHECK(NotImportedFile("扫描件.PDF").code == 641);
  CHECK(NotImportedFile("扫描件.pdf").text.find("the Word document (.docx) it was made from") !=
        std::string::npos);
  for (const char* name : {"目标表.xlsx", "目标表.xlsm", "目标表.XLS", "目标表.et"}) {
    INFO(name);
    CHECK(NotImportedFile(name).code == 641);
    CHECK(NotImportedFile(name).text.find("copy the table into Word") != std::string::npos);
  }
  {
    ScopedLang zh(Lang::kZh);
    CHECK(NotImportedFile("青山区卫健委.doc").text ==
          "未导入：这是 Word 97-2003 格式的文档（.doc），而 import 只读 .docx 文件和从 Word 导出的文本"
          "（.txt）：请在 Word、WPS 或 LibreOffice 中把它另存为 .docx，放在同一目录中");
  }
  // Files import reads, or no one would import: passed over in silence.
  // So is macOS's AppleDouble file beside each of the others ("._表.doc",
  // its metadata, left on USB drives and in zip archives).
  for (const char* name : {"目标表.docx", "目标表.txt", "说明.md", "目标表.doc.bak", ".doc", "doc",
                           "目标表.docx.pdfx", "图.png", "._青山区卫健委.doc", "._宏.docm",
                           "._扫描件.pdf", "._目标表.xlsx"}) {
    INFO(name);
    CHECK(NotImportedFile(name).code == 0);
  }
}

TEST_CASE("import: hostile text never crashes and stays bounded") {
  const std::vector<std::string> pieces = {
      "\t", "\n", "\n\n", " ", "\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n", "\t产出指标", "\t",
      "[bookmark: x]", "1.2024年度项目绩效目标表", "\t项目名称", "\t预算数\n\t6.00", "\t其他资金",
      "\t绩效目标", "\t1.", "（一）", "\t≥", "\t90%", "\t362303天津市", "\t单位：万元", "\v", "\f",
      "\t分值", "\t指标性质\n\t度量单位", "\t满意度指标", "\t,,,", "\t1,2", "\t（", "目标",
  };
  std::mt19937 rng(20240101);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    ImportOptions opts;
    opts.year = round % 2 ? 2024 : 0;
    Imported r = ImportText(text, opts);
    for (const ImportedProject& p : r.projects) {
      if (p.ok) CHECK(ReadBack({p}).size() == 1);
    }
  }
}

}  // namespace jixiao
