// The text report: a header and an aligned table per project, for people.
#include <algorithm>

#include <fmt/format.h>

#include "report/diagnostic_format.h"
#include "report/report.h"
#include "report/report_common.h"
#include "base/terminal.h"
#include "base/text.h"

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

class TextReporter : public Reporter {
 public:
  explicit TextReporter(const ReportContext& ctx)
      : ctx_(ctx), l_(ReportLabels::Current()) {}

  void Project(const ProjectScore& s, bool complies, std::ostream& out) override {
    std::string o;
    Format(s, complies, &o);
    out << o;
  }

  bool FormatsAhead() const override { return true; }

  void Format(const ProjectScore& s, bool complies, std::string* out) const override {
    if (ctx_.quiet) return;
    const jixiao::Project& p = s.project;
    std::string& o = *out;
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
      if (!s.note.empty()) budget_flag += Tr(MsgId::kReportLabelledNote, l_.note, OneLine(s.note));
    }
    // With an adjusted budget (全年预算数), the rate is against it.
    std::string budget = s.adjusted ? Tr(MsgId::kReportBudgetFigureAdjusted, Amount(p.total),
                                         Amount(s.adjusted->total), p.unit)
                                    : Tr(MsgId::kReportBudgetFigure, Amount(p.total), p.unit);
    o += fmt::format("  {} · {} {} {} · {} {}% · {} {} / {}{}\n", budget, l_.spent,
                     Amount(s.spent), p.unit, l_.rate,
                     (s.rate * 100).FormatFixedApart(ctx_.rules->execution_threshold * 100, 2),
                     l_.budget_score, s.budget_score.FormatFixed(2),
                     s.budget_weight.FormatShort(2), budget_flag);
    if (s.work) o += "    " + Paint(BudgetWorkLine(s), Style::kDim) + "\n";
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
  }

  void End(const RunSummary& sum, const Diagnostics& diags, std::ostream& out) override {
    if (!ctx_.quiet && sum.projects > 1) out << YearTables(sum.year);
    if (ctx_.list_errors && diags.has_errors()) out << ErrorList(diags);
    std::vector<std::string> grades;
    for (const auto& [name, count] : sum.grades) grades.push_back(fmt::format("{} {}", name, count));
    out << RunSummaryLine(sum.projects, sum.complies, grades, diags.error_count(),
                          diags.warning_count())
        << "\n";
  }

 private:
  std::string Paint(std::string_view text, Style style) const {
    return Terminal::Paint(text, style, ctx_.color);
  }

  // The run's errors, one a line as on standard error ("file:line:column:
  // 错误[JX0301]: …"), at most kMaxListedErrors: a report written after
  // errors says so (the summary line counts them too).
  std::string ErrorList(const Diagnostics& diags) const {
    constexpr size_t kMaxListedErrors = 50;
    const size_t count = diags.error_count();
    std::string o =
        Counted(count, MsgId::kErrorListHeadingOne, MsgId::kErrorListHeading) + "\n";
    size_t listed = 0;
    for (const Diagnostic& d : diags.all()) {
      if (d.severity != Severity::kError) continue;
      if (listed == kMaxListedErrors) break;
      ++listed;
      std::string where = FormatLocation(d.loc);
      o += fmt::format("  {}{}: {}\n", where.empty() ? "" : OneLine(where) + ": ",
                       SeverityLabel(d), OneLine(d.message));
    }
    if (listed < count) o += "  " + Tr(MsgId::kMoreErrors, count - listed) + "\n";
    return o + "\n";
  }

  // The indicator table of a project. Each cell's display width is measured
  // once, and cells are written straight into the result (this runs for
  // every project of a year).
  std::string Table(const ProjectScore& s) const {
    constexpr size_t kColumns = 10;
    struct Cell {
      std::string text;
      size_t width = 0;
    };
    const size_t n = s.indicators.size() + 1;
    std::vector<Cell> cells(n * kColumns);
    size_t width[kColumns] = {};
    auto set = [&](size_t r, size_t c, std::string text) {
      Cell& cell = cells[r * kColumns + c];
      cell.width = DisplayWidth(text);
      if (kCaps[c] > 0 && cell.width > kCaps[c]) {
        text = TruncateToWidth(text, kCaps[c]);
        cell.width = DisplayWidth(text);
      }
      cell.text = std::move(text);
      width[c] = std::max(width[c], cell.width);
    };
    const std::string_view header[kColumns] = {l_.level1, l_.level2,  l_.indicator, l_.target,
                                               l_.actual, l_.weight,  l_.score,     l_.status,
                                               l_.deviation, l_.note};
    for (size_t c = 0; c < kColumns; ++c) set(0, c, std::string(header[c]));
    for (size_t r = 1; r < n; ++r) {
      const IndicatorScore& is = s.indicators[r - 1];
      const Indicator& ind = s.project.indicators[is.index];
      set(r, 0, OneLine(ind.level1));
      set(r, 1, OneLine(ind.level2));
      set(r, 2, OneLine(ind.name));
      set(r, 3, OneLine(ind.target_text));
      set(r, 4, OneLine(is.actual_text));
      set(r, 5, is.weight.FormatFixed(2));
      set(r, 6, is.score.FormatFixed(2));
      set(r, 7, StatusLabel(is.status));
      set(r, 8, DeviationLabel(is.deviation));
      set(r, 9, OneLine(is.note));
    }
    std::string o;
    o.reserve(n * 128);
    for (size_t r = 0; r < n; ++r) {
      const size_t line_start = o.size();
      o += ' ';
      for (size_t c = 0; c < kColumns; ++c) {
        const Cell& cell = cells[r * kColumns + c];
        const bool last = c == kColumns - 1;
        if (last && cell.text.empty()) break;
        const size_t pad = width[c] - cell.width;
        bool styled = true;
        Style st = Style::kDim;
        if (r == 0) {
          st = Style::kDim;
        } else if (c == 7) {
          Status status = s.indicators[r - 1].status;
          st = status == Status::kMet     ? Style::kGood
               : status == Status::kUnmet ? Style::kBad
                                          : Style::kDim;
        } else if (c == 8 && !cell.text.empty()) {
          st = Style::kWarning;
        } else {
          styled = false;
        }
        o += ' ';
        if (styled && ctx_.color) {
          std::string padded = kRightAligned[c]
                                   ? std::string(pad, ' ') + cell.text
                                   : (last ? cell.text : cell.text + std::string(pad, ' '));
          o += Paint(padded, st);
        } else {
          if (kRightAligned[c]) o.append(pad, ' ');
          o += cell.text;
          if (!kRightAligned[c] && !last) o.append(pad, ' ');
        }
      }
      size_t end = o.size();
      while (end > line_start && o[end - 1] == ' ') --end;
      o.resize(end);
      o += '\n';
      // --show-work: the arithmetic under the row.
      if (r > 0 && s.work) {
        for (const std::string& line : IndicatorWorkLines(s, r - 1))
          o += "      " + Paint(line, Style::kDim) + "\n";
      }
    }
    return o;
  }

  // The year summary: by department, by level-1 group, lowest scores.
  std::string YearTables(const YearSummary& y) const {
    auto row = [](std::initializer_list<std::string_view> cells) {
      return std::vector<std::string>(cells.begin(), cells.end());
    };
    std::vector<std::vector<std::string>> dept{row({l_.department, l_.project_count,
                                                    l_.comply_count, l_.mean, l_.median,
                                                    l_.unmet_indicators, l_.grade_counts})};
    for (const DepartmentSummary& d : y.departments()) {
      std::vector<std::string> grades;
      for (const GradeBand& b : ctx_.rules->grades) {
        auto it = d.grades.find(b.name);
        grades.push_back(fmt::format("{}{}", b.name, it == d.grades.end() ? 0 : it->second));
      }
      dept.push_back({TruncateToWidth(OneLine(DepartmentLabel(d.code, d.name)), 48),
                      std::to_string(d.projects), std::to_string(d.complies),
                      d.Mean().FormatFixed(2), d.Median().FormatFixed(2), std::to_string(d.unmet),
                      fmt::format("{}", fmt::join(grades, " "))});
    }
    std::vector<std::vector<std::string>> groups{row({l_.level1, l_.indicator_count, l_.met,
                                                      l_.unmet, l_.not_applicable,
                                                      l_.attainment})};
    for (const Level1Summary& g : y.level1()) {
      groups.push_back({g.name, std::to_string(g.indicators), std::to_string(g.met),
                        std::to_string(g.unmet), std::to_string(g.not_applicable),
                        (g.Attainment() * 100).FormatFixed(2) + "%"});
    }
    std::vector<std::vector<std::string>> lowest{row({l_.lowest, l_.id, l_.total, l_.grade})};
    for (size_t i = 0; i < y.lowest().size() && i < 5; ++i) {
      const ProjectDigest& p = y.lowest()[i];
      lowest.push_back({TruncateToWidth(OneLine(p.project), 40), p.id, p.score.FormatFixed(2),
                        p.grade});
    }
    return Aligned(dept) + "\n" + Aligned(groups) + "\n" + Aligned(lowest) + "\n";
  }

  std::string Aligned(const std::vector<std::vector<std::string>>& rows) const {
    return AlignedRows(rows, ctx_.color);
  }

  std::string StatusLabel(Status st) const { return std::string(jixiao::StatusLabel(st, l_)); }
  std::string DeviationLabel(DeviationKind k) const {
    return std::string(jixiao::DeviationLabel(k, l_));
  }

  ReportContext ctx_;
  const ReportLabels l_;
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter(const ReportContext& ctx) {
  return std::make_unique<TextReporter>(ctx);
}

}  // namespace jixiao
