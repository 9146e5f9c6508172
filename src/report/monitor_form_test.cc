// The layout of the 项目支出绩效目标执行监控表 (monitor_form.h) on a small
// project: labels in their cells, the two-row header's merged ranges, the
// √ marks, the lights and their fills, the figures as numbers.
#include "report/monitor_form.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "base/lang.h"
#include "model/actuals_read.h"
#include "model/target_loader.h"
#include "report/monitor_common.h"

namespace jixiao {

namespace {

std::string Ref(int row, int col) {
  return std::string(1, static_cast<char>('A' + col)) + std::to_string(row + 1);
}

std::set<std::string> MergedRanges(const FormGrid& g) {
  std::set<std::string> out;
  for (const FormCell& c : g.cells)
    if (c.merged()) out.insert(Ref(c.row, c.col) + ":" + Ref(c.last_row(), c.last_col()));
  return out;
}

std::string ShownAt(const FormGrid& g, int row, int col) {
  const FormCell* c = g.At(row, col);
  REQUIRE(c != nullptr);
  return c->Shown();
}

// A project of three indicators under two 一级指标, as of `as_of`:
//   数量 — 2台 of 4台: pace 2 / (4 × 213/366) = 0.8591 → green;
//   质量 — forecast 95% of ≥98%: 95/98 = 0.9694 ≥ 0.8 → yellow, 有可能 (stays
//          yellow), reasons 经费保障 and 其他, a note;
//   满意度 — forecast 50% of ≥90%: 0.5556 < 0.6 → red, 完全不可能.
// Budget: 3 of 10 万元 spent = 30%, pace 0.30 / (213/366) = 0.5155 < 0.6 → red.
// `budget`, `spent` and `forecast_spent` as the files write them.
ProjectMonitor Example(const std::string& as_of = "2024-07-31",
                       const std::string& budget = "{total: 10, fiscal: 8, other: 2}",
                       const std::string& spent = "3", const std::string& forecast_spent = "9") {
  const Rules rules = Rules::Default();
  Source target{"t.yaml",
                "project: 测试项目\nid: P-1\nyear: 2024\n"
                "department: {code: \"101\", name: 部门甲}\n"
                "budget: " + budget + "\ngoals: [目标一, 目标二]\nindicators:\n"
                "  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n"
                "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: \"≥90%\"}\n"
                "  - {level1: 产出指标, level2: 质量指标, name: 质量, target: \"≥98%\"}\n"};
  Diagnostics diags;
  std::optional<Project> p;
  ParseYamlStream(target, {}, &diags, [&](const YamlDocument& doc) {
    p = ReadTargetDocument(target, doc, rules, &diags);
  });
  REQUIRE(p);
  Source progress{"p.yaml", "as_of: " + as_of +
                                "\nprojects:\n  - id: P-1\n    spent: " + spent +
                                "\n    forecast_spent: " + forecast_spent + "\n"
                                "    achieved: 已完成采购\n    indicators:\n"
                                "      数量: 2台\n"
                                "      质量: {value: 95%, forecast: 95%, likelihood: 有可能, "
                                "reasons: [经费保障, 其他], note: 说明甲}\n"
                                "      满意度: {forecast: 50%, likelihood: 完全不可能, note: 说明乙}\n"};
  std::optional<ProjectActuals> entry;
  ProgressReading reading;
  ParseYamlStream(progress, {}, &diags, [&](const YamlDocument& doc) {
    actuals_read::ReadYamlEntries(
        progress, doc, [&](ProjectActuals&& e) { entry = std::move(e); }, &diags, &reading);
  });
  REQUIRE(entry);
  REQUIRE(entry->as_of);
  std::optional<ProjectMonitor> m =
      MonitorProject(std::move(*p), *entry, rules, MakeMonitorRun(*entry->as_of, rules), &diags);
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::kError) FAIL(d.message);
  REQUIRE(m);
  return *m;
}

MonitorRun RunOf(const std::string& as_of) {
  AsOf a;
  REQUIRE(!ParseAsOf(as_of, &a.date));
  return MakeMonitorRun(a, Rules::Default());
}

}  // namespace

