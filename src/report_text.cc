// The text report: a header and an aligned table per project, for people.
#include <algorithm>

#include <fmt/format.h>

#include "report.h"
#include "report_common.h"
#include "terminal.h"
#include "text.h"

namespace jixiao {

namespace {

// Column caps in display columns; 0 = no cap. The last column (note) is
// never cut, so nothing a user wrote is lost.
constexpr size_t kCaps[10] = {10, 18, 28, 16, 16, 0, 0, 0, 0, 0};
constexpr bool kRightAligned[10] = {false, false, false, false, false, true, true, false, false, false};

// An amount with at least two decimals, exact: 6 -> "6.00", 5.865 -> "5.865".
std::string Amount(const Rational& r) {
  std::string exact = r.ToDecimalString();
  std::string fixed = r.FormatFixed(2);
  return exact.size() > fixed.size() ? exact : fixed;
}

// `s` on one line: line breaks and tabs become spaces, other control
// characters are dropped, so a multi-line note cannot break the table.
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (u >= 0x20 && u != 0x7F) {
      out.push_back(c);
    }
  }
  return out;
}

class TextReporter : public Reporter {
 public:
  explicit TextReporter(const ReportContext& ctx)
      : ctx_(ctx), l_(LabelsFor(ctx.english)) {}

  void Project(const ProjectScore& s, bool complies, std::ostream& out) override {
    if (ctx_.quiet) return;
    const jixiao::Project& p = s.project;
    std::string o;
    o += Paint(OneLine(p.project), Style::kBold) + "\n";
    std::string dept = Trim(p.department_code + " " + p.department_name).empty()
                           ? ""
                           : fmt::format(" · {} {}", l_.department,
                                         std::string(Trim(p.department_code + " " + p.department_name)));
    o += fmt::format("  {} {}{} · {}:{}\n", l_.id, OneLine(p.id), OneLine(dept), p.loc.file,
                     p.loc.line);
    std::string budget_flag;
    if (s.low_execution) {
      budget_flag = " · " + Paint(l_.low_execution, Style::kWarning);
      if (!s.note.empty()) budget_flag += fmt::format(" ({}: {})", l_.note, OneLine(s.note));
    }
    o += fmt::format("  {} {} {} · {} {} {} · {} {}% · {} {} / {}{}\n", l_.budget,
                     Amount(p.total), p.unit, l_.spent, Amount(s.spent), p.unit,
                     l_.rate, (s.rate * 100).FormatFixed(2), l_.budget_score,
                     s.budget_score.FormatFixed(2), s.budget_weight.FormatShort(2), budget_flag);
    o += "\n";
    o += Table(s);
    o += "\n";
    Style grade_style = s.total_rounded >= ctx_.rules->grades.front().min ? Style::kGood
                        : s.grade == ctx_.rules->grades.back().name      ? Style::kBad
                                                                          : Style::kBold;
    o += fmt::format("  {} {} · {} {} · {} {} · {} {} · {} {} · {} {}\n\n", l_.total,
                     Paint(s.total_rounded.FormatFixed(2), Style::kBold), l_.grade,
                     Paint(s.grade, grade_style), l_.met, s.met, l_.unmet, s.unmet,
                     l_.not_applicable, s.not_applicable, l_.complies,
                     complies ? Paint(l_.yes, Style::kGood) : Paint(l_.no, Style::kBad));
    out << o;
  }

  void End(const RunSummary& sum, const Diagnostics& diags, std::ostream& out) override {
    if (!ctx_.quiet && sum.projects > 1) out << YearTables(sum.year);
    std::vector<std::string> grades;
    for (const auto& [name, count] : sum.grades) grades.push_back(fmt::format("{} {}", name, count));
    if (ctx_.english) {
      out << fmt::format("{} project{}, {} compl{}; grades: {}; {} error{}, {} warning{}\n",
                         sum.projects, sum.projects == 1 ? "" : "s", sum.complies,
                         sum.complies == 1 ? "ies" : "y", fmt::join(grades, ", "),
                         diags.error_count(), diags.error_count() == 1 ? "" : "s",
                         diags.warning_count(), diags.warning_count() == 1 ? "" : "s");
    } else {
      out << fmt::format("共 {} 个项目，合规 {} 个；等级：{}；错误 {} 个，警告 {} 个\n",
                         sum.projects, sum.complies, fmt::join(grades, "，"), diags.error_count(),
                         diags.warning_count());
    }
  }

 private:
  std::string Paint(std::string_view text, Style style) const {
    return Terminal::Paint(text, style, ctx_.color);
  }

