// The text report: a header and an aligned table per project, for people.
#include <algorithm>

#include <fmt/format.h>

#include "report.h"
#include "terminal.h"
#include "text.h"

namespace jixiao {

namespace {

struct Labels {
  const char* id;
  const char* department;
  const char* budget;
  const char* spent;
  const char* rate;
  const char* budget_score;
  const char* columns[10];
  const char* met;
  const char* unmet;
  const char* not_applicable;
  const char* total;
  const char* grade;
  const char* complies;
  const char* yes;
  const char* no;
  const char* low_execution;
  const char* unmet_flag;
  const char* over_flag;
  const char* cost_flag;
  const char* note;
};

const Labels kZh = {
    "编号", "部门", "预算", "执行", "执行率", "预算执行得分",
    {"一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "得分", "状态", "偏差", "说明"},
    "达成", "未达成", "不适用", "总分", "等级", "合规", "是", "否",
    "执行率偏低", "未达成", "超出目标", "成本远低于目标", "说明",
};

const Labels kEn = {
    "id", "department", "budget", "spent", "rate", "execution score",
    {"level 1", "level 2", "indicator", "target", "actual", "weight", "score", "status",
     "deviation", "note"},
    "met", "unmet", "n/a", "total", "grade", "complies", "yes", "no",
    "low execution", "unmet", "over target", "cost under-run", "note",
};

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
      : ctx_(ctx), l_(ctx.english ? kEn : kZh) {}

  void Project(const ProjectScore& s, bool complies, std::ostream& out) override {
    if (ctx_.quiet) return;
    const jixiao::Project& p = s.project;
    std::string o;
    o += Paint(p.project, Style::kBold) + "\n";
    std::string dept = Trim(p.department_code + " " + p.department_name).empty()
                           ? ""
                           : fmt::format(" · {} {}", l_.department,
                                         std::string(Trim(p.department_code + " " + p.department_name)));
    o += fmt::format("  {} {}{} · {}:{}\n", l_.id, p.id, dept, p.loc.file, p.loc.line);
    std::string budget_flag;
    if (s.low_execution) {
      budget_flag = " · " + Paint(l_.low_execution, Style::kWarning);
      if (!s.note.empty()) budget_flag += fmt::format(" ({}: {})", l_.note, s.note);
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
    rows.emplace_back(std::begin(l_.columns), std::end(l_.columns));
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

  std::string StatusLabel(Status st) const {
    switch (st) {
      case Status::kMet: return l_.met;
      case Status::kUnmet: return l_.unmet;
      case Status::kNotApplicable: return l_.not_applicable;
    }
    return "";
  }

  std::string DeviationLabel(DeviationKind k) const {
    switch (k) {
      case DeviationKind::kUnmet: return l_.unmet_flag;
      case DeviationKind::kOverAchieved: return l_.over_flag;
      case DeviationKind::kCostUnderRun: return l_.cost_flag;
      case DeviationKind::kLowExecution: return l_.low_execution;
      case DeviationKind::kNone: break;
    }
    return "";
  }

  ReportContext ctx_;
  const Labels& l_;
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter(const ReportContext& ctx) {
  return std::make_unique<TextReporter>(ctx);
}

}  // namespace jixiao
