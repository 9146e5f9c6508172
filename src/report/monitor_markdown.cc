// The Markdown report of `jixiao monitor`, for a CI job summary and a
// merge-request comment: the run's counts, a table of every project with
// its light, projects by department, each project's indicators in a
// collapsed <details> block, then the errors and warnings. Buffers, as
// eval's (report_markdown.cc): the table needs every project, so everything
// is written at End; and as eval's it is kept within kMarkdownCommentBudget
// characters, the table's rows taking what the rest leaves and the details
// what the rows leave, both red projects first, then yellow.
#include <fmt/format.h>

#include "base/messages.h"
#include "base/text.h"
#include "report/diagnostic_format.h"
#include "report/markdown_projects.h"
#include "report/monitor_common.h"
#include "report/monitor_report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

constexpr size_t kMaxDiagnostics = 50;

// "🔴 红": the mark and the word of a light.
std::string Mark(Light l) {
  const char* dot = l == Light::kGreen ? "🟢" : l == Light::kYellow ? "🟡" : "🔴";
  return fmt::format("{} {}", dot, LightWord(l));
}

class MonitorMarkdownReporter : public MonitorReporter {
 public:
  explicit MonitorMarkdownReporter(const MonitorReportContext& ctx) : ctx_(ctx) {}

  void Begin(const MonitorRun* run, std::ostream& /*out*/) override {
    if (run != nullptr) run_ = *run;
    has_run_ = run != nullptr;
  }