TEST_CASE("the months to date: 1-7 to July, 1 alone in January (not 1-1月)") {
  CHECK(MonthsTo(7) == "1-7");
  CHECK(MonthsTo(12) == "1-12");
  CHECK(MonthsTo(1) == "1");
}

TEST_CASE("监控表: the labels of the paper form in their cells") {
  ScopedLang zh(Lang::kZh);
  FormGrid g = BuildMonitorForm(Example(), RunOf("2024-07-31"), Rules::Default());
  CHECK(g.column_widths.size() == 16);
  CHECK(g.landscape);
  CHECK(g.header_rows == 13);
  const std::pair<const char*, const char*> labels[] = {
      {"A1", "项目支出绩效目标执行监控表"}, {"A2", "（2024年度）"}, {"A3", "项目名称"},
      {"O3", "项目预警"}, {"A4", "主管部门及代码"}, {"I4", "实施单位"},
      {"A5", "项目资金（万元）"}, {"D5", "年初预算数"}, {"E5", "1-7月执行数"},
      {"F5", "1-7月执行率"}, {"G5", "全年预计执行数"}, {"J5", "情况说明"},
      {"C6", "年度资金总额"}, {"C7", "其中：财政拨款"}, {"C8", "其他资金"},
      {"C9", "预算执行预警"}, {"D9", "时间进度"}, {"F9", "进度比"},
      {"A10", "年度总体目标"}, {"I10", "1-7月执行情况"},
      {"A12", "一级指标"}, {"B12", "二级指标"}, {"C12", "三级指标"}, {"D12", "年度指标值"},
      {"E12", "1-7月执行情况"}, {"F12", "全年预计完成情况"}, {"G12", "偏差原因分析"},
      {"L12", "完成目标可能性"}, {"O12", "备注"}, {"P12", "预警"},
      {"G13", "经费保障"}, {"H13", "制度保障"}, {"I13", "人员保障"}, {"J13", "硬件条件保障"},
      {"K13", "其他"}, {"L13", "确定能"}, {"M13", "有可能"}, {"N13", "完全不可能"},
  };
  for (const auto& [ref, text] : labels) {
    const int col = ref[0] - 'A';
    const int row = std::stoi(ref + 1) - 1;
    INFO(ref);
    CHECK(ShownAt(g, row, col) == text);
  }
  CHECK(ShownAt(g, 2, 2) == "测试项目");
  CHECK(ShownAt(g, 3, 2) == "101 部门甲");  // no supervisor: the department, code and name
  CHECK(ShownAt(g, 10, 0) == "1. 目标一\n2. 目标二");
  CHECK(ShownAt(g, 10, 8) == "已完成采购");
}

TEST_CASE("监控表: the two-row header merges as the paper form") {
  ScopedLang zh(Lang::kZh);
  FormGrid g = BuildMonitorForm(Example(), RunOf("2024-07-31"), Rules::Default());
  const std::set<std::string> merged = MergedRanges(g);
  for (const char* r : {"A12:A13", "B12:B13", "C12:C13", "D12:D13", "E12:E13", "F12:F13",
                        "G12:K12", "L12:N12", "O12:O13", "P12:P13", "A1:P1", "A5:B9", "J6:P8"}) {
    INFO(r);
    CHECK(merged.count(r) == 1);
  }
  // 产出指标 over its two rows (数量, then 质量 in taxonomy order), 满意度 alone.
  CHECK(merged.count("A14:A15") == 1);
  CHECK(ShownAt(g, 13, 2) == "数量");
  CHECK(ShownAt(g, 14, 2) == "质量");
  CHECK(ShownAt(g, 15, 0) == "满意度指标");
  // Every position of the form is covered by exactly one cell.
  for (int r = 0; r < g.rows; ++r) {
    for (int c = 0; c < 16; ++c) {
      int covering = 0;
      for (const FormCell& cell : g.cells)
        if (r >= cell.row && r <= cell.last_row() && c >= cell.col && c <= cell.last_col())
          ++covering;
      INFO(Ref(r, c));
      CHECK(covering == 1);
    }
  }
}