  std::string Table(const ProjectScore& s) const {
    std::vector<std::vector<std::string>> rows;
    std::vector<Status> status;
    rows.push_back({l_.level1, l_.level2, l_.indicator, l_.target, l_.actual, l_.weight,
                    l_.score, l_.status, l_.deviation, l_.note});
    for (const IndicatorScore& is : s.indicators) {
      const Indicator& ind = s.project.indicators[is.index];
      rows.push_back({OneLine(ind.level1), OneLine(ind.level2), OneLine(ind.name),
                      OneLine(ind.target_text), OneLine(is.actual_text), is.weight.FormatFixed(2),
                      is.score.FormatFixed(2), StatusLabel(is.status),
                      DeviationLabel(is.deviation), OneLine(is.note)});
      status.push_back(is.status);
    }
    size_t width[10] = {};
    for (auto& row : rows) {
      for (size_t c = 0; c < 10; ++c) {
        if (kCaps[c] > 0) row[c] = TruncateToWidth(row[c], kCaps[c]);
        width[c] = std::max(width[c], DisplayWidth(row[c]));
      }
    }
    std::string o;
    for (size_t r = 0; r < rows.size(); ++r) {
      std::string line = " ";
      for (size_t c = 0; c < 10; ++c) {
        std::string cell = rows[r][c];
        size_t pad = width[c] - DisplayWidth(cell);
        bool last = c == 9;
        if (last && cell.empty()) break;
        std::string padded = kRightAligned[c] ? std::string(pad, ' ') + cell
                                              : (last ? cell : cell + std::string(pad, ' '));
        if (r == 0) {
          padded = Paint(padded, Style::kDim);
        } else if (c == 7) {
          Style st = status[r - 1] == Status::kMet     ? Style::kGood
                     : status[r - 1] == Status::kUnmet ? Style::kBad
                                                        : Style::kDim;
          padded = Paint(padded, st);
        } else if (c == 8 && !cell.empty()) {
          padded = Paint(padded, Style::kWarning);
        }
        line += " " + padded;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      o += line + "\n";
    }
    return o;
  }

  // The year summary: by department, by level-1 group, lowest scores.
  std::string YearTables(const YearSummary& y) const {
    bool en = ctx_.english;
    std::vector<std::vector<std::string>> dept{
        {en ? "department" : "部门", en ? "projects" : "项目数", en ? "comply" : "合规",
         en ? "mean" : "平均分", en ? "median" : "中位数", en ? "unmet" : "未达成指标",
         en ? "grades" : "等级分布"}};
    for (const DepartmentSummary& d : y.departments()) {
      std::vector<std::string> grades;
      for (const GradeBand& b : ctx_.rules->grades) {
        auto it = d.grades.find(b.name);
        grades.push_back(fmt::format("{}{}", b.name, it == d.grades.end() ? 0 : it->second));
      }
      dept.push_back({TruncateToWidth(OneLine(d.code + " " + d.name), 48),
                      std::to_string(d.projects), std::to_string(d.complies),
                      d.Mean().FormatFixed(2), d.Median().FormatFixed(2), std::to_string(d.unmet),
                      fmt::format("{}", fmt::join(grades, " "))});
    }
    std::vector<std::vector<std::string>> groups{
        {en ? "level 1" : "一级指标", en ? "indicators" : "指标数", en ? "met" : "达成",
         en ? "unmet" : "未达成", en ? "n/a" : "不适用", en ? "attainment" : "得分率"}};
    for (const Level1Summary& g : y.level1()) {
      groups.push_back({g.name, std::to_string(g.indicators), std::to_string(g.met),
                        std::to_string(g.unmet), std::to_string(g.not_applicable),
                        (g.Attainment() * 100).FormatFixed(2) + "%"});
    }
    std::vector<std::vector<std::string>> lowest{
        {en ? "lowest" : "得分最低", en ? "id" : "编号", en ? "total" : "总分",
         en ? "grade" : "等级"}};
    for (size_t i = 0; i < y.lowest().size() && i < 5; ++i) {
      const ProjectDigest& p = y.lowest()[i];
      lowest.push_back({TruncateToWidth(OneLine(p.project), 40), p.id, p.score.FormatFixed(2),
                        p.grade});
    }
    return Aligned(dept) + "\n" + Aligned(groups) + "\n" + Aligned(lowest) + "\n";
  }

  // Rows aligned by display width; the first row is a dimmed header.
  std::string Aligned(const std::vector<std::vector<std::string>>& rows) const {
    std::vector<size_t> width;
    for (const auto& row : rows) {
      width.resize(std::max(width.size(), row.size()));
      for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], DisplayWidth(row[c]));
    }
    std::string o;
    for (size_t r = 0; r < rows.size(); ++r) {
      std::string line;
      for (size_t c = 0; c < rows[r].size(); ++c) line += "  " + PadToWidth(rows[r][c], width[c]);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      o += (r == 0 ? Paint(line, Style::kDim) : line) + "\n";
    }
    return o;
  }

  std::string StatusLabel(Status st) const { return jixiao::StatusLabel(st, l_); }

  std::string DeviationLabel(DeviationKind k) const {
    switch (k) {
      case DeviationKind::kUnmet: return l_.unmet;
      case DeviationKind::kOverAchieved: return l_.over_achieved;
      case DeviationKind::kCostUnderRun: return l_.cost_under_run;
      case DeviationKind::kLowExecution: return l_.low_execution;
      case DeviationKind::kNone: break;
    }
    return "";
  }

  ReportContext ctx_;
  const ReportLabels& l_;
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter(const ReportContext& ctx) {
  return std::make_unique<TextReporter>(ctx);
}

}  // namespace jixiao
