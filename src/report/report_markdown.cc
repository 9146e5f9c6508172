// The Markdown report (docs/reference.md §6), for a CI job summary ($GITHUB_STEP_SUMMARY,
// GitLab) and a merge-request comment: a summary table of every project,
// each project's indicators in a collapsed <details> block, then the errors
// and warnings.
//
// Buffers: the summary table comes first but needs every project, so each
// project is rendered as it is reported and everything is written at End.
// To fit a merge-request comment (GitHub takes 65,536 characters) the
// report is kept within kMarkdownCommentBudget characters
// (markdown_projects.h): at most kMaxDiagnostics errors and as many
// warnings are listed, then the table's rows take what the rest leaves and
// the details blocks what the rows leave, both those of projects that do
// not comply first; what is left out is counted.
#include <algorithm>

#include <fmt/format.h>

#include "report/diagnostic_format.h"
#include "report/report.h"
#include "report/markdown_projects.h"
#include "report/report_common.h"
#include "base/text.h"

namespace jixiao {

namespace {

constexpr size_t kMaxDiagnostics = 50;

class MarkdownReporter : public Reporter {
 public:
  explicit MarkdownReporter(const ReportContext& ctx) : ctx_(ctx), l_(ReportLabels::Current()) {}

  void Project(const ProjectScore& s, bool complies, std::ostream& /*out*/) override {
    // Details: those of projects that do not comply are chosen first.
    projects_.Add(fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n",
                              MarkdownText(s.project.project), MarkdownText(s.project.id),
                              s.total_rounded.FormatFixed(2), MarkdownText(s.grade), s.met,
                              s.unmet, ComplianceMark(complies)),
                  Details(s, complies), complies ? 1 : 0);
  }

  void End(const RunSummary& sum, const Diagnostics& diags, std::ostream& out) override {
    std::string o = fmt::format("## {}\n\n", l_.title);
    std::vector<std::string> grades;
    for (const auto& [name, count] : sum.grades) {
      grades.push_back(fmt::format("{} {}", MarkdownText(name), count));
    }
    o += MarkdownText(RunSummaryLine(sum.projects, sum.complies, diags.error_count(),
                                     diags.warning_count()));
    o += Tr(MsgId::kGradesSuffix,
            fmt::format("{}", fmt::join(grades, Text(MsgId::kListSeparator))));
    o += "\n\n";
    std::string tail;
    AppendDiagnostics(diags, Severity::kError, l_.errors, &tail);
    AppendDiagnostics(diags, Severity::kWarning, l_.warnings, &tail);
    if (projects_.empty()) {
      o += fmt::format("{}\n\n", Text(MsgId::kReportNoProjects));
    } else {
      o += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", l_.project, l_.id, l_.score,
                       l_.grade, l_.met, l_.unmet, l_.complies);
      o += "|---|---|---:|:---:|---:|---:|:---:|\n";
      std::string year;
      if (sum.projects > 1) AppendYear(sum.year, &year);
      const std::string details = fmt::format("### {}\n\n", l_.details);
      size_t left = MarkdownRoomLeft({o, year, details, tail});
      out << o;
      o.clear();
      size_t used = 0;
      if (size_t rows_left_out = projects_.WriteRows(left, out, &used)) {
        o += "\n" + Counted(rows_left_out, MsgId::kRowsLeftOutOne, MsgId::kRowsLeftOut) + "\n";
      }
      left -= used;
      o += "\n" + year + details;
      out << o;
      o.clear();
      if (size_t left_out = projects_.WriteDetails(left, out)) {
        o += Counted(left_out, MsgId::kDetailsLeftOutOne, MsgId::kDetailsLeftOut) + "\n\n";
      }
    }
    out << o << tail;
  }

 private:
  // The year summary: by department, by level-1 group, lowest totals.
  void AppendYear(const YearSummary& y, std::string* o) const {
    *o += fmt::format("| {} | {} | {} | {} | {} | {} |\n", l_.department, l_.project_count,
                      l_.comply_count, l_.mean, l_.median, l_.unmet_indicators);
    *o += "|---|---:|---:|---:|---:|---:|\n";
    for (const DepartmentSummary& d : y.departments()) {
      *o += fmt::format("| {} | {} | {} | {} | {} | {} |\n",
                        MarkdownText(DepartmentLabel(d.code, d.name)), d.projects, d.complies,
                        d.Mean().FormatFixed(2), d.Median().FormatFixed(2), d.unmet);
    }
    *o += fmt::format("\n| {} | {} | {} | {} | {} | {} |\n", l_.level1, l_.indicator_count,
                      l_.met, l_.unmet, l_.not_applicable, l_.attainment);
    *o += "|---|---:|---:|---:|---:|---:|\n";
    for (const Level1Summary& g : y.level1()) {
      *o += fmt::format("| {} | {} | {} | {} | {} | {}% |\n", MarkdownText(g.name), g.indicators,
                        g.met, g.unmet, g.not_applicable,
                        (g.Attainment() * 100).FormatFixed(2));
    }
    *o += fmt::format("\n| {} | {} | {} | {} |\n", l_.lowest, l_.id, l_.score, l_.grade);
    *o += "|---|---|---:|:---:|\n";
    for (const ProjectDigest& p : y.lowest()) {
      *o += fmt::format("| {} | {} | {} | {} |\n", MarkdownText(p.project), MarkdownText(p.id),
                        p.score.FormatFixed(2), MarkdownText(p.grade));
    }
    *o += "\n";
  }