TEST_CASE("监控表: √ for the chosen reasons and likelihood, the lights in their colours") {
  ScopedLang zh(Lang::kZh);
  FormGrid g = BuildMonitorForm(Example(), RunOf("2024-07-31"), Rules::Default());
  // Row 15 (质量): 经费保障 (G) and 其他 (K), 有可能 (M); the note in 备注.
  const std::string marks[16 - 6] = {"√", "", "", "", "√", "", "√", "", "", ""};
  for (int c = 6; c < 16 - 2; ++c) {
    INFO(Ref(14, c));
    CHECK(ShownAt(g, 14, c) == marks[c - 6]);
  }
  CHECK(ShownAt(g, 14, 14) == "说明甲");
  CHECK(ShownAt(g, 14, 15) == "黄");
  CHECK((g.At(14, 15)->style & kStyleFillYellow) != 0);
  // Row 16 (满意度): 完全不可能 (N) → red.
  CHECK(ShownAt(g, 15, 13) == "√");
  CHECK(ShownAt(g, 15, 15) == "红");
  CHECK((g.At(15, 15)->style & kStyleFillRed) != 0);
  // Row 14 (数量): 2 / (4 × 213/366) = 0.8591 → green, no marks.
  CHECK(ShownAt(g, 13, 15) == "绿");
  CHECK((g.At(13, 15)->style & kStyleFillGreen) != 0);
  CHECK(ShownAt(g, 13, 6) == "");
  // The project: the worst light, red; so 136号's advice below the form.
  CHECK(ShownAt(g, 2, 15) == "红");
  CHECK(ShownAt(g, g.form_rows, 0).rfind("红灯", 0) == 0);
}

TEST_CASE("监控表: the funding block's figures are numbers") {
  ScopedLang zh(Lang::kZh);
  FormGrid g = BuildMonitorForm(Example(), RunOf("2024-07-31"), Rules::Default());
  const FormCell* budget = g.At(5, 3);
  REQUIRE(budget->kind == FormCell::Kind::kNumber);
  CHECK(budget->number == Rational(10));
  CHECK(g.At(5, 4)->number == Rational(3));
  // 3 / 10 = 30.00%.
  CHECK(g.At(5, 5)->format == NumberFormat::kPercent2);
  CHECK(g.At(5, 5)->Shown() == "30.00%");
  CHECK(g.At(5, 6)->Shown() == "9.00");
  CHECK(g.At(6, 3)->Shown() == "8.00");  // 其中：财政拨款
  CHECK(g.At(7, 3)->Shown() == "2.00");  // 其他资金
  // Time progress 213/366 = 58.20%; pace 0.30 / (213/366) = 0.5155 → red.
  CHECK(g.At(8, 4)->Shown() == "58.20%");
  CHECK(g.At(8, 6)->Shown() == "0.52");
  CHECK(ShownAt(g, 8, 15) == "红");
}

TEST_CASE("监控表: 上年结转资金 gets a row of its own, and the rows below move down one") {
  ScopedLang zh(Lang::kZh);
  // Budget 10 = 6 fiscal + 4 carried over; spent 3 = 2 + 1: 1 / 4 = 25.00%.
  FormGrid g = BuildMonitorForm(
      Example("2024-07-31", "{total: 10, fiscal: 6, carryover: 4}", "{total: 3, fiscal: 2, carryover: 1}"),
      RunOf("2024-07-31"), Rules::Default());
  CHECK(ShownAt(g, 6, 2) == "其中：财政拨款");
  CHECK(ShownAt(g, 7, 2) == "上年结转资金");
  CHECK(g.At(7, 3)->Shown() == "4.00");
  CHECK(g.At(7, 4)->Shown() == "1.00");
  CHECK(g.At(7, 5)->Shown() == "25.00%");
  CHECK(ShownAt(g, 8, 2) == "其他资金");
  CHECK(ShownAt(g, 9, 2) == "预算执行预警");
  CHECK(ShownAt(g, 9, 15) == "红");
  CHECK(ShownAt(g, 12, 0) == "一级指标");
  CHECK(g.header_rows == 14);
  CHECK(g.first_indicator_row == 14);
  CHECK(ShownAt(g, 14, 2) == "数量");
  const std::set<std::string> merged = MergedRanges(g);
  CHECK(merged.count("A5:B10") == 1);
  CHECK(merged.count("J6:P9") == 1);
  // Without carryover, the paper form's three rows.
  FormGrid plain = BuildMonitorForm(Example(), RunOf("2024-07-31"), Rules::Default());
  CHECK(ShownAt(plain, 7, 2) == "其他资金");
  CHECK(plain.header_rows == 13);
}

