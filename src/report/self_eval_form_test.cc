// The layout of the 自评表 (docs/reference.md §8) on the example projects:
// labels in their cells, the merged ranges of the paper form, the figures.
#include "report/self_eval_form.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <tuple>

#include "base/lang.h"
#include "report/report_testing.h"

namespace jixiao {

namespace {

// "B12" for (11, 1): a spreadsheet's name of a cell.
std::string Ref(int row, int col) {
  return std::string(1, static_cast<char>('A' + col)) + std::to_string(row + 1);
}

// "A5:A9" for a merged cell, "B3" for a single one.
std::string RangeOf(const FormCell& c) {
  std::string r = Ref(c.row, c.col);
  if (c.merged()) r += ":" + Ref(c.last_row(), c.last_col());
  return r;
}

// The text shown in the cell covering (row, col).
std::string ShownAt(const FormGrid& g, int row, int col) {
  const FormCell* c = g.At(row, col);
  REQUIRE(c != nullptr);
  return c->Shown();
}

std::set<std::string> MergedRanges(const FormGrid& g) {
  std::set<std::string> out;
  for (const FormCell& c : g.cells)
    if (c.merged()) out.insert(RangeOf(c));
  return out;
}

// Every position of the form is covered by exactly one cell.
void CheckCoverage(const FormGrid& g) {
  for (int r = 0; r < g.rows; ++r) {
    for (int c = 0; c < FormGrid::kColumns; ++c) {
      int covering = 0;
      for (const FormCell& cell : g.cells)
        if (r >= cell.row && r <= cell.last_row() && c >= cell.col && c <= cell.last_col())
          ++covering;
      INFO("cell ", Ref(r, c));
      CHECK(covering == 1);
    }
  }
  // Row-major order of the top-left corners.
  for (size_t i = 1; i < g.cells.size(); ++i) {
    const FormCell& a = g.cells[i - 1];
    const FormCell& b = g.cells[i];
    CHECK(std::tie(a.row, a.col) < std::tie(b.row, b.col));
  }
}

}  // namespace

TEST_CASE("自评表: the labels of the paper form in their cells") {
  ScopedLang zh(Lang::kZh);
  std::vector<ProjectScore> ex = ScoreExamples();
  FormGrid g = BuildSelfEvalForm(ex[0], Rules::Default());
  CheckCoverage(g);
  CHECK(ShownAt(g, 0, 0) == "项目支出绩效自评表");
  CHECK(ShownAt(g, 1, 0) == "（2024年度）");
  CHECK(ShownAt(g, 2, 0) == "项目名称");
  CHECK(ShownAt(g, 2, 1) == "2024年度天津市辐射环境执法安全防护能力提升项目");
  CHECK(ShownAt(g, 3, 0) == "主管部门");
  CHECK(ShownAt(g, 3, 1) == "天津市生态环境保护综合行政执法总队");  // no supervisor: the department
  CHECK(ShownAt(g, 3, 5) == "实施单位");
  CHECK(ShownAt(g, 3, 6) == "天津市生态环境保护综合行政执法总队");
  CHECK(ShownAt(g, 4, 0) == "项目资金（万元）");
  CHECK(ShownAt(g, 4, 1) == "");
  const char* funding_headers[] = {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
  for (int c = 3; c <= 8; ++c) CHECK(ShownAt(g, 4, c) == funding_headers[c - 3]);
  CHECK(ShownAt(g, 5, 1) == "年度资金总额");
  CHECK(ShownAt(g, 6, 1) == "其中：当年财政拨款");
  CHECK(ShownAt(g, 7, 1) == "上年结转资金");
  CHECK(ShownAt(g, 8, 1) == "其他资金");
  CHECK(ShownAt(g, 9, 0) == "年度总体目标");
  CHECK(ShownAt(g, 9, 1) == "预期目标");
  CHECK(ShownAt(g, 9, 5) == "实际完成情况");
  CHECK(ShownAt(g, 11, 0) == "绩效指标");
  const char* indicator_headers[] = {"一级指标", "二级指标", "三级指标", "年度指标值",
                                     "实际完成值", "分值", "得分", "偏差原因分析及改进措施"};
  for (int c = 1; c <= 8; ++c) CHECK(ShownAt(g, 11, c) == indicator_headers[c - 1]);
  CHECK(g.total_row == 12 + 6);
  CHECK(ShownAt(g, g.total_row, 0) == "总分");
  CHECK(g.header_rows == 12);
  CHECK(g.form_rows == g.total_row + 1);
}

TEST_CASE("自评表: labels follow the language") {
  ScopedLang en(Lang::kEn);
  FormGrid g = BuildSelfEvalForm(ScoreExamples()[0], Rules::Default());
  CHECK(ShownAt(g, 0, 0) == "Project Expenditure Performance Self-Evaluation Form");
  CHECK(ShownAt(g, 1, 0) == "(Year 2024)");
  CHECK(ShownAt(g, 4, 0) == "Project funds (万元)");
  CHECK(ShownAt(g, 11, 8) == "Reasons for deviations and measures");
  CHECK(ShownAt(g, 12, 1) == "产出指标 (50 points)");  // the taxonomy's names are data
  CHECK(ShownAt(g, g.total_row, 0) == "Total");
}

TEST_CASE("自评表: the merged ranges of the paper form") {
  ScopedLang zh(Lang::kZh);
  // Project 2 lists its indicators 质量, 时效, 成本, 数量, 数量: the form
  // groups them in taxonomy order, 数量 first.
  FormGrid g = BuildSelfEvalForm(ScoreExamples()[1], Rules::Default());
  CheckCoverage(g);
  const int total = 12 + 7;  // 7 indicators
  CHECK(g.total_row == total);
  std::set<std::string> expected = {
      "A1:J1", "A2:J2", "B3:J3", "B4:E4", "G4:J4",  // title, year, name, departments
      "A5:A9", "B5:C5", "I5:J5",                   // 项目资金, the blank header, 得分
      "B6:C6", "I6:J6", "B7:C7", "I7:J7", "B8:C8", "I8:J8", "B9:C9", "I9:J9",
      "A10:A11", "B10:E10", "F10:J10", "B11:E11", "F11:J11",  // goals
      "A12:A19", "I12:J12",                                   // 绩效指标: header row + 7
      "B13:B17", "C13:C14",                                   // 产出 x5, 数量 x2
      "I13:J13", "I14:J14", "I15:J15", "I16:J16", "I17:J17", "I18:J18", "I19:J19",
      "A20:F20", "I20:J20",  // 总分, the grade
      "A21:J21",             // the lines to sign
  };
  CHECK(MergedRanges(g) == expected);
  CHECK(ShownAt(g, 12, 1) == "产出指标（50分）");
  CHECK(ShownAt(g, 12, 2) == "数量指标");
  CHECK(ShownAt(g, 12, 3) == "租用联通通讯线路");
  CHECK(ShownAt(g, 13, 3) == "购买服务数量");
  CHECK(ShownAt(g, 14, 2) == "质量指标");
  CHECK(ShownAt(g, 14, 3) == "网络稳定运行天数");
  CHECK(ShownAt(g, 15, 2) == "时效指标");
  CHECK(ShownAt(g, 16, 2) == "成本指标");
  CHECK(ShownAt(g, 17, 1) == "效益指标（30分）");
  CHECK(ShownAt(g, 17, 2) == "可持续影响指标");
  CHECK(ShownAt(g, 18, 1) == "满意度指标（10分）");
  // The unmet one: 296 / 300 x 10 = 9.8667, its note in 偏差原因分析及改进措施.
  CHECK(ShownAt(g, 14, 4) == "≥300天");
  CHECK(ShownAt(g, 14, 5) == "296天");
  CHECK(ShownAt(g, 14, 6) == "10.00");
  CHECK(ShownAt(g, 14, 7) == "9.87");
  CHECK(ShownAt(g, 14, 8).rfind("服务期内因市政道路施工", 0) == 0);
  // Borders: the form, not the lines below it.
  CHECK(g.form_rows == total + 1);
  CHECK((g.At(total + 1, 0)->style & kStyleNoBorder) != 0);
  CHECK((g.At(total, 0)->style & kStyleNoBorder) == 0);
}

TEST_CASE("自评表: the funding block, the total and the grade") {
  ScopedLang zh(Lang::kZh);
  std::vector<ProjectScore> ex = ScoreExamples();
  FormGrid g = BuildSelfEvalForm(ex[0], Rules::Default());
  // 4.60 / 6.00 = 76.67%, x 10 = 7.67; the fiscal part 6.00 of the target.
  const FormCell* rate = g.At(5, 7);
  CHECK(rate->kind == FormCell::Kind::kNumber);
  CHECK(rate->format == NumberFormat::kPercent2);
  CHECK(rate->number == Rational(46) / 60);
  CHECK(rate->Shown() == "76.67%");
  CHECK(ShownAt(g, 5, 3) == "6.00");
  CHECK(ShownAt(g, 5, 4) == "6.00");
  CHECK(ShownAt(g, 5, 5) == "4.60");
  CHECK(ShownAt(g, 5, 6) == "10.00");
  CHECK(ShownAt(g, 5, 8) == "7.67");
  CHECK(ShownAt(g, 6, 3) == "6.00");   // fiscal of the target
  CHECK(ShownAt(g, 6, 4) == "6.00");   // no adjustment: the target's
  CHECK(ShownAt(g, 6, 5) == "");       // spent gives no parts
  CHECK(ShownAt(g, 6, 6) == "—");
  CHECK(ShownAt(g, 6, 8) == "—");
  CHECK(ShownAt(g, 7, 3) == "");       // no carryover given
  // The total: G 100, H the rounded total, I:J the grade.
  CHECK(ShownAt(g, g.total_row, 6) == "100.00");
  CHECK(g.At(g.total_row, 7)->number == ex[0].total_rounded);
  CHECK(ShownAt(g, g.total_row, 7) == "97.67");
  CHECK(ShownAt(g, g.total_row, 8) == "优");
  // The low execution rate's reason, below the form.
  CHECK(ShownAt(g, g.total_row + 1, 0).rfind("预算执行偏差原因：辐射检测报警设备", 0) == 0);
  CHECK(g.row_lines[g.total_row + 1] > 1);  // a long text: a taller row
}

TEST_CASE("自评表: 分值 adds up to 90, 不适用 shown with 0.00") {
  ScopedLang zh(Lang::kZh);
  std::vector<ProjectScore> ex = ScoreExamples();
  for (const ProjectScore& s : ex) {
    FormGrid g = BuildSelfEvalForm(s, Rules::Default());
    Rational weights, scores;
    for (int r = g.first_indicator_row; r < g.total_row; ++r) {
      const FormCell* w = g.At(r, 6);
      const FormCell* sc = g.At(r, 7);
      REQUIRE(w->kind == FormCell::Kind::kNumber);
      REQUIRE(sc->kind == FormCell::Kind::kNumber);
      weights += w->number;
      scores += sc->number;
    }
    INFO(s.project.id);
    CHECK(weights == 90);
    // The budget's score and the indicators' add up to the exact total.
    CHECK(scores + g.At(5, 8)->number == s.total);
  }
  // Project 3: 重要标准项目制/修订数量 is 不适用; the other 6 are rescaled by
  // S/R = 90 / 77.5: 12.5 x 90/77.5 = 14.52 (产出 43.55), 15 x 90/77.5 = 17.42.
  FormGrid g = BuildSelfEvalForm(ex[2], Rules::Default());
  CHECK(ShownAt(g, 13, 3) == "重要标准项目制/修订数量");
  CHECK(ShownAt(g, 13, 5) == "不适用");
  CHECK(ShownAt(g, 13, 6) == "0.00");
  CHECK(ShownAt(g, 13, 7) == "0.00");
  CHECK(ShownAt(g, 12, 6) == "14.52");
  CHECK(ShownAt(g, 12, 1) == "产出指标（43.55分）");
  CHECK(ShownAt(g, 16, 1) == "效益指标（34.84分）");
}

TEST_CASE("自评表: the adjusted budget, its parts, a supervisor and numbered goals") {
  ScopedLang zh(Lang::kZh);
  ProjectScore s = ScoreExamples()[0];
  s.project.supervisor_name = "天津市生态环境局";
  s.project.goals = {"目标一", "目标二"};
  s.achieved.clear();  // the example's 实际完成情况 would make the row taller
  s.project.carryover = Rational(1);
  s.adjusted = FundingFigures{};
  s.adjusted->total = Rational(5);
  s.adjusted->fiscal = Rational(4);
  s.adjusted->carryover = Rational(1);
  s.budget = 5;
  s.spent_parts.fiscal = Rational(36) / 10;
  s.spent_parts.carryover = Rational(1);
  s.rate = s.spent / s.budget;
  FormGrid g = BuildSelfEvalForm(s, Rules::Default());
  CHECK(ShownAt(g, 3, 1) == "天津市生态环境局");
  CHECK(ShownAt(g, 10, 1) == "1. 目标一\n2. 目标二");
  CHECK(g.row_lines[10] == 2);
  CHECK(ShownAt(g, 5, 3) == "6.00");   // 年初预算数: the target's
  CHECK(ShownAt(g, 5, 4) == "5.00");   // 全年预算数: adjusted
  CHECK(ShownAt(g, 5, 7) == "92.00%");  // 4.60 / 5
  CHECK(ShownAt(g, 6, 4) == "4.00");
  CHECK(ShownAt(g, 6, 5) == "3.60");
  CHECK(ShownAt(g, 6, 7) == "90.00%");  // 3.60 / 4
  CHECK(ShownAt(g, 7, 3) == "1.00");
  CHECK(ShownAt(g, 7, 7) == "100.00%");
  CHECK(ShownAt(g, 8, 4) == "");
}

TEST_CASE("自评表: the 2021 form's 成本指标 right after 产出指标; unknown groups last") {
  ScopedLang zh(Lang::kZh);
  ProjectScore s = ScoreExamples()[0];
  // Relabel: 满意度 first in input, then a 2021 成本指标, then one the taxonomy lacks.
  std::vector<Indicator>& inds = s.project.indicators;
  inds[0].level1 = "满意度指标";
  inds[0].level2 = "服务对象满意度指标";
  inds[1].level1 = "其他指标";
  inds[1].level2 = "其他";
  inds[2].level1 = "成本指标";
  inds[2].level2 = "经济成本指标";
  std::vector<size_t> order = FormIndicatorOrder(s, Rules::Default());
  std::vector<std::string> level1;
  for (size_t i : order) level1.push_back(inds[s.indicators[i].index].level1);
  CHECK(level1 == std::vector<std::string>{"产出指标", "成本指标", "效益指标", "满意度指标",
                                           "满意度指标", "其他指标"});
}

}  // namespace jixiao