  void Project(const ProjectMonitor& m, std::ostream& /*out*/) override {
    // Details: red projects are chosen first, then yellow, then green.
    const uint8_t rank = m.light == Light::kRed ? 0 : m.light == Light::kYellow ? 1 : 2;
    projects_.Add(fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", Mark(m.light),
                              MarkdownText(m.project.project), MarkdownText(m.project.id),
                              Mark(m.budget_light), m.lights[2], m.lights[1], m.lights[0]),
                  Details(m), rank);
  }

  void End(const MonitorSummary& s, const Diagnostics& diags, std::ostream& out) override {
    std::string o = fmt::format("## {}\n\n", Tr(MsgId::kMonLabelTitle));
    o += MarkdownText(MonitorSummaryLine(s, has_run_ ? &run_ : nullptr, diags.error_count(),
                                         diags.warning_count())) +
         "\n\n";
    std::string tail;
    AppendDiagnostics(diags, Severity::kError, Tr(MsgId::kMonLabelErrors), &tail);
    AppendDiagnostics(diags, Severity::kWarning, Tr(MsgId::kMonLabelWarnings), &tail);
    if (projects_.empty()) {
      o += Tr(MsgId::kMonNoProjects) + "\n\n";
    } else {
      o += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", Tr(MsgId::kMonLabelLight),
                       Tr(MsgId::kMonLabelProject), Tr(MsgId::kMonLabelId),
                       Tr(MsgId::kMonLabelBudget), LightWord(Light::kRed),
                       LightWord(Light::kYellow), LightWord(Light::kGreen));
      o += "|:---:|---|---|:---:|---:|---:|---:|\n";
      std::string departments;
      if (s.projects > 1) AppendDepartments(s, &departments);
      const std::string details = fmt::format("### {}\n\n", Tr(MsgId::kMonLabelDetails));
      size_t left = MarkdownRoomLeft({o, departments, details, tail});
      out << o;
      o.clear();
      size_t used = 0;
      if (size_t rows_left_out = projects_.WriteRows(left, out, &used)) {
        o += "\n" + Tr(MsgId::kMonRowsLeftOut, rows_left_out) + "\n";
      }
      left -= used;
      o += "\n" + departments + details;
      out << o;
      o.clear();
      if (size_t left_out = projects_.WriteDetails(left, out)) {
        o += Tr(MsgId::kMonDetailsLeftOut, left_out) + "\n\n";
      }
    }
    out << o << tail;
  }

 private:
  void AppendDepartments(const MonitorSummary& s, std::string* o) const {
    *o += fmt::format("| {} | {} | {} | {} | {} |\n", Tr(MsgId::kMonLabelDepartment),
                      Tr(MsgId::kMonLabelProjects), LightWord(Light::kGreen),
                      LightWord(Light::kYellow), LightWord(Light::kRed));
    *o += "|---|---:|---:|---:|---:|\n";
    for (const MonitorSummary::Department& d : s.departments) {
      *o += fmt::format("| {} | {} | {} | {} | {} |\n", MarkdownText(DepartmentLabel(d.code, d.name)),
                        d.projects, d.lights[0], d.lights[1], d.lights[2]);
    }
    *o += "\n";
  }

  std::string Details(const ProjectMonitor& m) const {
    const jixiao::Project& p = m.project;
    std::string o = fmt::format("<details><summary>{} {}</summary>\n\n", Mark(m.light),
                                MarkdownHtmlText(p.project));
    o += fmt::format("{} {}", Tr(MsgId::kMonLabelId), MarkdownText(p.id));
    const std::string dept = DepartmentText(p);
    if (!dept.empty()) o += " · " + MarkdownText(dept);
    o += fmt::format(" · {}\n\n", MarkdownText(fmt::format("{}:{}", p.loc.file, p.loc.line)));
    o += fmt::format("{} {} · {}", Tr(MsgId::kMonLabelBudget),
                     MarkdownText(BudgetFigures(m, run_)), Mark(m.budget_light));
    if (m.forecast_spent) {
      o += fmt::format(" · {} {} {}{}", Tr(MsgId::kMonLabelForecastSpent),
                       AmountText(*m.forecast_spent), MarkdownText(p.unit),
                       ForecastShareText(m, ctx_.report.rules->monitor));
      if (m.forecast_spent_low) {
        o += " **" + ForecastSpentLowText(ctx_.report.rules->monitor) + "**";
      }
    }
    if (!m.note.empty()) o += fmt::format(" · {}: {}", Tr(MsgId::kMonLabelNote), MarkdownText(m.note));
    o += "\n\n";
    o += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                     Tr(MsgId::kMonLabelIndicator), Tr(MsgId::kMonLabelTarget), ValueLabel(&run_),
                     Tr(MsgId::kMonLabelForecast), Tr(MsgId::kMonLabelLight),
                     Tr(MsgId::kMonLabelFigures), Tr(MsgId::kMonLabelLikelihood),
                     Tr(MsgId::kMonLabelReasons), Tr(MsgId::kMonLabelNote));
    o += "|---|---|---|---|:---:|---|---|---|---|\n";
    for (const IndicatorMonitor& im : m.indicators) {
      const Indicator& ind = p.indicators[im.index];
      std::string likelihood;
      if (im.likelihood) {
        const std::string adjusted = AdjustmentText(im);
        likelihood = adjusted.empty() ? LikelihoodText(*im.likelihood) : adjusted;
      }
      o += fmt::format(
          "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", MarkdownText(ind.name),
          MarkdownText(ind.target_text), MarkdownText(im.value_text),
          MarkdownText(im.forecast_text), im.not_applicable ? "—" : Mark(im.light),
          im.not_applicable ? Tr(MsgId::kMonLabelNotApplicable)
                            : MarkdownText(FiguresText(im, run_, ctx_.report.rules->reverse)),
          MarkdownText(likelihood), MarkdownText(ReasonsText(im.reasons)), MarkdownText(im.note));
    }
    if (m.light == Light::kRed) o += "\n> " + MarkdownText(RedAdvice()) + "\n";
    o += "\n</details>\n\n";
    return o;
  }

  void AppendDiagnostics(const Diagnostics& diags, Severity sev, const std::string& heading,
                         std::string* o) const {
    const size_t count = sev == Severity::kError ? diags.error_count() : diags.warning_count();
    if (count == 0) return;
    *o += fmt::format("### {} ({})\n\n", heading, count);
    size_t listed = 0;
    for (const Diagnostic& d : diags.all()) {
      if (d.severity != sev) continue;
      if (listed == kMaxDiagnostics) break;
      ++listed;
      const std::string where = FormatLocation(d.loc);
      *o += where.empty() ? "- " : fmt::format("- {}: ", MarkdownText(where));
      *o += SeverityLabel(d) + ": " + MarkdownText(d.message) + "\n";
    }
    if (listed < count) *o += "- " + Tr(MsgId::kMonMoreErrors, count - listed) + "\n";
    *o += "\n";
  }

  MonitorReportContext ctx_;
  MonitorRun run_;
  bool has_run_ = false;
  MarkdownProjects projects_;
};

}  // namespace

std::unique_ptr<MonitorReporter> MakeMonitorMarkdownReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorMarkdownReporter>(ctx);
}

}  // namespace jixiao