TEST_CASE("监控表: a forecast spending below 90% of the budget is flagged in the budget's figures") {
  ScopedLang zh(Lang::kZh);
  // 8.5 / 10 = 85% < 90%.
  FormGrid low = BuildMonitorForm(Example("2024-07-31", "{total: 10, fiscal: 8, other: 2}", "3", "8.5"),
                                  RunOf("2024-07-31"), Rules::Default());
  CHECK(ShownAt(low, 8, 9).find("低于预算的 90%") != std::string::npos);
  FormGrid fine = BuildMonitorForm(Example(), RunOf("2024-07-31"), Rules::Default());
  CHECK(ShownAt(fine, 8, 9).find("低于预算") == std::string::npos);
}

TEST_CASE("监控表: a long 情况说明 makes its rows taller; no row is taller than Excel takes") {
  ScopedLang zh(Lang::kZh);
  ProjectMonitor m = Example();
  // J6:P8 is about 90 characters wide: 300 CJK characters take 7 lines or more.
  m.note.clear();
  for (int i = 0; i < 300; ++i) m.note += "说";
  FormGrid g = BuildMonitorForm(m, RunOf("2024-07-31"), Rules::Default());
  CHECK(g.row_lines[5] + g.row_lines[6] + g.row_lines[7] >= 7);
  // 40,000 characters: each row at most 27 lines (27 × 15 + 2 = 407 points ≤ 409).
  for (int i = 0; i < 400; ++i) m.note += std::string(100, 'x');
  FormGrid huge = BuildMonitorForm(m, RunOf("2024-07-31"), Rules::Default());
  for (uint16_t lines : huge.row_lines) CHECK(lines <= 27);
  CHECK(huge.row_lines[5] == 27);
}

TEST_CASE("监控表: 1-X月 follows the month of as_of") {
  ScopedLang zh(Lang::kZh);
  FormGrid g = BuildMonitorForm(Example("2024-06-30"), RunOf("2024-06-30"), Rules::Default());
  CHECK(ShownAt(g, 4, 4) == "1-6月执行数");
  CHECK(ShownAt(g, 11, 4) == "1-6月执行情况");
}

TEST_CASE("监控表: English labels with --lang en") {
  ScopedLang en(Lang::kEn);
  FormGrid g = BuildMonitorForm(Example(), RunOf("2024-07-31"), Rules::Default());
  CHECK(ShownAt(g, 0, 0) == "Project Expenditure Performance Target Monitoring Form");
  CHECK(ShownAt(g, 11, 6) == "Reasons for deviations");
  CHECK(ShownAt(g, 12, 6) == "funding");
  CHECK(ShownAt(g, 12, 13) == "impossible");
  CHECK(ShownAt(g, 14, 15) == "yellow");
}

TEST_CASE("监控表: the compact form keeps the widths and the orientation") {
  ScopedLang zh(Lang::kZh);
  FormGrid g = BuildMonitorForm(Example(), RunOf("2024-07-31"), Rules::Default());
  RecordWriter w;
  WriteGrid(g, &w);
  RecordReader r(w.bytes());
  FormGrid back = ReadGrid(&r);
  CHECK(back.column_widths == g.column_widths);
  CHECK(back.landscape);
  CHECK(back.cells.size() == g.cells.size());
  CHECK(back.At(14, 15)->style == g.At(14, 15)->style);
}

}  // namespace jixiao