  std::string ComplianceMark(bool complies) const {
    return fmt::format("{} {}", complies ? "✅" : "❌", complies ? l_.yes : l_.no);
  }

  std::string Details(const ProjectScore& s, bool complies) const {
    const jixiao::Project& p = s.project;
    std::string o = fmt::format(
        "<details><summary>{} {} — {} {} · {} {} · {} {} · {} {}</summary>\n\n",
        complies ? "✅" : "❌", MarkdownHtmlText(p.project), l_.score, s.total_rounded.FormatFixed(2),
        l_.grade, MarkdownHtmlText(s.grade), l_.met, s.met, l_.unmet, s.unmet);
    std::string where = fmt::format("{}:{}", p.loc.file, p.loc.line);
    std::string dept = DepartmentText(p);
    o += fmt::format("{} {}", l_.id, MarkdownText(p.id));
    if (!dept.empty()) o += " · " + MarkdownText(dept);
    o += fmt::format(" · {}\n\n", MarkdownText(where));
    const std::string unit = MarkdownText(p.unit);
    o += s.adjusted ? Tr(MsgId::kReportBudgetFigureAdjusted, AmountText(p.total),
                         AmountText(s.adjusted->total), unit)
                    : Tr(MsgId::kReportBudgetFigure, AmountText(p.total), unit);
    o += fmt::format(" · {} {} {} · {} {}% · {} {} / {}", l_.spent, AmountText(s.spent), unit,
                     l_.rate, (s.rate * 100).FormatFixed(2), l_.score,
                     s.budget_score.FormatFixed(2), s.budget_weight.FormatFixed(2));
    if (s.low_execution) {
      o += fmt::format(" · **{}**", l_.low_execution);
      if (!s.note.empty()) o += Tr(MsgId::kReportLabelledNote, l_.note, MarkdownText(s.note));
    }
    o += "\n\n";
    o += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", l_.level1,
                     l_.level2, l_.indicator, l_.target, l_.actual, l_.weight, l_.score,
                     l_.status, l_.deviation, l_.note);
    o += "|---|---|---|---|---|---:|---:|---|---|---|\n";
    for (const IndicatorScore& is : s.indicators) {
      const Indicator& ind = p.indicators[is.index];
      o += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                       MarkdownText(ind.level1), MarkdownText(ind.level2), MarkdownText(ind.name),
                       MarkdownText(ind.target_text), MarkdownText(is.actual_text),
                       is.weight.FormatFixed(2), is.score.FormatFixed(2),
                       is.status == Status::kUnmet ? fmt::format("**{}**", l_.unmet)
                                                   : std::string(StatusLabel(is.status, l_)),
                       DeviationLabel(is.deviation, l_), MarkdownText(is.note));
    }
    o += "\n</details>\n\n";
    return o;
  }

  // Each diagnostic an item as on standard error: "- file:3:5: 错误[JX0301]: …".
  void AppendDiagnostics(const Diagnostics& diags, Severity sev, std::string_view heading,
                         std::string* o) const {
    size_t count = sev == Severity::kError ? diags.error_count() : diags.warning_count();
    if (count == 0) return;
    *o += fmt::format("### {} ({})\n\n", heading, count);
    size_t listed = 0;
    for (const Diagnostic& d : diags.all()) {
      if (d.severity != sev) continue;
      if (listed == kMaxDiagnostics) break;
      ++listed;
      std::string where = FormatLocation(d.loc);
      *o += where.empty() ? "- " : fmt::format("- {}: ", MarkdownText(where));
      *o += SeverityLabel(d) + ": " + MarkdownText(d.message) + "\n";
    }
    if (listed < count) *o += "- " + Tr(MsgId::kMoreItems, count - listed) + "\n";
    *o += "\n";
  }

  ReportContext ctx_;
  const ReportLabels l_;
  MarkdownProjects projects_;
};

}  // namespace

std::unique_ptr<Reporter> MakeMarkdownReporter(const ReportContext& ctx) {
  return std::make_unique<MarkdownReporter>(ctx);
}

}  // namespace jixiao
